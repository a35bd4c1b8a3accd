// history-list: the admin history list at 100,000 runs — filtered pages through the tRPC caller,
// p50/p95 over the same mix of filters an admin uses (issue goal: p95 ≤ 200 ms).
import { performance } from "node:perf_hooks";
import { eq, sql } from "drizzle-orm";
import type { Database } from "../../server/db/client";
import { users } from "../../server/db/schema";
import { createCallerFactory, router } from "../../server/trpc/init";
import { adminRouter } from "../../server/trpc/routers/admin";
import { percentile, round } from "./stats";

const createCaller = createCallerFactory(router({ admin: adminRouter }));

export async function runHistoryList(database: Database, opts: { runs: number; queries: number }) {
  const { db } = database;
  const [user] = await db.insert(users).values({}).returning();
  try {
    await db.execute(sql`
      insert into runs (user_id, question, status, intent, strategy, orchestrated, degraded, flags, decision_sources,
                        tool_call_count, retries, duplicates_avoided, llm_calls, llm_tokens, duration_ms, started_at, finished_at)
      select ${user.id}::uuid,
             'question ' || g || case when g % 97 = 0 then ' 전세 보증금 반환' else ' 매매 시세' end,
             (array['completed','completed','completed','failed','running'])[1 + g % 5],
             (array['LEGAL_CONSULT','MARKET_INQUIRY','LOAN_CONSULT','RISK_ANALYSIS','COMPREHENSIVE'])[1 + g % 5],
             (array['sequential','parallel','adaptive'])[1 + g % 3],
             g % 2 = 0, g % 11 = 0,
             jsonb_build_object('orchestrator', jsonb_build_object('value', g % 2 = 0, 'reason', 'rollout'),
                                'memory_learning', jsonb_build_object('value', g % 3 <> 0, 'reason', 'default')),
             case when g % 4 = 0 then array['rules','llm'] else array['rules'] end,
             g % 9, g % 3, g % 4, g % 3, (g % 3) * 800, 200 + (g * 7919) % 5000,
             now() - make_interval(secs => g * 30), now() - make_interval(secs => g * 30) + interval '3 seconds'
      from generate_series(1, ${opts.runs}) g`);
    // Each run's question is also its user message (as createRun writes it): the question search reads those.
    await db.execute(sql`
      with s as (insert into chat_sessions (user_id, title) values (${user.id}::uuid, 'history bench') returning id)
      insert into messages (session_id, run_id, role, content) select s.id, r.id, 'user', r.question from runs r, s where r.user_id = ${user.id}::uuid`);
    await db.execute(sql`analyze runs`);
    await db.execute(sql`analyze messages`);
    const admin = createCaller({ database, userId: null, admin: { name: "bench" }, origin: null, host: null }).admin;
    const since = new Date(Date.now() - 10 * 86_400_000).toISOString();
    const filters: Parameters<typeof admin.history.list>[0][] = [
      {}, { filter: { status: "failed" } }, { filter: { intent: "LOAN_CONSULT" } }, { filter: { strategy: "adaptive" } },
      { filter: { orchestrated: false } }, { filter: { decisionSource: "llm" } }, { filter: { userId: user.id } },
      { filter: { flag: { key: "orchestrator", value: false } } }, { filter: { from: since } }, { filter: { text: "보증금" } },
      { filter: { status: "completed", intent: "MARKET_INQUIRY", orchestrated: true } },
      { filter: { flag: { key: "memory_learning", value: true }, status: "completed" } },
      { sort: "durationMs", order: "desc" },
    ];
    await admin.history.list({});
    const timings: number[] = [];
    // Every fifth query pages on through the default listing (a cursor belongs to its own sort).
    let cursor: string | null | undefined;
    for (let i = 0; i < opts.queries; i++) {
      const paging = i % 5 === 4;
      const input = paging ? { limit: 50, ...(cursor ? { cursor } : {}) } : { ...filters[i % filters.length], limit: 50 };
      const t0 = performance.now();
      const page = await admin.history.list(input);
      timings.push(performance.now() - t0);
      if (paging) cursor = page.nextCursor ?? undefined;
    }
    const t0 = performance.now();
    await admin.history.totals({ filter: { userId: user.id } });
    const totalsMs = performance.now() - t0;
    const sorted = timings.sort((a, b) => a - b);
    return {
      scenario: "history-list", runs: opts.runs, queries: opts.queries,
      p50_ms: round(percentile(sorted, 50)), p95_ms: round(percentile(sorted, 95)), max_ms: round(sorted.at(-1) ?? 0),
      totals_ms: round(totalsMs),
    };
  } finally {
    await db.delete(users).where(eq(users.id, user.id));
  }
}
