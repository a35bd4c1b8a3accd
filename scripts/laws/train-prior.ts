// `npm run train:laws -- [--json] [--no-write] [--failures] [--hold-out BATCH --out FILE]`: trains the law prior
// (law-prior.ts) on every labelled statute question except questions.jsonl's test split, chooses its weight against
// BM25 by leave-one-batch-out over the training batches, and reports each batch held out (nested: its weight chosen
// without it) before and after.
// --hold-out writes the prior trained without BATCH (ENSEMBLE_LAW_PRIOR=FILE runs the pipeline with it).
// Needs the database (BM25's candidate pools); deterministic for the same data.
import { writeFileSync } from "node:fs";
import { statuteCandidates, DEFAULT_RANK, type StatuteHit } from "../../server/apps/housing/laws/search";
import { DEFAULT_LAW_PRIOR_PATH, LawPrior, type LawPriorFile } from "../../server/apps/housing/laws/law-prior";
import { todayIso } from "../../server/apps/housing/laws/article";
import type { LegalQuestion } from "../eval/legal-questions";
import { isEntryPoint, runCli } from "../cli";
import { loadBatches, type Batch } from "./prior-batches";
import { rankWith, scoreRankings, trainLawPrior, type Scores } from "./prior-training";

const arg = (name: string) => { const i = process.argv.indexOf(`--${name}`); return i >= 0 ? process.argv[i + 1] : undefined; };

/** Weights of the prior tried; 0 is BM25 alone. */
const WEIGHTS = [0, 0.02, 0.03, 0.05, 0.075, 0.1, 0.15, 0.2, 0.3, 0.4, 0.6];
/** The retrieval eval's and legal_search's limit: pools are fetched as they would be. */
const LIMIT = 5;

const pct = (x: number, n: number) => Math.round((1000 * x) / Math.max(n, 1)) / 10;

/** Chooses the weight: the best summed top-3 law (article hit@3 breaking ties) over the given folds. */
function chooseWeight(folds: { rows: LegalQuestion[]; prior: LawPrior }[], pools: Map<string, StatuteHit[]>): number {
  let best = { w: 0, key: -1 };
  for (const w of WEIGHTS) {
    let top3 = 0, art3 = 0;
    for (const f of folds) {
      const s = scoreRankings(f.rows, (r) => rankWith(pools.get(r.id)!, r.q, f.prior, w));
      top3 += s.top3;
      art3 += s.art3;
    }
    const key = top3 * 1000 + art3;
    if (key > best.key) best = { w, key };
  }
  return best.w;
}

async function main(): Promise<number> {
  const json = process.argv.includes("--json");
  const batches = loadBatches();
  const trainable = batches.filter((b) => b.trainable);
  const { getDatabase } = await import("../../server/db/client");
  const { db } = await getDatabase();
  const asOf = todayIso();
  const pools = new Map<string, StatuteHit[]>();
  for (const b of batches) {
    for (const r of b.rows) pools.set(r.id, (await statuteCandidates(db, { query: r.q, limit: LIMIT, asOf }, DEFAULT_RANK)).hits);
  }

  // A prior trained without some batches, cached by which (training batches' names, sorted).
  const cache = new Map<string, LawPrior>();
  const priorWithout = (excluded: Batch[]): LawPrior => {
    const used = trainable.filter((b) => !excluded.includes(b));
    const key = used.map((b) => b.name).join(",");
    if (!cache.has(key)) cache.set(key, new LawPrior(trainLawPrior(used.flatMap((b) => b.rows), used.map((b) => b.file), 0)));
    return cache.get(key)!;
  };

  const report: { batch: string; n: number; weight: number; before: Scores; after: Scores; byWeight: Record<string, number> }[] = [];
  for (const held of batches) {
    const prior = priorWithout([held]);
    // The weight for this held-out batch is chosen on the other training batches, each held out in turn.
    const inner = trainable.filter((b) => b !== held).map((b) => ({ rows: b.rows, prior: priorWithout([held, b]) }));
    const weight = chooseWeight(inner, pools);
    const score = (w: number) => scoreRankings(held.rows, (r) => rankWith(pools.get(r.id)!, r.q, prior, w));
    if (process.argv.includes("--failures")) {
      for (const r of held.rows) {
        const hits = rankWith(pools.get(r.id)!, r.q, prior, weight).slice(0, 3);
        if (scoreRankings([r], () => hits).top3 === 0) {
          console.error(`${r.id} [${r.law} ${r.articles.join(",")}] ${r.q}\n  → ${hits.map((h) => `${h.lawName} ${h.articleNumber}`).join(" | ")}`);
        }
      }
    }
    // --hold-out NAME --out FILE: this fold's prior, for running the whole pipeline on the batch it never saw.
    if (arg("hold-out") === held.name && arg("out")) {
      const used = trainable.filter((b) => b !== held);
      writeFileSync(arg("out")!, JSON.stringify(trainLawPrior(used.flatMap((b) => b.rows), used.map((b) => b.file), weight)));
    }
    report.push({
      batch: held.name, n: held.rows.length, weight, before: score(0), after: score(weight),
      byWeight: Object.fromEntries(WEIGHTS.map((w) => [String(w), pct(score(w).top3, held.rows.length)])),
    });
  }

  const all = trainable.map((b) => ({ rows: b.rows, prior: priorWithout([b]) }));
  const shippedWeight = chooseWeight(all, pools);
  const file: LawPriorFile = trainLawPrior(trainable.flatMap((b) => b.rows), trainable.map((b) => b.file), shippedWeight);
  if (!process.argv.includes("--no-write")) writeFileSync(DEFAULT_LAW_PRIOR_PATH, JSON.stringify(file));

  if (json) {
    process.stdout.write(`${JSON.stringify({ report, shippedWeight, features: file.features.length })}\n`);
    return 0;
  }
  const line = (s: Scores) => `top1 ${pct(s.top1, s.n)} top3 ${pct(s.top3, s.n)} art3 ${pct(s.art3, s.n)}`;
  for (const r of report) {
    const groups = (key: "byCategory" | "byLanguage") => Object.entries(r.after[key])
      .map(([c, v]) => `${c} ${pct(r.before[key][c].top3, v.n)}→${pct(v.top3, v.n)}`).join(", ");
    const cats = `${groups("byCategory")}; ${groups("byLanguage")}`;
    console.log(`${r.batch.padEnd(9)} n=${String(r.n).padStart(3)} λ=${r.weight}  before ${line(r.before)}  after ${line(r.after)}\n          ${cats}\n          top3 by λ ${JSON.stringify(r.byWeight)}`);
  }
  const sum = (pick: (r: (typeof report)[number]) => Scores, key: "top3" | "art3") => report.filter((r) => r.batch !== "lg-test")
    .reduce((a, r) => a + pick(r)[key], 0);
  const n = report.filter((r) => r.batch !== "lg-test").reduce((a, r) => a + r.n, 0);
  console.log(`held-out batches except lg-test (${n}): top3 ${pct(sum((r) => r.before, "top3"), n)} → ${pct(sum((r) => r.after, "top3"), n)}, art3 ${pct(sum((r) => r.before, "art3"), n)} → ${pct(sum((r) => r.after, "art3"), n)}`);
  console.log(`shipped: weight ${shippedWeight} (stored in the file), ${file.features.length} features, ${(JSON.stringify(file).length / 1024).toFixed(0)} KiB`);
  return 0;
}

if (isEntryPoint(import.meta.url)) runCli(main);
