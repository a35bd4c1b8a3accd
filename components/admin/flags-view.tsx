// Feature flags for admins: each flag's switch (default / on / off), sticky percentage rollout, kill
// switch and per-user overrides, plus the audit log. Changes reach every instance within a second.
"use client";

import Link from "next/link";
import { useState } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc";
import { formatTime, shortId } from "./format";
import { Badge, Card, ErrorNote, buttonClass, ghostButtonClass, inputClass } from "./ui";

const KIND_TONES: Record<string, string> = {
  release: "bg-indigo-50 text-indigo-700 ring-indigo-200",
  operational: "bg-sky-50 text-sky-700 ring-sky-200",
  kill_switch: "bg-rose-50 text-rose-700 ring-rose-200",
};
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function useInvalidateFlags() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: trpc.admin.flags.pathKey() });
}

function Overrides({ flagKey }: { flagKey: string }) {
  const trpc = useTRPC();
  const invalidate = useInvalidateFlags();
  const overrides = useQuery(trpc.admin.flags.overrides.queryOptions({ key: flagKey }));
  const setOverride = useMutation(trpc.admin.flags.setOverride.mutationOptions({ onSuccess: invalidate }));
  const [userId, setUserId] = useState("");
  const [value, setValue] = useState("true");
  return (
    <div className="space-y-2">
      <form
        className="flex flex-wrap items-center gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          setOverride.mutate({ key: flagKey, userId: userId.trim(), value: value === "true" }, { onSuccess: () => setUserId("") });
        }}
      >
        <input className={`${inputClass} w-80 font-mono text-xs`} placeholder="user id (uuid)" value={userId} onChange={(e) => setUserId(e.target.value)} data-testid={`override-user-${flagKey}`} />
        <select className={inputClass} value={value} onChange={(e) => setValue(e.target.value)}>
          <option value="true">force on</option>
          <option value="false">force off</option>
        </select>
        <button type="submit" className={buttonClass} disabled={!UUID.test(userId.trim()) || setOverride.isPending}>Add override</button>
      </form>
      <ErrorNote error={setOverride.error} />
      <ul className="divide-y divide-slate-100 rounded-md border border-slate-200">
        {overrides.data?.map((o) => (
          <li key={o.userId} className="flex items-center justify-between px-3 py-1.5 text-sm">
            <span className="font-mono text-xs text-slate-700">{o.userId}</span>
            <span className="flex items-center gap-2">
              {o.value ? <Badge tone="bg-emerald-50 text-emerald-700 ring-emerald-200">on</Badge> : <Badge>off</Badge>}
              <span className="text-xs text-slate-400">{formatTime(o.createdAt)}</span>
              <button type="button" className="text-xs text-rose-600 hover:underline" onClick={() => setOverride.mutate({ key: flagKey, userId: o.userId, value: null })}>remove</button>
            </span>
          </li>
        ))}
        {overrides.data?.length === 0 && <li className="px-3 py-2 text-xs text-slate-400">No per-user overrides.</li>}
      </ul>
    </div>
  );
}

function AuditLog({ flagKey }: { flagKey?: string }) {
  const trpc = useTRPC();
  const audit = useQuery(trpc.admin.flags.audit.queryOptions({ key: flagKey, limit: flagKey ? 20 : 50 }));
  const show = (v: unknown) => (v === null || v === undefined ? "–" : JSON.stringify(v));
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-xs" data-testid={flagKey ? `audit-${flagKey}` : "audit-log"}>
        <thead className="text-left text-[11px] uppercase tracking-wide text-slate-500">
          <tr><th className="py-1.5 pr-3">At</th><th className="pr-3">Resource</th><th className="pr-3">Action</th><th className="pr-3">Before</th><th className="pr-3">After</th><th>Actor</th></tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {audit.data?.map((a) => (
            <tr key={a.id} className="align-top">
              <td className="whitespace-nowrap py-1.5 pr-3 text-slate-500">{formatTime(a.at)}</td>
              <td className="whitespace-nowrap pr-3"><span className="text-slate-400">{a.resourceType}</span> <span className="font-mono">{a.resourceType === "memory" ? shortId(a.resourceId) : a.resourceId}</span></td>
              <td className="pr-3 font-medium text-slate-800">{a.action}</td>
              <td className="max-w-[280px] break-all pr-3 font-mono text-slate-500">{show(a.before)}</td>
              <td className="max-w-[280px] break-all pr-3 font-mono text-slate-700">{show(a.after)}</td>
              <td className="text-slate-600">{a.actor}</td>
            </tr>
          ))}
          {audit.data?.length === 0 && <tr><td colSpan={6} className="py-3 text-slate-400">No changes yet.</td></tr>}
        </tbody>
      </table>
    </div>
  );
}

