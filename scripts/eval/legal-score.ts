// Scoring of statute retrieval, pure: one question against the ranked legal sources a run produced,
// and the aggregate figures (top-1/top-3 related law, article hit@3, MRR, reach, timings) per group.
import { percentile, round } from "../bench/stats";
import type { LegalCategory, LegalQuestion } from "./legal-questions";

/** One legal source a run rests on, best first. */
export interface RankedLegalSource {
  law: string;
  article: string | null;
}

/** Where the ranked sources of a run came from. */
export type SourceOrigin = "citations" | "tool" | "none";

export interface QuestionOutcome {
  id: string;
  law: string;
  category: LegalCategory;
  lang: "ko" | "en";
  top1Law: boolean;
  top3Law: boolean;
  articleHit3: boolean;
  /** 1/rank of the first labelled article among all returned sources, 0 when absent. */
  reciprocalRank: number;
  reachedLegalSearch: boolean;
  ms: number;
  origin: SourceOrigin;
  status: string;
  /** The first five sources, for reading failures. */
  sources: RankedLegalSource[];
}

export interface LegalMetrics {
  n: number;
  top1Law: number;
  top3Law: number;
  articleHit3: number;
  mrr: number;
  reachedLegalSearch: number;
  p50Ms: number;
  p95Ms: number;
}

/**
 * "주택임대차보호법 시행령" and "주택임대차보호법시행령" are the same law; "공인중개사법(예정_법률)" is
 * 공인중개사법: spacing, middle dots and anything from the first "(" on do not name a different law.
 */
export function normalizeLawName(name: string): string {
  return name.split("(")[0].replace(/[\s\u00b7\u30fb\u318d]/gu, "").trim();
}

/** "제3조의2", "3조의 2", "제3조의2제1항", "Article 3-2" → "제3조의2"; null when no article is named. */
export function normalizeArticle(article: string | null | undefined): string | null {
  if (!article) return null;
  const ko = /제?\s*(\d+)\s*조(?:\s*의\s*(\d+))?/u.exec(article);
  if (ko) return `제${ko[1]}조${ko[2] ? `의${ko[2]}` : ""}`;
  const en = /\b(?:article|art\.?)\s*(\d+)(?:\s*-\s*(\d+))?/iu.exec(article);
  if (en) return `제${en[1]}조${en[2] ? `의${en[2]}` : ""}`;
  return null;
}

function acceptedLaws(q: LegalQuestion): Set<string> {
  return new Set([q.law, ...q.alsoLaws].map(normalizeLawName));
}

/** True when the source is one of the labelled articles of the labelled law (alsoLaws do not count here). */
export function isLabelledArticle(q: LegalQuestion, source: RankedLegalSource): boolean {
  if (normalizeLawName(source.law) !== normalizeLawName(q.law)) return false;
  const article = normalizeArticle(source.article);
  return article !== null && q.articles.includes(article);
}

export interface RunObservation {
  sources: RankedLegalSource[];
  origin: SourceOrigin;
  reachedLegalSearch: boolean;
  ms: number;
  status: string;
}

export function scoreQuestion(q: LegalQuestion, run: RunObservation): QuestionOutcome {
  const accepted = acceptedLaws(q);
  const lawOk = (s: RankedLegalSource) => accepted.has(normalizeLawName(s.law));
  const top3 = run.sources.slice(0, 3);
  const firstHit = run.sources.findIndex((s) => isLabelledArticle(q, s));
  return {
    id: q.id, law: q.law, category: q.category, lang: q.lang,
    top1Law: run.sources.length > 0 && lawOk(run.sources[0]),
    top3Law: top3.some(lawOk),
    articleHit3: top3.some((s) => isLabelledArticle(q, s)),
    reciprocalRank: firstHit < 0 ? 0 : 1 / (firstHit + 1),
    reachedLegalSearch: run.reachedLegalSearch,
    ms: run.ms, origin: run.origin, status: run.status,
    sources: run.sources.slice(0, 5),
  };
}

function share(outcomes: QuestionOutcome[], pick: (o: QuestionOutcome) => boolean): number {
  return outcomes.length === 0 ? 0 : round(outcomes.filter(pick).length / outcomes.length, 4);
}

export function aggregate(outcomes: QuestionOutcome[]): LegalMetrics {
  const times = outcomes.map((o) => o.ms).sort((a, b) => a - b);
  return {
    n: outcomes.length,
    top1Law: share(outcomes, (o) => o.top1Law),
    top3Law: share(outcomes, (o) => o.top3Law),
    articleHit3: share(outcomes, (o) => o.articleHit3),
    mrr: outcomes.length === 0 ? 0 : round(outcomes.reduce((a, o) => a + o.reciprocalRank, 0) / outcomes.length, 4),
    reachedLegalSearch: share(outcomes, (o) => o.reachedLegalSearch),
    p50Ms: round(percentile(times, 50), 1),
    p95Ms: round(percentile(times, 95), 1),
  };
}

/** Metrics per value of a key, keys in first-seen order. */
export function aggregateBy(outcomes: QuestionOutcome[], key: (o: QuestionOutcome) => string): Record<string, LegalMetrics> {
  const groups = new Map<string, QuestionOutcome[]>();
  for (const o of outcomes) groups.set(key(o), [...(groups.get(key(o)) ?? []), o]);
  return Object.fromEntries([...groups].map(([k, v]) => [k, aggregate(v)]));
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`.padStart(6);

/** One table row; the name goes last because Hangul is double width and would break the columns. */
function row(m: LegalMetrics, name: string): string {
  return [String(m.n).padStart(4), pct(m.top1Law), pct(m.top3Law), pct(m.articleHit3), m.mrr.toFixed(3).padStart(6),
    pct(m.reachedLegalSearch), String(Math.round(m.p50Ms)).padStart(6), String(Math.round(m.p95Ms)).padStart(6), name].join("  ");
}

export function formatTable(title: string, groups: Record<string, LegalMetrics>): string {
  const head = ["   n", "  top1", "  top3", " art@3", "   MRR", " reach", "p50 ms", "p95 ms", title].join("  ");
  return [head, ...Object.entries(groups).map(([name, m]) => row(m, name))].join("\n");
}
