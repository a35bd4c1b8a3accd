// Run and chat ids are UUIDv7: time-ordered, so a run's rows land at the right edge of every index keyed by it.
import { describe, expect, it } from "vitest";
import { createTestUser, testDatabase } from "../../test/db";
import { isUuid } from "../validation";
import { createRun } from "./run";

describe("run ids", () => {
  it("are UUIDv7 in creation order, for runs and the chats they open", async () => {
    const database = await testDatabase();
    const { userId } = await createTestUser();
    const created = [];
    for (let i = 0; i < 3; i++) {
      created.push(await createRun(database, { userId, message: `ids ${i}`, flagOverrides: { orchestrator: true } }));
      await new Promise((r) => setTimeout(r, 2)); // a later millisecond
    }
    for (const id of created.flatMap((c) => [c.runId, c.sessionId])) {
      expect(isUuid(id)).toBe(true);
      expect(id[14]).toBe("7"); // the version nibble
    }
    const runIds = created.map((c) => c.runId);
    expect([...runIds].sort()).toEqual(runIds);
    // The first 48 bits are the creation time.
    const ms = parseInt(runIds[0].replace(/-/g, "").slice(0, 12), 16);
    expect(Math.abs(ms - Date.now())).toBeLessThan(60_000);
  });
});
