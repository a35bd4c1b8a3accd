// One run for admins: summary, the Gantt timeline, decisions, flags, answer, checkpoints (state loaded
// when opened) and the raw event log. A running run refreshes live from its SSE stream.
"use client";

import Link from "next/link";
import { useCallback, useRef, useState } from "react";
import { useInfiniteQuery, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc";
import { Markdown } from "@/components/markdown";
import { useAppSlots } from "../app-slots";
import { Gantt } from "./gantt";
import { formatMs, formatNumber, formatTime, runDurationMs, shortId } from "./format";
import { Badge, Card, ErrorNote, Stat, StatusBadge, ghostButtonClass } from "./ui";
import { useLiveRun } from "./use-live-run";
import { useNow } from "./use-now";

const NODE_ORDER = ["initialize", "planning", "execute", "aggregate", "respond"];
const SOURCE_TONES: Record<string, string> = {
  rules: "bg-slate-50 text-slate-700 ring-slate-200",
  llm: "bg-violet-50 text-violet-700 ring-violet-200",
  cache: "bg-sky-50 text-sky-700 ring-sky-200",
};

interface Decision { type: string; source: string; reasoning: string; prompt?: { name: string; version: string }; fallbackReason?: string; at?: string }
interface Step { step_id: string; team: string; status: string; started_at: string | null; completed_at: string | null; description?: string }

function Json({ value }: { value: unknown }) {
  return <pre className="max-h-[420px] overflow-auto rounded-md bg-slate-900 p-3 text-[11px] leading-relaxed text-slate-100">{JSON.stringify(value, null, 2)}</pre>;
}

function CheckpointItem({ runId, seq, node, createdAt }: { runId: string; seq: number; node: string; createdAt: string }) {
  const trpc = useTRPC();
  const [open, setOpen] = useState(false);
  const state = useQuery({ ...trpc.admin.runs.checkpoint.queryOptions({ runId, seq }), enabled: open });
  return (
    <li className="rounded-md border border-slate-200" data-testid="checkpoint">
      <button type="button" className="flex w-full items-center justify-between px-3 py-2 text-left text-sm hover:bg-slate-50" onClick={() => setOpen((o) => !o)}>
        <span><span className="font-mono text-xs text-slate-400">#{seq}</span> <span className="font-medium text-slate-800">{node}</span></span>
        <span className="text-xs text-slate-500">{formatTime(createdAt)} {open ? "▾" : "▸"}</span>
      </button>
      {open && <div className="border-t border-slate-100 p-2">{state.isLoading ? <p className="text-xs text-slate-400">Loading state…</p> : <Json value={state.data?.state} />}<ErrorNote error={state.error} /></div>}
    </li>
  );
}

function EventLog({ runId }: { runId: string }) {
  const trpc = useTRPC();
  const events = useInfiniteQuery(
    trpc.admin.runs.events.infiniteQueryOptions(
      { runId, limit: 200 },
      { getNextPageParam: (last) => (last.hasMore ? last.events[last.events.length - 1]?.seq : undefined), initialCursor: 0 },
    ),
  );
  const rows = events.data?.pages.flatMap((p) => p.events) ?? [];
  const [openSeq, setOpenSeq] = useState<number | null>(null);
  return (
    <div>
      <div className="max-h-[480px] overflow-auto rounded-md border border-slate-200">
        <table className="w-full text-xs" data-testid="event-log">
          <thead className="sticky top-0 whitespace-nowrap bg-slate-50 text-left text-[11px] uppercase tracking-wide text-slate-500">
            <tr><th className="px-2 py-1.5">Seq</th><th className="px-2 py-1.5">Type</th><th className="px-2 py-1.5">At</th><th className="px-2 py-1.5">Payload</th></tr>
          </thead>
          <tbody className="divide-y divide-slate-100 font-mono">
            {rows.map((e) => (
              <tr key={e.seq} className="cursor-pointer align-top hover:bg-slate-50" onClick={() => setOpenSeq(openSeq === e.seq ? null : e.seq)}>
                <td className="whitespace-nowrap px-2 py-1 text-right tabular-nums text-slate-400">{e.seq}</td>
                <td className={`whitespace-nowrap px-2 py-1 ${e.type.includes("fail") ? "text-rose-600" : "text-slate-800"}`}>{e.type}</td>
                <td className="whitespace-nowrap px-2 py-1 text-slate-500">{new Date(e.at).toISOString().slice(11, 23)}</td>
                <td className="px-2 py-1 text-slate-600">
                  {openSeq === e.seq ? <Json value={e.payload} /> : <span className="line-clamp-1 break-all">{JSON.stringify(e.payload)}</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {events.hasNextPage && <button type="button" className={`${ghostButtonClass} mt-2`} onClick={() => events.fetchNextPage()}>More events</button>}
    </div>
  );
}

export function RunView({ runId }: { runId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { RunSources } = useAppSlots();
  const detail = useQuery(trpc.admin.runs.get.queryOptions({ runId }));
  const run = detail.data?.run;

  // Live: every event refreshes the detail (throttled), and the log at the end.
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null);
  const onEvent = useCallback(
    (type: string) => {
      const refresh = () => {
        pending.current = null;
        void queryClient.invalidateQueries({ queryKey: trpc.admin.runs.get.queryKey({ runId }) });
        void queryClient.invalidateQueries({ queryKey: trpc.admin.runs.events.pathKey() });
      };
      if (type === "run_completed" || type === "run_failed") return refresh();
      pending.current ??= setTimeout(refresh, 400);
    },
    [queryClient, runId, trpc],
  );
  const live = useLiveRun(runId, run?.status === "running", run?.lastSeq ?? 0, onEvent);
  // A running run's timeline reaches to now, moving once a second.
  const now = useNow(run?.status === "running" ? 1000 : null);

  if (detail.error) return <ErrorNote error={detail.error} />;
  if (!detail.data || !run) return <p className="text-sm text-slate-400">Loading run…</p>;
  const { toolCalls, nodeTimings, checkpoints } = detail.data;
  const decisions = (Array.isArray(run.decisions) ? run.decisions : []) as Decision[];
  const steps = (Array.isArray(run.steps) ? run.steps : []) as Step[];
  const flags = (run.flags ?? {}) as Record<string, { value: boolean; reason: string }>;
  const nodes = Object.entries(nodeTimings)
    .sort(([a], [b]) => NODE_ORDER.indexOf(a) - NODE_ORDER.indexOf(b))
    .map(([name, t]) => ({ name, startedAt: t.startedAt, finishedAt: t.finishedAt }));
  const times = [
    run.finishedAt ? Date.parse(run.finishedAt) : now,
    ...toolCalls.flatMap((c) => [c.finishedAt, ...c.attempts.map((a) => a.finishedAt)]).filter((x): x is string => Boolean(x)).map(Date.parse),
    ...nodes.map((n) => (n.finishedAt ? Date.parse(n.finishedAt) : 0)),
  ];
  const endMs = Math.max(...times);

  return (
    <div className="space-y-4" data-testid="run-view" data-status={run.status}>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <Link href="/admin" className="text-xs text-slate-500 hover:text-indigo-700">← History</Link>
          <h1 className="mt-1 text-lg font-semibold text-slate-900">{run.question}</h1>
          <div className="mt-1.5 flex flex-wrap items-center gap-1.5 text-xs text-slate-500">
            <StatusBadge status={run.status} />
            {run.degraded && <Badge tone="bg-orange-50 text-orange-700 ring-orange-200">degraded</Badge>}
            {run.orchestrated ? <Badge tone="bg-indigo-50 text-indigo-700 ring-indigo-200">orchestrated</Badge> : <Badge>legacy path</Badge>}
            {run.strategy && <Badge>{run.strategy}</Badge>}
            {run.intent && <Badge>{run.intent}</Badge>}
            <span className="ml-1">run <span className="font-mono">{shortId(run.id)}</span> · user <span className="font-mono">{shortId(run.userId)}</span> · {formatTime(run.startedAt)}</span>
            {live === "live" && <span className="ml-2 inline-flex items-center gap-1 text-amber-700"><span className="h-2 w-2 animate-pulse rounded-full bg-amber-500" />live</span>}
          </div>
        </div>
        {detail.data.traceUrl && (
          <a href={detail.data.traceUrl} target="_blank" rel="noopener noreferrer" className={ghostButtonClass} data-testid="open-trace">
            Open trace ↗
          </a>
        )}
      </div>

      <div className="grid grid-cols-3 gap-3 md:grid-cols-6">
        <Stat label="Duration" value={formatMs(runDurationMs(run))} />
        <Stat label="Tool calls" value={run.toolCallCount} />
        <Stat label="Retries" value={run.retries} />
        <Stat label="Dups avoided" value={run.duplicatesAvoided} />
        <Stat label="LLM calls" value={run.llmCalls} hint={`${formatNumber(run.llmTokens)} tokens`} />
        <Stat label="Events" value={detail.data.eventCount} />
      </div>

      <Card title="Timeline" actions={<span className="text-xs text-slate-500">nodes · team steps · tool calls (segments = attempts, red = failed, orange link = fallback)</span>}>
        {nodes.length + steps.length + toolCalls.length === 0 ? (
          <p className="text-sm text-slate-400">Nothing recorded yet.</p>
        ) : (
          <Gantt
            startedAt={run.startedAt}
            endMs={endMs}
            nodes={nodes}
            steps={steps.map((s) => ({ id: s.step_id, team: s.team, status: s.status, startedAt: s.started_at, completedAt: s.completed_at }))}
            calls={toolCalls}
          />
        )}
      </Card>

      <div className="grid gap-4 lg:grid-cols-3">
        <Card title={`Decisions (${decisions.length})`} className="lg:col-span-2">
          <ol className="space-y-2" data-testid="decisions">
            {decisions.map((d, i) => (
              <li key={i} className="rounded-md border border-slate-200 px-3 py-2">
                <div className="flex flex-wrap items-center gap-1.5 text-xs">
                  <span className="font-mono text-slate-400">{i + 1}</span>
                  <span className="font-semibold text-slate-800">{d.type}</span>
                  <Badge tone={SOURCE_TONES[d.source]}>{d.source}</Badge>
                  {d.prompt && <Badge tone="bg-violet-50 text-violet-700 ring-violet-200">{d.prompt.name}@{d.prompt.version}</Badge>}
                  {d.fallbackReason && <Badge tone="bg-rose-50 text-rose-700 ring-rose-200">fallback: {d.fallbackReason}</Badge>}
                  {d.at && <span className="ml-auto text-slate-400">{formatTime(d.at)}</span>}
                </div>
                <p className="mt-1 whitespace-pre-wrap text-sm text-slate-700">{d.reasoning}</p>
              </li>
            ))}
            {decisions.length === 0 && <li className="text-sm text-slate-400">No decisions recorded.</li>}
          </ol>
        </Card>
        <Card title="Flags evaluated">
          <table className="w-full text-sm" data-testid="run-flags">
            <tbody className="divide-y divide-slate-100">
              {Object.entries(flags).map(([key, f]) => (
                <tr key={key}>
                  <td className="py-1.5 font-mono text-xs text-slate-700">{key}</td>
                  <td className="py-1.5">{f.value ? <Badge tone="bg-emerald-50 text-emerald-700 ring-emerald-200">on</Badge> : <Badge>off</Badge>}</td>
                  <td className="py-1.5 text-right text-xs text-slate-500">{f.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Card>
      </div>

      <Card title="Answer">
        {run.answer ? <div className="max-h-[520px] overflow-auto pr-2" data-testid="run-answer"><Markdown text={run.answer} /></div> : <p className="text-sm text-slate-400">{run.error ?? "No answer yet."}</p>}
        {/* The sources the answer rests on (runs.citations), shown as the app chooses (housing: statute links). */}
        {RunSources && <RunSources citations={run.citations} />}
      </Card>

      <div className="grid gap-4 lg:grid-cols-2">
        <Card title={`Checkpoints (${checkpoints.length})`}>
          <ul className="space-y-1.5">
            {checkpoints.map((c) => <CheckpointItem key={c.seq} runId={runId} {...c} />)}
            {checkpoints.length === 0 && <li className="text-sm text-slate-400">No checkpoints.</li>}
          </ul>
        </Card>
        <Card title="Event log">
          <EventLog runId={runId} />
        </Card>
      </div>
    </div>
  );
}
