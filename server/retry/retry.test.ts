// The shared retry engine: which errors retry (by kind), how often, how long, and that a cancelled
// run stops retrying. Pure, no database.
import { describe, expect, it } from "vitest";
import { errorKind, retryDelay, TransientError, TRANSIENT_KINDS, withRetry, type RetryPolicy } from "./index";

const policy: RetryPolicy = { maxAttempts: 3, initialIntervalMs: 1, backoffFactor: 2, maxIntervalMs: 4, jitter: 0, retryOn: TRANSIENT_KINDS };

describe("errorKind", () => {
  it("reads an explicit kind, network and database codes, and HTTP statuses", () => {
    expect(errorKind(new TransientError("x"))).toBe("transient");
    expect(errorKind({ code: "ECONNRESET" })).toBe("network");
    expect(errorKind({ code: "40001" })).toBe("transient");
    expect(errorKind({ statusCode: 429 })).toBe("rate_limited");
    expect(errorKind({ status: 503 })).toBe("server_error");
    expect(errorKind({ status: 400 })).toBe("other");
    expect(errorKind(new Error("bad"))).toBe("other");
  });
});

describe("withRetry", () => {
  it("retries the kinds in retryOn until success, reporting each failure", async () => {
    const seen: string[] = [];
    let n = 0;
    const out = await withRetry(policy, async () => { if (++n < 3) throw new TransientError("down"); return "ok"; }, {
      onFailure: (_e, attempt, retrying) => seen.push(`${attempt}:${retrying}`),
    });
    expect(out).toBe("ok");
    expect(seen).toEqual(["1:true", "2:true"]);
  });

  it("fails at once on a kind it does not retry, and after maxAttempts otherwise", async () => {
    let calls = 0;
    await expect(withRetry(policy, async () => { calls++; throw new Error("permanent"); })).rejects.toThrow("permanent");
    expect(calls).toBe(1);
    calls = 0;
    await expect(withRetry(policy, async () => { calls++; throw new TransientError("down"); })).rejects.toThrow("down");
    expect(calls).toBe(3);
  });

  it("stops retrying when the signal aborts during the backoff, with the last failure", async () => {
    const controller = new AbortController();
    let calls = 0;
    const slow: RetryPolicy = { ...policy, initialIntervalMs: 10_000, maxIntervalMs: 10_000 };
    const done = withRetry(slow, async () => { calls++; throw new TransientError(`attempt ${calls}`); }, { signal: controller.signal });
    setTimeout(() => controller.abort(new Error("cancelled")), 20);
    await expect(done).rejects.toThrow("attempt 1");
    expect(calls).toBe(1);
  });

  it("takes a delay the error asks for, and backs off exponentially with a cap otherwise", () => {
    expect([1, 2, 3, 4].map((a) => retryDelay(policy, a))).toEqual([1, 2, 4, 4]);
    expect(retryDelay({ ...policy, initialIntervalMs: 100, maxIntervalMs: 1000, jitter: 0.25 }, 1, () => 1)).toBe(125);
  });
});
