// The statute sources an answer rests on (runs.citations), each a link that opens the article in the
// statute panel; used under a chat answer (fetching the run summary) and on the admin run page (given).
"use client";

import { useCallback, useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { StatutePanel, citationKey, citationLabel, type LawCitation } from "./statute-panel";

interface CitationLike {
  source: string;
  law?: string;
  article?: string;
  paragraph?: number;
}

function lawCitations(list: CitationLike[] | undefined): LawCitation[] {
  return (list ?? []).filter((c): c is CitationLike & LawCitation => c.source === "law" && !!c.law && !!c.article)
    .map((c) => ({ law: c.law, article: c.article, ...(c.paragraph ? { paragraph: c.paragraph } : {}) }));
}

export function CitationLinks({ citations }: { citations: CitationLike[] }) {
  const [open, setOpen] = useState<string | null>(null);
  const close = useCallback(() => setOpen(null), []);
  const laws = lawCitations(citations);
  if (laws.length === 0) return null;
  return (
    <div className="mt-2 border-t border-slate-100 pt-2" data-testid="citations">
      <p className="text-[11px] font-medium text-slate-500">근거 조문</p>
      <ul className="mt-1 flex flex-wrap gap-1.5">
        {laws.slice(0, 6).map((c) => (
          <li key={citationKey(c)}>
            <button
              type="button" onClick={() => setOpen(citationKey(c))} data-testid="citation-link"
              className="rounded-full bg-indigo-50 px-2.5 py-1 text-xs font-medium text-indigo-700 ring-1 ring-indigo-100 hover:bg-indigo-100"
            >
              {citationLabel(c)}
            </button>
          </li>
        ))}
      </ul>
      <StatutePanel open={open} onOpen={setOpen} onClose={close} />
    </div>
  );
}

/** Under a finished chat answer: reads the run summary (owner only) for its citations. */
export function RunCitationLinks({ runId }: { runId: string }) {
  const summary = useQuery({
    queryKey: ["run-summary", runId],
    queryFn: async () => {
      const res = await fetch(`/api/runs/${encodeURIComponent(runId)}`, { credentials: "same-origin" });
      if (!res.ok) throw new Error(`run summary ${res.status}`);
      return (await res.json()) as { citations?: CitationLike[] };
    },
    staleTime: Infinity,
  });
  return summary.data?.citations ? <CitationLinks citations={summary.data.citations} /> : null;
}
