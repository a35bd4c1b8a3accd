// The run history: filters, sortable columns, cursor-paged rows ("load more") and totals loaded
// separately for the same filter, so the rows never wait for the counts.
"use client";

import Link from "next/link";
import { useMemo, useState } from "react";
import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc";
import type { inferRouterInputs } from "@trpc/server";
import type { CoreRouter } from "@/server/trpc/root";
import { formatMs, formatNumber, formatTime, runDurationMs, shortId } from "./format";
import { Badge, ErrorNote, Stat, StatusBadge, ghostButtonClass, inputClass } from "./ui";
import { useAppLabels } from "@/components/app-display";

type ListInput = inferRouterInputs<CoreRouter>["admin"]["history"]["list"];
type Filter = NonNullable<ListInput["filter"]>;
type SortKey = NonNullable<ListInput["sort"]>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface FormState {
  status: string; intent: string; strategy: string; path: string; source: string; user: string;
  flagKey: string; flagValue: string; from: string; to: string; text: string;
}
const EMPTY: FormState = { status: "", intent: "", strategy: "", path: "", source: "", user: "", flagKey: "", flagValue: "true", from: "", to: "", text: "" };

function toFilter(f: FormState): Filter {
  const out: Filter = {};
  if (f.status) out.status = f.status as Filter["status"];
  if (f.intent) out.intent = f.intent as Filter["intent"];
  if (f.strategy) out.strategy = f.strategy;
  if (f.path) out.orchestrated = f.path === "orchestrated";
  if (f.source) out.decisionSource = f.source as Filter["decisionSource"];
  if (UUID.test(f.user.trim())) out.userId = f.user.trim();
  if (f.flagKey) out.flag = { key: f.flagKey, value: f.flagValue === "true" };
  if (f.from) out.from = new Date(f.from).toISOString();
  if (f.to) out.to = new Date(f.to).toISOString();
  if (f.text.trim()) out.text = f.text.trim();
  return out;
}

/** A column header that sorts the list by its key (again: the other way). */
function SortableTh({ k, sort, order, onSort, children }: { k: SortKey; sort: SortKey; order: "asc" | "desc"; onSort: (k: SortKey) => void; children: string }) {
  return (
    <th className="cursor-pointer whitespace-nowrap px-2 py-2 text-right hover:text-slate-900" onClick={() => onSort(k)} data-testid={`sort-${k}`}>
      {children}{sort === k ? (order === "desc" ? " ↓" : " ↑") : ""}
    </th>
  );
}

function Select({ label, value, onChange, options, testId }: { label: string; value: string; onChange: (v: string) => void; options: [string, string][]; testId: string }) {
  return (
    <label className="flex flex-col gap-1 text-[11px] font-medium uppercase tracking-wide text-slate-500">
      {label}
      <select className={inputClass} value={value} onChange={(e) => onChange(e.target.value)} data-testid={testId}>
        {options.map(([v, l]) => <option key={v} value={v}>{l}</option>)}
      </select>
    </label>
  );
}