export function FlagsView() {
  const trpc = useTRPC();
  const invalidate = useInvalidateFlags();
  const flags = useQuery(trpc.admin.flags.list.queryOptions());
  const setFlag = useMutation(trpc.admin.flags.set.mutationOptions({ onSuccess: invalidate }));
  const [open, setOpen] = useState<string | null>(null);
  const [rollout, setRollout] = useState<Record<string, string>>({});

  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-xl font-semibold text-slate-900">Feature flags</h1>
        <p className="mt-1 text-sm text-slate-500">
          Evaluated per run: request override › kill switch (forces the default) › per-user override › switch with sticky rollout › default (ENSEMBLE_FLAG_&lt;KEY&gt; or built-in).
        </p>
      </div>
      <ErrorNote error={flags.error ?? setFlag.error} />
      <div className="space-y-3">
        {flags.data?.map((f) => {
          const state = f.enabled === null ? "default" : f.enabled ? "on" : "off";
          const effective = f.killed ? `killed → ${f.defaultValue ? "on" : "off"} for everyone` : f.enabled === null ? `default: ${f.defaultValue ? "on" : "off"} (${f.defaultSource})` : f.enabled ? `on for ${f.rolloutPercent}% of users` : "off for everyone";
          return (
            <section key={f.key} className={`rounded-xl border bg-white shadow-sm ${f.killed ? "border-rose-300" : "border-slate-200"}`} data-testid={`flag-${f.key}`} data-state={state} data-killed={f.killed}>
              <div className="grid grid-cols-1 gap-3 p-4 lg:grid-cols-[minmax(0,1fr)_auto]">
                <div className="min-w-0">
                  <div className="flex flex-wrap items-center gap-2">
                    <span className="font-mono text-sm font-semibold text-slate-900">{f.key}</span>
                    <Badge tone={KIND_TONES[f.kind]}>{f.kind}</Badge>
                    {f.killed && <Badge tone="bg-rose-600 text-white ring-rose-600">KILLED</Badge>}
                    <span className="text-xs text-slate-500">{effective}</span>
                  </div>
                  <p className="mt-1 text-sm text-slate-600">{f.description}</p>
                  <div className="mt-1 text-[11px] text-slate-400">
                    {f.updatedBy ? `changed by ${f.updatedBy} · ${formatTime(f.updatedAt)}` : "never changed"} · {f.overrides} override{f.overrides === 1 ? "" : "s"} ·{" "}
                    <Link className="text-indigo-600 hover:underline" href={`/admin/cohorts?flag=${f.key}`}>compare cohorts</Link>
                  </div>
                </div>
                <div className="flex flex-wrap items-center gap-3">
                  <div className="inline-flex overflow-hidden rounded-md border border-slate-300" role="group" aria-label={`${f.key} switch`}>
                    {(["default", "on", "off"] as const).map((s) => (
                      <button key={s} type="button" data-testid={`flag-${f.key}-${s}`} disabled={setFlag.isPending}
                        className={`px-3 py-1.5 text-sm ${state === s ? (s === "on" ? "bg-emerald-600 text-white" : s === "off" ? "bg-slate-700 text-white" : "bg-indigo-600 text-white") : "bg-white text-slate-700 hover:bg-slate-50"}`}
                        onClick={() => setFlag.mutate({ key: f.key, enabled: s === "default" ? null : s === "on" })}>
                        {s}
                      </button>
                    ))}
                  </div>
                  <label className="flex items-center gap-1.5 text-sm text-slate-600">
                    rollout
                    <input type="number" min={0} max={100} className={`${inputClass} w-16 text-right`} data-testid={`flag-${f.key}-rollout`}
                      value={rollout[f.key] ?? String(f.rolloutPercent)} onChange={(e) => setRollout((r) => ({ ...r, [f.key]: e.target.value }))}
                      onBlur={() => {
                        const v = Number(rollout[f.key]);
                        if (rollout[f.key] !== undefined && Number.isInteger(v) && v >= 0 && v <= 100 && v !== f.rolloutPercent) setFlag.mutate({ key: f.key, rolloutPercent: v });
                        setRollout((r) => { const { [f.key]: _gone, ...rest } = r; return rest; });
                      }} />
                    %
                  </label>
                  <button type="button" data-testid={`flag-${f.key}-kill`} disabled={setFlag.isPending}
                    className={f.killed ? buttonClass : "rounded-md border border-rose-300 bg-white px-3 py-1.5 text-sm font-medium text-rose-700 hover:bg-rose-50"}
                    onClick={() => setFlag.mutate({ key: f.key, killed: !f.killed })}>
                    {f.killed ? "Release kill switch" : "Kill"}
                  </button>
                  <button type="button" className={ghostButtonClass} onClick={() => setOpen(open === f.key ? null : f.key)}>{open === f.key ? "Close" : "Overrides & audit"}</button>
                </div>
              </div>
              {open === f.key && (
                <div className="grid gap-4 border-t border-slate-100 p-4 lg:grid-cols-2">
                  <div><h3 className="mb-2 text-xs font-semibold uppercase tracking-wide text-slate-500">Per-user overrides</h3><Overrides flagKey={f.key} /></div>
                  <div><h3 className="mb-2 text-xs font-semibold uppercase tracking-wide text-slate-500">Changes to this flag</h3><AuditLog flagKey={f.key} /></div>
                </div>
              )}
            </section>
          );
        })}
      </div>
      <Card title="Audit log (all admin changes)">
        <AuditLog />
      </Card>
    </div>
  );
}
