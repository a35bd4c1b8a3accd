// Checkpoint retention: a finished run older than ENSEMBLE_RETAIN_DAYS keeps only its final checkpoint, made whole
// (what resume and the admin timings read); running runs keep every checkpoint; events are never pruned.
import type { Database } from "./client";
import { BASE_KEY } from "../state/checkpoint-doc";

/** app_meta key of the pass's progress: "<started_at ISO>|<run id>" of the last run looked at. */
const WATERMARK_KEY = "retention_checkpoints_until";
const DEFAULT_RETAIN_DAYS = 30;

export interface PruneResult {
  retainDays: number;
  runsExamined: number;
  checkpointsDeleted: number;
  /** True when every candidate run was looked at (false: the batch budget ran out first). */
  done: boolean;
}

/** ENSEMBLE_RETAIN_DAYS, a positive number of days (fractions allowed); 30 when unset. */
export function retainDays(env: Record<string, string | undefined> = process.env): number {
  const raw = env.ENSEMBLE_RETAIN_DAYS?.trim();
  if (!raw) return DEFAULT_RETAIN_DAYS;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`ENSEMBLE_RETAIN_DAYS must be a positive number of days, got "${raw}"`);
  return n;
}

/**
 * One pass: walks runs that started before the cutoff, in (started_at, id) order from the stored
 * watermark, `batchSize` runs per transaction, and deletes every checkpoint but the newest of each
 * finished one. Runs started before the cutoff are days old, so a run still `running` there is an
 * orphan the sweeper resumes; it keeps its checkpoints (a later `full` pass prunes it once finished).
 */
export async function pruneCheckpoints(
  database: Database,
  opts: { days?: number; batchSize?: number; maxBatches?: number; full?: boolean } = {},
): Promise<PruneResult> {
  const days = opts.days ?? retainDays();
  const batchSize = opts.batchSize ?? 500;
  const maxBatches = opts.maxBatches ?? Number.POSITIVE_INFINITY;
  const { sql } = database;
  const [meta] = opts.full ? [] : await sql<{ value: string }[]>`select value from app_meta where key = ${WATERMARK_KEY}`;
  let [fromAt, fromId] = meta ? meta.value.split("|") : ["-infinity", "00000000-0000-0000-0000-000000000000"];
  const result: PruneResult = { retainDays: days, runsExamined: 0, checkpointsDeleted: 0, done: false };
  for (let batch = 0; batch < maxBatches; batch++) {
    const step = await sql.begin(async (tx) => {
      // runs_started_idx (started_at, id) serves this range scan.
      const rows = await tx<{ id: string; status: string; at: string }[]>`
        select id, status, to_char(started_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as at from runs
        where (started_at, id) > (${fromAt}::timestamptz, ${fromId}::uuid)
          and started_at < now() - ${days} * interval '1 day'
        order by started_at, id limit ${batchSize}`;
      if (rows.length === 0) return null;
      const finished = rows.filter((r) => r.status !== "running").map((r) => r.id);
      let deleted = 0;
      if (finished.length) {
        // The final checkpoint may store only what changed (state/checkpoint-doc.ts): it becomes the fold of
        // the run's rows, a whole state, before the rows it builds on go.
        const del = await tx`
          with keep as (
            select run_id, max(seq) as last, jsonb_fold(state - ${BASE_KEY}::text order by seq) as state
            from checkpoints where run_id = any(${finished}::uuid[]) group by run_id having count(*) > 1),
          compacted as (
            update checkpoints c set state = keep.state from keep where c.run_id = keep.run_id and c.seq = keep.last)
          delete from checkpoints c using keep where c.run_id = keep.run_id and c.seq < keep.last`;
        deleted = del.count;
      }
      const last = rows[rows.length - 1];
      await tx`
        insert into app_meta (key, value) values (${WATERMARK_KEY}, ${`${last.at}|${last.id}`})
        on conflict (key) do update set value = excluded.value`;
      return { examined: rows.length, deleted, at: last.at, id: last.id };
    });
    if (!step) {
      result.done = true;
      break;
    }
    result.runsExamined += step.examined;
    result.checkpointsDeleted += step.deleted;
    [fromAt, fromId] = [step.at, step.id];
  }
  return result;
}

const g = globalThis as unknown as { __ensembleRetention?: { lastAt: number; running: boolean } };

/**
 * The sweeper's hook: at most one pass per ENSEMBLE_PRUNE_INTERVAL_MS (default hourly) per process,
 * a bounded number of batches each, never two at once; failures are logged, never thrown.
 */
export async function maybePruneCheckpoints(database: Database, now = Date.now()): Promise<void> {
  const state = (g.__ensembleRetention ??= { lastAt: 0, running: false });
  const every = Number(process.env.ENSEMBLE_PRUNE_INTERVAL_MS ?? 3_600_000);
  if (state.running || now - state.lastAt < every) return;
  state.running = true;
  state.lastAt = now;
  try {
    const r = await pruneCheckpoints(database, { maxBatches: 20 });
    if (r.checkpointsDeleted > 0) console.log(`[ensemble] retention: ${r.checkpointsDeleted} checkpoints of ${r.runsExamined} runs older than ${r.retainDays} d pruned`);
  } catch (e) {
    console.error("[ensemble] retention pass failed", e);
  } finally {
    state.running = false;
  }
}
