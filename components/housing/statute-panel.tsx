// The statute article an answer cites, in full: the version in force, its dates, every 항 verbatim and the
// decree/rule articles that carry it out. A side panel on wide screens, a bottom sheet on phones.
"use client";

import { useEffect } from "react";
import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "../trpc";

const CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳";

export interface LawCitation {
  law: string;
  article: string;
  paragraph?: number;
}

/** "주택임대차보호법 제7조 제2항" (the statute's citation key). */
export function citationKey(c: LawCitation): string {
  return `${c.law} ${c.article}${c.paragraph ? ` 제${c.paragraph}항` : ""}`;
}

export function citationLabel(c: LawCitation): string {
  return `${c.law} ${c.article}${c.paragraph ? ` ${CIRCLED[c.paragraph - 1] ?? `제${c.paragraph}항`}` : ""}`;
}

function ArticleBody({ citationKeyText, onOpen }: { citationKeyText: string; onOpen: (key: string) => void }) {
  const trpc = useTRPC();
  const article = useQuery(trpc.statutes.article.queryOptions({ key: citationKeyText }));
  const wanted = /제(\d+)항$/u.exec(citationKeyText)?.[1];
  if (article.isPending) return <p className="text-sm text-slate-500" aria-busy="true">조문을 불러오는 중…</p>;
  if (article.isError) return <p role="alert" className="text-sm text-rose-700">조문을 불러오지 못했습니다: {article.error.message}</p>;
  const a = article.data;
  return (
    <div className="space-y-4" data-testid="statute-article">
      <div>
        <p className="text-xs text-slate-500">{a.lawName}{a.shortName ? ` (약칭: ${a.shortName})` : ""} · {a.kind} {a.lawNumber}</p>
        <h2 className="mt-0.5 text-lg font-semibold text-slate-900">{a.articleNumber}{a.title ? `(${a.title})` : ""}</h2>
        <p className="mt-1 text-xs text-slate-600" data-testid="statute-effective">
          시행 {a.effectiveFrom}{a.effectiveTo ? ` ~ ${a.effectiveTo} 전날까지` : " ~ 현재"}{a.scheduled ? " · 공포 후 시행된 개정" : ""}
        </p>
        {a.chapter && <p className="mt-0.5 text-[11px] text-slate-400">{[a.chapter, a.section].filter(Boolean).join(" · ")}</p>}
      </div>
      {a.deleted && <p className="text-sm text-slate-500">삭제된 조문입니다.</p>}
      <ol className="space-y-2 text-[15px] leading-relaxed text-slate-800">
        {a.paragraphs.map((p) => (
          <li key={p.key} className={`whitespace-pre-wrap rounded-md px-2 py-1 ${String(p.paragraph) === wanted ? "bg-amber-50 ring-1 ring-amber-200" : ""}`}>
            {p.paragraph ? <span className="mr-1 font-medium">{CIRCLED[p.paragraph - 1] ?? `(${p.paragraph})`}</span> : null}
            {p.text}
            {p.notes.length > 0 && <span className="ml-1 text-[11px] text-slate-400">{p.notes.join(" ")}</span>}
          </li>
        ))}
      </ol>
      {a.notes.length > 0 && <p className="text-[11px] text-slate-400">{a.notes.join(" ")}</p>}
      {a.delegations.length > 0 && (
        <section>
          <h3 className="text-sm font-semibold text-slate-700">위임받은 하위 법령</h3>
          <ul className="mt-1 space-y-1.5">
            {a.delegations.map((d) => (
              <li key={d.citation} className="text-sm">
                <button type="button" onClick={() => onOpen(d.citation)} className="font-medium text-indigo-700 underline-offset-2 hover:underline">
                  {d.citation}{d.title ? `(${d.title})` : ""}
                </button>
                <p className="text-xs text-slate-500">{d.quote}</p>
              </li>
            ))}
          </ul>
        </section>
      )}
      {a.implements.length > 0 && (
        <section>
          <h3 className="text-sm font-semibold text-slate-700">근거 법률 조문</h3>
          <ul className="mt-1 space-y-1">
            {a.implements.map((d) => (
              <li key={d.citation}>
                <button type="button" onClick={() => onOpen(d.citation)} className="text-sm font-medium text-indigo-700 underline-offset-2 hover:underline">
                  {d.citation}{d.title ? `(${d.title})` : ""}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      <p className="text-[11px] text-slate-400">출처: 국가법령정보센터 법령 원문 (data/laws)</p>
    </div>
  );
}

/** Closed when `open` is null; Escape or the close button calls onClose. */
export function StatutePanel({ open, onOpen, onClose }: { open: string | null; onOpen: (key: string) => void; onClose: () => void }) {
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => { if (e.key === "Escape") onClose(); };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [open, onClose]);
  if (!open) return null;
  return (
    <div className="fixed inset-0 z-40" data-testid="statute-panel">
      <button type="button" aria-label="닫기" onClick={onClose} className="absolute inset-0 bg-slate-900/20 md:bg-transparent" />
      <aside
        role="dialog" aria-modal="true" aria-label={open}
        className="absolute inset-x-0 bottom-0 max-h-[78vh] overflow-y-auto rounded-t-2xl border-t border-slate-200 bg-white p-5 shadow-2xl
          md:inset-y-0 md:left-auto md:right-0 md:max-h-none md:w-[440px] md:rounded-none md:border-l md:border-t-0"
      >
        <div className="mx-auto mb-3 h-1 w-10 rounded-full bg-slate-200 md:hidden" aria-hidden />
        <div className="mb-2 flex justify-end">
          <button type="button" onClick={onClose} className="rounded-md px-2 py-1 text-sm text-slate-500 hover:bg-slate-100">닫기 ✕</button>
        </div>
        <ArticleBody key={open} citationKeyText={open} onOpen={onOpen} />
      </aside>
    </div>
  );
}
