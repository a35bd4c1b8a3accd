// A 5xx through the route wrapper is logged exactly once as a structured JSON line carrying the request
// id, the route and the original stack, while the caller sees only a masked message and the same id.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const run = promisify(execFile);

describe("route errors in the log", () => {
  it("logs a provoked 500 once, with its request id and stack, at error level", async () => {
    const { stdout, stderr } = await run(process.execPath, ["--conditions=react-server", "--import", "tsx", "test/fixtures/provoke-5xx.ts"], {
      env: { ...process.env, LOG_LEVEL: "info", NODE_ENV: "production" },
      timeout: 30_000,
    });
    const response = JSON.parse(stderr.trim().split("\n").at(-1)!) as { status: number; requestId: string; body: { error: { code: string; message: string; requestId: string } } };
    expect(response.status).toBe(500);
    expect(response.requestId).toBe("req-log-test-0001");
    expect(response.body.error).toMatchObject({ code: "internal:server", requestId: "req-log-test-0001" });
    expect(JSON.stringify(response.body)).not.toContain("provoked failure"); // internals stay in the log

    const lines = stdout.trim().split("\n").map((l) => JSON.parse(l) as Record<string, unknown>);
    const errors = lines.filter((l) => l.level === 50);
    expect(errors).toHaveLength(1);
    const [line] = errors;
    expect(line).toMatchObject({ service: "ensemble", requestId: "req-log-test-0001", route: "GET /api/provoke", method: "GET", code: "internal:server", status: 500 });
    const err = line.err as { message: string; stack: string };
    expect(err.message).toBe("provoked failure for the log test");
    expect(err.stack).toContain("provoke-5xx.ts");
    // …and the request's access line carries the same id and status.
    expect(lines.filter((l) => l.msg === "request")).toEqual([expect.objectContaining({ requestId: "req-log-test-0001", status: 500, path: "/api/provoke", level: 30 })]);
  });
});
