// The chat router through a tRPC caller against the real database: ownership, ordering, rename, delete.
// Other users' sessions must look exactly like missing ones (NOT_FOUND).
import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { createCallerFactory, router } from "../init";
import { chatRouter } from "./chat";
import { createTestUser, testDatabase } from "../../../test/db";
import { expectTrpcCode, testContext } from "../../../test/trpc";
import { chatSessions, runs } from "../../db/schema";

const createCaller = createCallerFactory(router({ chat: chatRouter }));

async function callerFor(userId: string | null) {
  return createCaller(await testContext(userId));
}

describe("chat router", () => {
  it("lists the caller's sessions newest first with the last run's status", async () => {
    const { db } = await testDatabase();
    const { userId, sessionId: older } = await createTestUser();
    const [newer] = await db
      .insert(chatSessions)
      .values({ userId, title: "newer", updatedAt: new Date(Date.now() + 60_000) })
      .returning();
    await db.insert(runs).values([
      { userId, sessionId: older, question: "q1", status: "completed", startedAt: new Date(Date.now() - 5000) },
      { userId, sessionId: older, question: "q2", status: "failed", startedAt: new Date() },
    ]);
    const other = await createTestUser();

    const list = await (await callerFor(userId)).chat.sessions();
    expect(list.map((s) => s.id)).toEqual([newer.id, older]);
    expect(list[0].lastStatus).toBeNull();
    expect(list[1].lastStatus).toBe("failed");
    expect(list.some((s) => s.id === other.sessionId)).toBe(false);
    expect(typeof list[0].updatedAt).toBe("string");
  });

  it("returns a session's turns oldest first", async () => {
    const { db } = await testDatabase();
    const { userId, sessionId } = await createTestUser();
    const t0 = Date.now();
    await db.insert(runs).values([
      { userId, sessionId, question: "second", status: "running", startedAt: new Date(t0) },
      { userId, sessionId, question: "first", status: "completed", intent: "LEGAL_CONSULT", answer: "A", startedAt: new Date(t0 - 10_000), finishedAt: new Date(t0 - 5000) },
    ]);
    const { session, turns } = await (await callerFor(userId)).chat.session({ sessionId });
    expect(session.id).toBe(sessionId);
    expect(turns.map((t) => t.question)).toEqual(["first", "second"]);
    expect(turns[0]).toMatchObject({ status: "completed", intent: "LEGAL_CONSULT", answer: "A" });
    expect(turns[0].finishedAt).not.toBeNull();
    expect(turns[1]).toMatchObject({ status: "running", answer: null, finishedAt: null });
  });

  it("answers NOT_FOUND for another user's session and for an unknown one", async () => {
    const owner = await createTestUser();
    const intruder = await createTestUser();
    const caller = await callerFor(intruder.userId);
    await expectTrpcCode(caller.chat.session({ sessionId: owner.sessionId }), "NOT_FOUND");
    await expectTrpcCode(caller.chat.session({ sessionId: "00000000-0000-4000-8000-000000000000" }), "NOT_FOUND");
    await expectTrpcCode(caller.chat.rename({ sessionId: owner.sessionId, title: "mine now" }), "NOT_FOUND");
    await expectTrpcCode(caller.chat.delete({ sessionId: owner.sessionId }), "NOT_FOUND");
    const { db } = await testDatabase();
    const [still] = await db.select().from(chatSessions).where(eq(chatSessions.id, owner.sessionId));
    expect(still.title).toBe("test");
  });

  it("rejects callers without a user cookie and malformed ids", async () => {
    await expectTrpcCode((await callerFor(null)).chat.sessions(), "UNAUTHORIZED");
    const { userId } = await createTestUser();
    await expectTrpcCode((await callerFor(userId)).chat.session({ sessionId: "not-a-uuid" }), "BAD_REQUEST");
    await expectTrpcCode((await callerFor(userId)).chat.rename({ sessionId: "00000000-0000-4000-8000-000000000000", title: "  " }), "BAD_REQUEST");
  });

  it("renames and deletes the owner's session, refusing delete while a run is running", async () => {
    const { db } = await testDatabase();
    const { userId, sessionId } = await createTestUser();
    const caller = await callerFor(userId);
    expect(await caller.chat.rename({ sessionId, title: "  전세 상담  " })).toEqual({ id: sessionId, title: "전세 상담" });

    const [run] = await db.insert(runs).values({ userId, sessionId, question: "q", status: "running" }).returning();
    await expectTrpcCode(caller.chat.delete({ sessionId }), "CONFLICT");
    await db.update(runs).set({ status: "completed" }).where(eq(runs.id, run.id));

    expect(await caller.chat.delete({ sessionId })).toEqual({ deleted: sessionId });
    expect(await db.select().from(runs).where(eq(runs.id, run.id))).toHaveLength(0);
    await expectTrpcCode(caller.chat.session({ sessionId }), "NOT_FOUND");
  });
});
