// What the orchestrator has learnt, per user or global: tool statistics with a chart over time,
// recent execution patterns and the strategy cache; an admin can clear a user's memory.
"use client";

import Link from "next/link";
import { useState } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc";
import { formatMs, formatPercent, formatTime, shortId } from "./format";
import { StatHistoryChart } from "./line-chart";
import { Badge, Card, ErrorNote, inputClass } from "./ui";
import { useNow } from "./use-now";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function MemoryView() {
  const now = useNow(30_000);
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [scope, setScope] = useState("global");
  const [typed, setTyped] = useState("");
  const [tool, setTool] = useState<string | null>(null);
  const users = useQuery(trpc.admin.memory.recentUsers.queryOptions());
  const overview = useQuery(trpc.admin.memory.overview.queryOptions({ scope }));
  const history = useQuery({ ...trpc.admin.memory.statHistory.queryOptions({ scope, tool: tool ?? "", days: 90 }), enabled: tool !== null });
  const clear = useMutation(
    trpc.admin.memory.clear.mutationOptions({ onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.admin.memory.pathKey() }) }),
  );
  const data = overview.data;
  const tools = [...new Set(data?.stats.map((s) => s.tool) ?? [])];

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <h1 className="text-xl font-semibold text-slate-900">Memory</h1>
        <div className="flex flex-wrap items-end gap-2">
          <label className="flex flex-col gap-1 text-[11px] font-medium uppercase tracking-wide text-slate-500">
            Scope
            <select className={inputClass} value={scope} onChange={(e) => { setScope(e.target.value); setTool(null); }} data-testid="memory-scope">
              <option value="global">global (all users)</option>
              {users.data?.map((u) => <option key={u.userId} value={u.userId}>user {shortId(u.userId)} · {u.patterns} patterns</option>)}
              {scope !== "global" && !users.data?.some((u) => u.userId === scope) && <option value={scope}>user {shortId(scope)}</option>}
            </select>
          </label>
          <form className="flex gap-1" onSubmit={(e) => { e.preventDefault(); if (UUID.test(typed.trim())) { setScope(typed.trim()); setTool(null); setTyped(""); } }}>
            <input className={`${inputClass} w-72 font-mono text-xs`} placeholder="or a user id…" value={typed} onChange={(e) => setTyped(e.target.value)} />
          </form>
          {scope !== "global" && (
            <button type="button" className="rounded-md border border-rose-300 bg-white px-3 py-1.5 text-sm font-medium text-rose-700 hover:bg-rose-50" disabled={clear.isPending}
              data-testid="memory-clear"
              onClick={() => { if (window.confirm(`Clear every learnt pattern, statistic and cached decision of user ${scope}?`)) clear.mutate({ userId: scope }); }}>
              Clear this user&apos;s memory
            </button>
          )}
        </div>
      </div>
      <ErrorNote error={overview.error ?? clear.error} />
      {clear.data && <p className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-700">Cleared {clear.data.patterns} patterns, {clear.data.stats} statistics, {clear.data.cache} cached decisions.</p>}

      <Card title={`Tool statistics · ${scope === "global" ? "global" : `user ${shortId(scope)}`}`}>
        <div className="grid gap-4 xl:grid-cols-[minmax(0,1fr)_660px]">
          <div className="overflow-x-auto">
            <table className="w-full text-sm" data-testid="tool-stats">
              <thead className="text-left text-[11px] uppercase tracking-wide text-slate-500">
                <tr><th className="py-1.5">Tool</th><th>Intent</th><th className="text-right">Success</th><th className="text-right">Avg latency</th><th className="text-right">Count</th><th className="pl-3">Last error</th></tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {data?.stats.map((s) => (
                  <tr key={`${s.tool}|${s.intent}`} className={`cursor-pointer hover:bg-indigo-50/40 ${tool === s.tool ? "bg-indigo-50/60" : ""}`} onClick={() => setTool(s.tool)}>
                    <td className="py-1.5 font-mono text-xs text-slate-800">{s.tool}</td>
                    <td className="text-xs text-slate-500">{s.intent}</td>
                    <td className={`text-right tabular-nums ${s.successRate < 0.7 ? "text-rose-600" : "text-slate-800"}`}>{formatPercent(s.successRate)}</td>
                    <td className="text-right tabular-nums">{formatMs(s.avgLatencyMs)}</td>
                    <td className="text-right tabular-nums">{s.count}</td>
                    <td className="max-w-[220px] truncate pl-3 text-xs text-rose-600" title={s.lastError ?? undefined}>{s.lastError ?? ""}</td>
                  </tr>
                ))}
                {data?.stats.length === 0 && <tr><td colSpan={6} className="py-3 text-slate-400">No statistics in this scope.</td></tr>}
              </tbody>
            </table>
          </div>
          <div>
            <div className="mb-2 flex flex-wrap items-center gap-2 text-xs text-slate-500">
              <span>Over time:</span>
              {tools.map((t) => (
                <button key={t} type="button" onClick={() => setTool(t)} className={`rounded px-1.5 py-0.5 font-mono ${tool === t ? "bg-indigo-600 text-white" : "bg-slate-100 hover:bg-slate-200"}`}>{t}</button>
              ))}
            </div>
            {tool ? (
              history.isLoading ? <p className="text-sm text-slate-400">Loading…</p> : <StatHistoryChart points={history.data ?? []} />
            ) : (
              <p className="text-sm text-slate-400">Pick a tool to chart its success rate (indigo) and latency (teal).</p>
            )}
          </div>
        </div>
      </Card>

      <div className="grid gap-4 xl:grid-cols-2">
        <Card title="Recent execution patterns">
          <div className="max-h-[420px] overflow-auto">
            <table className="w-full text-xs" data-testid="patterns">
              <thead className="sticky top-0 whitespace-nowrap bg-white text-left text-[11px] uppercase tracking-wide text-slate-500">
                <tr><th className="py-1.5">When</th><th>Pattern</th><th>Strategy</th><th>Tools</th><th className="text-right">Duration</th></tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {data?.patterns.map((p) => (
                  <tr key={p.id} className="align-top">
                    <td className="whitespace-nowrap py-1.5 pr-2 text-slate-500">{p.runId ? <Link className="hover:text-indigo-700" href={`/admin/runs/${p.runId}`}>{formatTime(p.createdAt)}</Link> : formatTime(p.createdAt)}</td>
                    <td className="pr-2 font-mono text-[11px] text-slate-700">{p.queryPattern}</td>
                    <td className="whitespace-nowrap pr-2">{p.strategy} {p.success ? "" : <Badge tone="bg-rose-50 text-rose-700 ring-rose-200">failed</Badge>}</td>
                    <td className="pr-2">
                      {(Array.isArray(p.tools) ? (p.tools as { tool: string; outcome: string }[]) : []).map((t, i) => (
                        <span key={i} className={`mr-1 inline-block font-mono ${t.outcome === "succeeded" ? "text-emerald-700" : t.outcome === "failed" ? "text-rose-600" : "text-amber-700"}`}>{t.tool}</span>
                      ))}
                    </td>
                    <td className="text-right tabular-nums">{formatMs(p.durationMs)}</td>
                  </tr>
                ))}
                {data?.patterns.length === 0 && <tr><td colSpan={5} className="py-3 text-slate-400">No patterns.</td></tr>}
              </tbody>
            </table>
          </div>
        </Card>
        <Card title="Strategy cache">
          <div className="max-h-[420px] overflow-auto">
            <table className="w-full text-xs" data-testid="strategy-cache">
              <thead className="sticky top-0 whitespace-nowrap bg-white text-left text-[11px] uppercase tracking-wide text-slate-500">
                <tr><th className="py-1.5">Pattern</th><th>Strategy</th><th className="text-right">Hits</th><th>User</th><th>Expires</th></tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {data?.cache.map((c) => (
                  <tr key={c.key}>
                    <td className="py-1.5 pr-2 font-mono text-[11px] text-slate-700">{c.queryPattern}</td>
                    <td className="pr-2">{c.strategy ?? "–"}</td>
                    <td className="pr-2 text-right tabular-nums">{c.hits}</td>
                    <td className="pr-2 font-mono text-slate-500">{shortId(c.userId)}</td>
                    <td className={`whitespace-nowrap ${Date.parse(c.expiresAt) < now ? "text-slate-400 line-through" : "text-slate-600"}`}>{formatTime(c.expiresAt)}</td>
                  </tr>
                ))}
                {data?.cache.length === 0 && <tr><td colSpan={5} className="py-3 text-slate-400">No cached decisions.</td></tr>}
              </tbody>
            </table>
          </div>
        </Card>
      </div>
    </div>
  );
}
