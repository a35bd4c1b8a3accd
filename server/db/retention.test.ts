// Checkpoint retention on the real database: old finished runs keep only their final checkpoint,
// made whole; running and recent runs keep all of theirs, and events are never touched.
import { describe, expect, it } from "vitest";
import { createTestUser, testDatabase } from "../../test/db";
import { pruneCheckpoints, retainDays } from "./retention";
import { BASE_KEY, CheckpointEncoder } from "../state/checkpoint-doc";

async function makeRun(userId: string, status: string, daysAgo: number): Promise<string> {
  const { sql } = await testDatabase();
  const at = new Date(Date.now() - daysAgo * 86_400_000).toISOString();
  const [{ id }] = await sql<{ id: string }[]>`
    insert into runs (user_id, question, status, started_at, finished_at)
    values (${userId}, 'retention test', ${status}, ${at}::timestamptz, ${status === "running" ? null : at}::timestamptz) returning id`;
  // Stored as a run writes them: the first whole, the later ones only what changed (state/checkpoint-doc.ts).
  const encoder = new CheckpointEncoder();
  for (const seq of [1, 2, 3]) {
    await sql`insert into checkpoints (run_id, seq, node, state) values (${id}, ${seq}, ${`n${seq}`}, ${encoder.encode(seq, stateAt(seq))}::jsonb)`;
    await sql`insert into run_events (run_id, seq, type, payload) values (${id}, ${seq}, 'step_started', '{}'::jsonb)`;
  }
  return id;
}

/** A state whose keys change from checkpoint to checkpoint: `kept` never, `seq` always, `late` appears at 3. */
const stateAt = (seq: number) => ({ kept: { big: "x".repeat(50) }, seq, ...(seq >= 3 ? { late: [seq] } : {}) });

async function checkpointState(runId: string, seq: number): Promise<unknown> {
  const { sql } = await testDatabase();
  const [row] = await sql<{ state: unknown }[]>`select state from checkpoints where run_id = ${runId} and seq = ${seq}`;
  return row.state;
}

async function seqs(table: "checkpoints" | "run_events", runId: string): Promise<number[]> {
  const { sql } = await testDatabase();
  const rows = await sql<{ seq: number }[]>`select seq from ${sql(table)} where run_id = ${runId} order by seq`;
  return rows.map((r) => r.seq);
}

describe("pruneCheckpoints", () => {
  it("keeps only the final checkpoint of old finished runs, everything of running and recent ones, all events", async () => {
    const database = await testDatabase();
    const { userId } = await createTestUser();
    const oldDone = await makeRun(userId, "completed", 400);
    const oldFailed = await makeRun(userId, "failed", 400);
    const oldRunning = await makeRun(userId, "running", 400);
    const recent = await makeRun(userId, "completed", 1);

    const r = await pruneCheckpoints(database, { days: 300, full: true, batchSize: 2 });
    expect(r.done).toBe(true);
    expect(r.checkpointsDeleted).toBeGreaterThanOrEqual(4);
    expect(await seqs("checkpoints", oldDone)).toEqual([3]);
    expect(await seqs("checkpoints", oldFailed)).toEqual([3]);
    // The one kept is made whole: the fold of the rows it built on, with no "$base" left.
    expect(await checkpointState(oldDone, 3)).toEqual(stateAt(3));
    expect(await checkpointState(recent, 3)).toEqual({ [BASE_KEY]: 2, seq: 3, late: [3] });
    expect(await seqs("checkpoints", oldRunning)).toEqual([1, 2, 3]);
    expect(await seqs("checkpoints", recent)).toEqual([1, 2, 3]);
    for (const id of [oldDone, oldFailed, oldRunning, recent]) expect(await seqs("run_events", id)).toEqual([1, 2, 3]);

    // A second pass from the stored watermark finds nothing more to delete among these runs.
    const again = await pruneCheckpoints(database, { days: 300 });
    expect(again.done).toBe(true);
    expect(await seqs("checkpoints", oldRunning)).toEqual([1, 2, 3]);
  });

  it("reads ENSEMBLE_RETAIN_DAYS and refuses nonsense", () => {
    expect(retainDays({})).toBe(30);
    expect(retainDays({ ENSEMBLE_RETAIN_DAYS: "7" })).toBe(7);
    expect(() => retainDays({ ENSEMBLE_RETAIN_DAYS: "-1" })).toThrow(/positive/);
    expect(() => retainDays({ ENSEMBLE_RETAIN_DAYS: "soon" })).toThrow(/positive/);
  });
});
