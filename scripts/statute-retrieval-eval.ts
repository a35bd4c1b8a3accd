// `npx tsx --conditions=react-server scripts/statute-retrieval-eval.ts --file questions.jsonl [--split train|test|all] [--mode bm25|tsrank]
// [--params '{"title":1}'] [--failures]`: statute retrieval alone (no planner), top-1/top-3 law and article hit@3.
// Tune on the train split only; the test split is for the figure you report.
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { searchStatutes, DEFAULT_RANK, type RankParams } from "../server/apps/housing/laws/search";
import { todayIso } from "../server/apps/housing/laws/article";
import { isEntryPoint, runCli } from "./cli";

interface Question { id: string; q: string; lang: string; law: string; articles: string[]; alsoLaws: string[]; split: string; category: string }

const arg = (name: string) => { const i = process.argv.indexOf(`--${name}`); return i >= 0 ? process.argv[i + 1] : undefined; };
const norm = (s: string) => s.split("(")[0].replace(/\s+/gu, "");

async function main(): Promise<number> {
  const file = arg("file");
  if (!file) { console.error("usage: --file questions.jsonl [--split train|test|all]"); return 2; }
  const split = arg("split") ?? "train";
  const mode = (arg("mode") ?? "bm25") as "bm25" | "tsrank";
  const params: RankParams = { ...DEFAULT_RANK, ...(arg("params") ? JSON.parse(arg("params")!) as Partial<RankParams> : {}) };
  const questions = readFileSync(file, "utf8").trim().split("\n").map((l) => JSON.parse(l) as Question)
    .filter((q) => split === "all" || q.split === split);
  const { getDatabase, shutdownDatabase } = await import("../server/db/client");
  const { db } = await getDatabase();
  try {
    const asOf = todayIso();
    const counts = { top1: 0, top3: 0, art3: 0, rr: 0 };
    const byLang: Record<string, { n: number; top3: number; art3: number }> = {};
    const byCategory: Record<string, { n: number; top3: number; art3: number }> = {};
    const times: number[] = [];
    for (const q of questions) {
      const t0 = performance.now();
      const { hits } = await searchStatutes(db, { query: q.q, limit: 5, asOf }, params, mode);
      times.push(performance.now() - t0);
      const laws = new Set([q.law, ...q.alsoLaws].map(norm));
      const isArticle = (h: { lawName: string; articleNumber: string }) => norm(h.lawName) === norm(q.law) && q.articles.includes(h.articleNumber);
      const art3 = hits.slice(0, 3).some(isArticle);
      const first = hits.findIndex(isArticle);
      counts.top1 += Number(hits.length > 0 && laws.has(norm(hits[0].lawName)));
      counts.top3 += Number(hits.slice(0, 3).some((h) => laws.has(norm(h.lawName))));
      counts.art3 += Number(art3);
      counts.rr += first < 0 ? 0 : 1 / (first + 1);
      const top3 = hits.slice(0, 3).some((h) => laws.has(norm(h.lawName)));
      for (const g of [(byLang[q.lang] ??= { n: 0, top3: 0, art3: 0 }), (byCategory[q.category] ??= { n: 0, top3: 0, art3: 0 })]) {
        g.n++; g.top3 += Number(top3); g.art3 += Number(art3);
      }
      if (process.argv.includes("--failures") && !art3) {
        console.error(`${q.id} [${q.law} ${q.articles.join(",")}] ${q.q}\n  → ${hits.slice(0, 3).map((h) => `${h.lawName} ${h.articleNumber}`).join(" | ")}`);
      }
    }
    const n = questions.length || 1;
    const r = (x: number) => Math.round(x * 1000) / 1000;
    times.sort((a, b) => a - b);
    console.log(JSON.stringify({
      split, mode, n: questions.length, top1Law: r(counts.top1 / n), top3Law: r(counts.top3 / n), articleHit3: r(counts.art3 / n),
      mrr: r(counts.rr / n), articleHit3ByLanguage: Object.fromEntries(Object.entries(byLang).map(([k, v]) => [k, r(v.art3 / v.n)])),
      top3LawByLanguage: Object.fromEntries(Object.entries(byLang).map(([k, v]) => [k, r(v.top3 / v.n)])),
      top3LawByCategory: Object.fromEntries(Object.entries(byCategory).map(([k, v]) => [k, r(v.top3 / v.n)])),
      p50Ms: r(times[Math.floor(times.length * 0.5)] ?? 0), p95Ms: r(times[Math.floor(times.length * 0.95)] ?? 0),
    }));
    return 0;
  } finally {
    await shutdownDatabase();
  }
}

if (isEntryPoint(import.meta.url)) runCli(main);
