// Each tool output is stored once per checkpoint: team results and the aggregate name the call instead of
// repeating its output, a resumed run gets the outputs back, and a reference that names nothing fails the run.
import { asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createW1App, w1Query } from "../../scripts/bench/w1-app";
import { createTestUser, testDatabase } from "../../test/db";
import { checkpoints, runs } from "../db/schema";
import { foldCheckpoints } from "../state/checkpoint-doc";
import { CheckpointError, readCheckpoint } from "./checkpoint";
import { OUTPUTS_FROM, restoreOutputs, storedState } from "./checkpoint-outputs";
import { createRun, executeRun } from "./run";
import { runTurn } from "./service";
import type { SupervisorState } from "./types";

const FLAGS = { orchestrator: true, memory_learning: false, llm_decisions: false, strategy_cache: false };

/** A stored state, as far as these tests read it. */
interface Holder { outputs: Record<string, unknown>; [OUTPUTS_FROM]?: Record<string, string> }
interface Stored { execution: { intermediateResults: Record<string, unknown> }; teamResults: Record<string, Holder>; aggregated: Holder }

async function finishedRun(i: number) {
  const database = await testDatabase();
  const { userId } = await createTestUser();
  const done = await runTurn(database, { userId, message: w1Query(i), flagOverrides: FLAGS }, { app: createW1App({ latencyMs: 0 }) });
  const rows = await database.db.select().from(checkpoints).where(eq(checkpoints.runId, done.runId)).orderBy(asc(checkpoints.seq));
  return { database, userId, runId: done.runId, rows };
}

describe("checkpoints store each tool output once", () => {
  it("writes team results' and the aggregate's outputs as call keys, and reads them back whole", async () => {
    const { rows } = await finishedRun(50);
    const upTo = (node: string) => rows.slice(0, rows.findIndex((r) => r.node === node) + 1);
    const stored = foldCheckpoints(upTo("aggregate")) as Stored;
    const results = stored.execution.intermediateResults as Record<string, unknown>;
    expect(Object.keys(results)).toHaveLength(4);
    // W1's search and analysis teams share market_data; document and search share legal_search.
    for (const team of ["search", "analysis", "document"]) {
      const r = stored.teamResults[team];
      expect(Object.keys(r[OUTPUTS_FROM]!)).toEqual(Object.keys(r.outputs));
      expect(Object.values(r.outputs)).toEqual(Object.values(r.outputs).map(() => 0));
    }
    expect(Object.keys(stored.aggregated[OUTPUTS_FROM]!).sort()).toEqual(["contract_template", "legal_search", "market_data", "risk_calc"]);
    // The execute row carries each output's text once (it used to carry the shared ones three times).
    const executeRow = JSON.stringify(rows.find((r) => r.node === "execute")!.state);
    for (const output of Object.values(results)) expect(executeRow.split(JSON.stringify((output as { items: { text: string }[] }).items[0].text)).length - 1).toBe(1);

    const state = readCheckpoint({ ...stored });
    for (const team of Object.values(state.teamResults)) {
      expect(OUTPUTS_FROM in team).toBe(false);
      for (const [tool, output] of Object.entries(team.outputs)) expect(output).toEqual(results[`${tool}#${Object.keys(results)[0].split("#")[1]}`]);
    }
    expect(Object.values(state.aggregated!.outputs)).toEqual(expect.arrayContaining(Object.values(results)));
  });

  it("resumes from a stored execute checkpoint to the same answer", async () => {
    const first = await finishedRun(51);
    const [original] = await first.database.db.select().from(runs).where(eq(runs.id, first.runId));
    const executeState = foldCheckpoints(first.rows.slice(0, first.rows.findIndex((r) => r.node === "execute") + 1)) as Record<string, unknown>;
    expect(JSON.stringify(executeState)).toContain(OUTPUTS_FROM);

    // A new run that died right after execute, its checkpoint the stored form written by the first run.
    const { runId } = await createRun(first.database, { userId: first.userId, message: w1Query(51), flagOverrides: FLAGS });
    await first.database.db.insert(checkpoints).values({ runId, seq: 2, node: "execute", state: { ...executeState, runId } });
    await executeRun(first.database, runId, { app: createW1App({ latencyMs: 0 }) });
    const [resumed] = await first.database.db.select().from(runs).where(eq(runs.id, runId));
    expect(resumed.status).toBe("completed");
    expect(resumed.answer).toBe(original.answer);
  });

  it("shares only the very same objects, and refuses a reference to a call with no output", () => {
    const output = { tool: "t", items: [1, 2] };
    const state = {
      execution: { intermediateResults: { "t#1": output } },
      teamResults: {
        a: { team: "a", stepId: "s", outputs: { t: output, u: { tool: "t", items: [1, 2] } }, quality: 1, missing: [] },
      },
      aggregated: null,
    } as unknown as SupervisorState;
    const stored = storedState(state) as Stored & Record<string, unknown>;
    expect(stored.teamResults.a.outputs).toEqual({ t: 0, u: { tool: "t", items: [1, 2] } });
    expect(stored.teamResults.a[OUTPUTS_FROM]).toEqual({ t: "t#1" });
    expect(restoreOutputs(stored).teamResults).toEqual(state.teamResults);
    // Stored state is a copy: the run's own state is untouched.
    expect(state.teamResults.a.outputs.t).toBe(output);

    const dangling = { ...stored, execution: { intermediateResults: {} } };
    expect(() => restoreOutputs(dangling)).toThrow(/names call t#1/);
    expect(() => readCheckpoint({ ...dangling, schemaVersion: 3 })).toThrow(CheckpointError);
  });
});
