// Versioned checkpoints: an old-shape state is upgraded and a resumed run finishes from it; a state
// that does not validate fails the run instead of half-running it.
import { asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createW1App, w1Query } from "../../scripts/bench/w1-app";
import { createTestUser, testDatabase } from "../../test/db";
import { collectRunEvents } from "../../test/events";
import { checkpoints, runs } from "../db/schema";
import { CHECKPOINT_VERSION, CheckpointError, readCheckpoint, upgradeCheckpoint } from "./checkpoint";
import { createRun, executeRun } from "./run";
import { runTurn } from "./service";
import type { SupervisorState } from "./types";
import { foldCheckpoints } from "../state/checkpoint-doc";

const FLAGS = { orchestrator: true, memory_learning: false, llm_decisions: false, strategy_cache: false };

/** The state after `planning` as this build writes it, from a real run. */
async function plannedState(): Promise<SupervisorState> {
  const database = await testDatabase();
  const { userId } = await createTestUser();
  const done = await runTurn(database, { userId, message: w1Query(40), flagOverrides: FLAGS }, { app: createW1App({ latencyMs: 0 }) });
  const rows = await database.db.select().from(checkpoints).where(eq(checkpoints.runId, done.runId)).orderBy(asc(checkpoints.seq));
  // Stored as what changed since the checkpoint before: the state is the fold up to planning's row.
  return foldCheckpoints(rows.slice(0, rows.findIndex((r) => r.node === "planning") + 1)) as SupervisorState;
}

/** What a build before schemaVersion wrote: no version, no aspects or question type in the plan. */
function asVersion1(state: SupervisorState): Record<string, unknown> {
  const { schemaVersion: _v, planning, ...rest } = state;
  const { aspects: _a, questionType: _q, ...oldPlanning } = planning!;
  return { ...rest, planning: oldPlanning };
}

/** A created run whose newest checkpoint is `state` after node `node`, as if its instance had died there. */
async function orphanedRun(state: (runId: string, userId: string) => unknown, node = "planning") {
  const database = await testDatabase();
  const { userId } = await createTestUser();
  const { runId } = await createRun(database, { userId, message: w1Query(41), flagOverrides: FLAGS });
  // After createRun's initialize checkpoint (1), stored whole as an older build would have.
  await database.db.insert(checkpoints).values({ runId, seq: 2, node, state: state(runId, userId) });
  return { database, runId };
}

describe("checkpoint versions", () => {
  it("upgrades a version-1 state and validates it; refuses unknown and newer versions", async () => {
    const current = await plannedState();
    expect(current.schemaVersion).toBe(CHECKPOINT_VERSION);
    const old = asVersion1(current);
    const upgraded = readCheckpoint(old);
    expect(upgraded.schemaVersion).toBe(CHECKPOINT_VERSION);
    expect(upgraded.planning).toMatchObject({ aspects: [], questionType: "other", intent: current.planning!.intent });
    expect(readCheckpoint(current)).toEqual(current);
    expect(() => upgradeCheckpoint({ ...current, schemaVersion: CHECKPOINT_VERSION + 1 })).toThrow(CheckpointError);
    expect(() => readCheckpoint({ ...current, planning: { ...current.planning, execution_steps: "nope" } })).toThrow(/planning\.execution_steps/);
    expect(() => readCheckpoint("not a state")).toThrow(CheckpointError);
  });

  it("resumes a run from a checkpoint written in the old shape, and writes the new one from there", async () => {
    const template = asVersion1(await plannedState());
    const { database, runId } = await orphanedRun((runId, userId) => ({ ...template, runId, userId }));
    await executeRun(database, runId, { app: createW1App({ latencyMs: 0 }) });
    const [run] = await database.db.select().from(runs).where(eq(runs.id, runId));
    expect(run.status).toBe("completed");
    const rows = await database.db.select().from(checkpoints).where(eq(checkpoints.runId, runId)).orderBy(asc(checkpoints.seq));
    expect(rows.at(-1)!.node).toBe("respond");
    // The resuming writer's first checkpoint is whole, in the new shape; the later ones build on it.
    expect(rows[2].state).toMatchObject({ schemaVersion: CHECKPOINT_VERSION, planning: { aspects: [], questionType: "other" } });
    expect(foldCheckpoints(rows)).toMatchObject({ schemaVersion: CHECKPOINT_VERSION, planning: { aspects: [], questionType: "other" }, finalResponse: { degraded: false } });
    const events = await collectRunEvents(database, runId);
    expect(events.filter((e) => e.type === "run_started").map((e) => e.type === "run_started" && e.resumed === true)).toEqual([false, true]);
  });

  it("fails a run whose checkpoint does not validate, saying why", async () => {
    const { database, runId } = await orphanedRun(() => ({ schemaVersion: 2, runId: "x" }));
    await executeRun(database, runId, { app: createW1App({ latencyMs: 0 }) });
    const [run] = await database.db.select().from(runs).where(eq(runs.id, runId));
    expect(run.status).toBe("failed");
    expect(run.error).toMatch(/checkpoint does not match version 3/);
    const events = await collectRunEvents(database, runId);
    expect(events.at(-1)).toMatchObject({ type: "run_failed" });
  });
});