export function HistoryView() {
  const { intents } = useAppLabels();
  const trpc = useTRPC();
  const [form, setForm] = useState<FormState>(EMPTY);
  const [sort, setSort] = useState<SortKey>("startedAt");
  const [order, setOrder] = useState<"asc" | "desc">("desc");
  const filter = useMemo(() => toFilter(form), [form]);
  const set = (k: keyof FormState) => (v: string) => setForm((f) => ({ ...f, [k]: v }));

  const flags = useQuery(trpc.admin.flags.list.queryOptions());
  const options = useQuery(trpc.admin.history.filterOptions.queryOptions());
  const list = useInfiniteQuery(
    trpc.admin.history.list.infiniteQueryOptions({ filter, sort, order, limit: 50 }, { getNextPageParam: (last) => last.nextCursor ?? undefined }),
  );
  const totals = useQuery(trpc.admin.history.totals.queryOptions({ filter }));
  const rows = list.data?.pages.flatMap((p) => p.rows) ?? [];
  const t = totals.data;

  function sortBy(key: SortKey) {
    if (key === sort) setOrder((d) => (d === "desc" ? "asc" : "desc"));
    else {
      setSort(key);
      setOrder("desc");
    }
  }

  return (
    <div className="space-y-4">
      <div className="flex items-end justify-between">
        <h1 className="text-xl font-semibold text-slate-900">Run history</h1>
        <button className={ghostButtonClass} onClick={() => setForm(EMPTY)} type="button">Clear filters</button>
      </div>

      <div className="grid grid-cols-2 gap-3 rounded-xl border border-slate-200 bg-white p-3 shadow-sm md:grid-cols-4 xl:grid-cols-8" data-testid="history-filters">
        <Select label="Status" value={form.status} onChange={set("status")} testId="filter-status"
          options={[["", "any"], ["completed", "completed"], ["failed", "failed"], ["running", "running"]]} />
        <Select label="Intent" value={form.intent} onChange={set("intent")} testId="filter-intent" options={[["", "any"], ...intents.map((i): [string, string] => [i, i])]} />
        <Select label="Strategy" value={form.strategy} onChange={set("strategy")} testId="filter-strategy"
          options={[["", "any"], ...(options.data?.strategies ?? []).map((s): [string, string] => [s, s])]} />
        <Select label="Path" value={form.path} onChange={set("path")} testId="filter-path" options={[["", "any"], ["orchestrated", "orchestrated"], ["legacy", "legacy"]]} />
        <Select label="Decision source" value={form.source} onChange={set("source")} testId="filter-source" options={[["", "any"], ["rules", "rules"], ["llm", "llm"], ["cache", "cache"]]} />
        <label className="flex flex-col gap-1 text-[11px] font-medium uppercase tracking-wide text-slate-500">
          User id
          <input className={inputClass} value={form.user} onChange={(e) => set("user")(e.target.value)} placeholder="uuid" data-testid="filter-user" />
        </label>
        <div className="flex flex-col gap-1 text-[11px] font-medium uppercase tracking-wide text-slate-500">
          Flag cohort
          <div className="flex gap-1">
            <select className={`${inputClass} min-w-0 flex-1`} value={form.flagKey} onChange={(e) => set("flagKey")(e.target.value)} data-testid="filter-flag">
              <option value="">any</option>
              {flags.data?.map((f) => <option key={f.key} value={f.key}>{f.key}</option>)}
            </select>
            <select className={inputClass} value={form.flagValue} onChange={(e) => set("flagValue")(e.target.value)} data-testid="filter-flag-value">
              <option value="true">on</option>
              <option value="false">off</option>
            </select>
          </div>
        </div>
        <label className="flex flex-col gap-1 text-[11px] font-medium uppercase tracking-wide text-slate-500">
          Question text
          <input className={inputClass} value={form.text} onChange={(e) => set("text")(e.target.value)} placeholder="contains…" data-testid="filter-text" />
        </label>
        <label className="flex flex-col gap-1 text-[11px] font-medium uppercase tracking-wide text-slate-500">
          From
          <input type="datetime-local" className={inputClass} value={form.from} onChange={(e) => set("from")(e.target.value)} data-testid="filter-from" />
        </label>
        <label className="flex flex-col gap-1 text-[11px] font-medium uppercase tracking-wide text-slate-500">
          To
          <input type="datetime-local" className={inputClass} value={form.to} onChange={(e) => set("to")(e.target.value)} data-testid="filter-to" />
        </label>
      </div>

      <div className="grid grid-cols-2 gap-3 md:grid-cols-4 xl:grid-cols-8" data-testid="history-totals">
        <Stat label="Runs" value={formatNumber(t?.runs)} hint={t ? `${formatNumber(t.running)} running` : undefined} />
        <Stat label="Completed" value={formatNumber(t?.completed)} hint={t && t.runs ? `${((t.completed / t.runs) * 100).toFixed(1)}%` : undefined} />
        <Stat label="Failed" value={formatNumber(t?.failed)} hint={t ? `${formatNumber(t.degraded)} degraded` : undefined} />
        <Stat label="Orchestrated" value={formatNumber(t?.orchestrated)} hint={t ? `${formatNumber(t.runs - t.orchestrated)} legacy` : undefined} />
        <Stat label="Avg duration" value={formatMs(t?.avgDurationMs)} />
        <Stat label="Tool calls" value={formatNumber(t?.toolCalls)} hint={t ? `${formatNumber(t.retries)} retries` : undefined} />
        <Stat label="Dups avoided" value={formatNumber(t?.duplicatesAvoided)} />
        <Stat label="LLM calls" value={formatNumber(t?.llmCalls)} hint={t ? `${formatNumber(t.llmTokens)} tokens` : undefined} />
      </div>

      <ErrorNote error={list.error} />
      <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm">
        <table className="w-full text-sm" data-testid="history-table">
          <thead className="border-b border-slate-200 bg-slate-50 text-[11px] font-medium uppercase tracking-wide text-slate-500">
            <tr>
              <th className="cursor-pointer whitespace-nowrap px-3 py-2 text-left hover:text-slate-900" onClick={() => sortBy("startedAt")} data-testid="sort-startedAt">
                Started{sort === "startedAt" ? (order === "desc" ? " ↓" : " ↑") : ""}
              </th>
              <th className="px-2 py-2 text-left">Question</th>
              <th className="px-2 py-2 text-left">Status</th>
              <th className="px-2 py-2 text-left">Intent</th>
              <th className="px-2 py-2 text-left">Path</th>
              <th className="px-2 py-2 text-left">Sources</th>
              <SortableTh k="durationMs" sort={sort} order={order} onSort={sortBy}>Duration</SortableTh>
              <SortableTh k="toolCallCount" sort={sort} order={order} onSort={sortBy}>Tools</SortableTh>
              <SortableTh k="retries" sort={sort} order={order} onSort={sortBy}>Retries</SortableTh>
              <th className="whitespace-nowrap px-2 py-2 text-right">Dups</th>
              <SortableTh k="llmTokens" sort={sort} order={order} onSort={sortBy}>LLM</SortableTh>
              <th className="px-2 py-2 text-left">User</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.map((r) => (
              <tr key={r.id} className="hover:bg-indigo-50/40" data-testid="history-row" data-run-id={r.id} data-orchestrated={r.orchestrated}>
                <td className="whitespace-nowrap px-3 py-2 tabular-nums text-slate-500">
                  <Link href={`/admin/runs/${r.id}`} className="hover:text-indigo-700">{formatTime(r.startedAt)}</Link>
                </td>
                <td className="max-w-[340px] px-2 py-2">
                  <Link href={`/admin/runs/${r.id}`} className="line-clamp-2 text-slate-800 hover:text-indigo-700" title={r.question}>{r.question}</Link>
                </td>
                <td className="px-2 py-2"><StatusBadge status={r.status} />{r.degraded && <span className="ml-1"><Badge tone="bg-orange-50 text-orange-700 ring-orange-200">degraded</Badge></span>}</td>
                <td className="whitespace-nowrap px-2 py-2 text-xs text-slate-600">{r.intent ?? "–"}</td>
                <td className="whitespace-nowrap px-2 py-2 text-xs">
                  {r.orchestrated ? <Badge tone="bg-indigo-50 text-indigo-700 ring-indigo-200">orchestrated</Badge> : <Badge>legacy</Badge>}
                  {r.strategy && <div className="mt-0.5 text-[11px] text-slate-500">{r.strategy}</div>}
                </td>
                <td className="whitespace-nowrap px-2 py-2 text-xs text-slate-600">{r.decisionSources.join(", ") || "–"}</td>
                <td className="whitespace-nowrap px-2 py-2 text-right tabular-nums">{formatMs(runDurationMs(r))}</td>
                <td className="px-2 py-2 text-right tabular-nums">{r.toolCallCount}</td>
                <td className={`px-2 py-2 text-right tabular-nums ${r.retries ? "text-amber-700" : ""}`}>{r.retries}</td>
                <td className="px-2 py-2 text-right tabular-nums">{r.duplicatesAvoided}</td>
                <td className="whitespace-nowrap px-2 py-2 text-right tabular-nums text-xs">{r.llmCalls} · {formatNumber(r.llmTokens)} tok</td>
                <td className="px-2 py-2 font-mono text-[11px] text-slate-500">
                  <button type="button" className="hover:text-indigo-700" title="Filter by this user" onClick={() => set("user")(r.userId)}>{shortId(r.userId)}</button>
                </td>
              </tr>
            ))}
            {!list.isLoading && rows.length === 0 && (
              <tr><td colSpan={12} className="px-3 py-10 text-center text-slate-500">No runs match these filters.</td></tr>
            )}
            {list.isLoading && (
              <tr><td colSpan={12} className="px-3 py-10 text-center text-slate-400">Loading…</td></tr>
            )}
          </tbody>
        </table>
      </div>
      {list.hasNextPage && (
        <div className="flex justify-center">
          <button type="button" className={ghostButtonClass} disabled={list.isFetchingNextPage} onClick={() => list.fetchNextPage()} data-testid="load-more">
            {list.isFetchingNextPage ? "Loading…" : "Load more"}
          </button>
        </div>
      )}
    </div>
  );
}
