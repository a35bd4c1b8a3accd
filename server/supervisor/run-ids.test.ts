// Run and chat ids are UUIDv7: time-ordered, so a run's rows land at the right edge of every index keyed by it.
import { describe, expect, it } from "vitest";
import { createTestUser, testDatabase } from "../../test/db";
import { isUuid } from "../validation";
import { newId } from "../db/ids";
import { writeStats } from "../events/run-writer";
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

  it("write a new visitor's user in the run's own statement, or no user at all", async () => {
    const database = await testDatabase();
    const userId = newId();
    const before = writeStats.transactions;
    const created = await createRun(database, { userId, newUser: true, message: "first question", flagOverrides: { orchestrator: true } });
    expect(writeStats.transactions - before).toBe(1);
    const [row] = await database.sql<{ user: string; same: boolean }[]>`select u.id::text as user, u.created_at = s.created_at as same
      from runs r join users u on u.id = r.user_id join chat_sessions s on s.id = r.session_id where r.id = ${created.runId}`;
    expect(row).toEqual({ user: userId, same: true });
    // A chat that cannot be stored (PostgreSQL text cannot hold NUL) leaves no user behind.
    const other = newId();
    await expect(createRun(database, { userId: other, newUser: true, message: "bad \u0000 question" })).rejects.toThrow();
    expect(await database.sql`select 1 from users where id = ${other}`).toHaveLength(0);
  });
});
