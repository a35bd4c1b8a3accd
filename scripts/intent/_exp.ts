// scratch experiment (not committed)
import { readFileSync } from "node:fs";
import { INTENTS } from "../../server/apps/housing/types";
import { QUESTION_TYPES } from "../../server/apps/housing/rules/question-type";
import { ASPECTS, corpusFile, readCorpus } from "../../server/apps/housing/understanding/corpus";
import { LinearModel } from "../../server/apps/housing/understanding/linear-model";
import { scoreAll, misses } from "../eval/metrics";
import { planScores } from "./train-eval";
import { trainSigmoidLr, trainSoftmaxLr } from "./learners";
import { featuriseCorpus, packModel } from "./model-builder";
const args = process.argv.slice(2);
let train = readCorpus(corpusFile("train"));
let dev = readCorpus(corpusFile("dev"));
if (process.env.WRITER) {
  const all = [...train, ...dev];
  const w = process.env.WRITER + "-";
  train = all.filter((r) => !r.id.startsWith(w));
  dev = all.filter((r) => r.id.startsWith(w));
}
const t0 = Date.now();
const data = featuriseCorpus(train, 2);
const F = data.vocabulary.length;
const l2 = Number(process.env.L2 ?? 1e-3);
const o = { epochs: Number(process.env.EPOCHS ?? 40), rate: 0.1, l2, seed: 20261125 };
const heads = {
  intent: trainSoftmaxLr(data.intent, F, [...INTENTS], o),
  aspects: trainSigmoidLr(data.aspects, F, [...ASPECTS], o),
  qtype: trainSoftmaxLr(data.qtype, F, [...QUESTION_TYPES], o),
};
console.log(`F=${F} trained in ${Date.now() - t0}ms`);
let best: any = null;
for (const aspect of (process.env.X_GRID ?? "0.2,0.25,0.3,0.4,0.5").split(",").map(Number)) { const secondary = 0;
  const file = packModel("exp", data.vocabulary, heads, "", train.length, { aspect }, 20);
  const scored = planScores(dev, new LinearModel(file));
  const r = scoreAll(scored);
  const c = r.intent + r.aspectsExact + r.qtype + r.tools;
  if (!best || c > best.c) best = { c, r, scored, th: `${aspect}/${secondary}`, bytes: JSON.stringify(file).length };
}
const r = best.r;
console.log(`th ${best.th} ${(best.bytes/1024)|0}KiB intent ${r.intent} aspects ${r.aspectsExact} qtype ${r.qtype} teams ${r.teams} tools ${r.tools} deadEnds ${r.deadEnds} recall ${JSON.stringify(r.aspectRecall)} compound ${JSON.stringify(r.compound)}`);
if (args.includes("--misses")) {
  console.log(misses(best.scored).join("\n"));
  const qc: Record<string, Record<string, number>> = {};
  for (const s of best.scored) if (s.predicted.qtype !== s.label.qtype) { (qc[s.label.qtype] ??= {})[s.predicted.qtype] = (qc[s.label.qtype][s.predicted.qtype] ?? 0) + 1; }
  console.log("qtype errors label→pred", JSON.stringify(qc, null, 0));
  for (const s of best.scored) if (s.predicted.qtype !== s.label.qtype) console.log(`Q ${s.label.qtype}→${s.predicted.qtype}: ${s.label.q.slice(0, 90)}`);
}
if (args.includes("--tools")) {
  const miss: Record<string, number> = {};
  for (const s of best.scored) for (const t of [...s.label.tools, ...s.label.teams]) if (!s.predicted.tools.includes(t) && !s.predicted.teams.includes(t)) miss[t] = (miss[t] ?? 0) + 1;
  console.log("missing", JSON.stringify(miss));
  const want = process.env.SHOW;
  if (want) for (const s of best.scored) if ((s.label.tools.includes(want) || s.label.teams.includes(want)) && !s.predicted.tools.includes(want) && !s.predicted.teams.includes(want)) console.log(`T ${s.label.intent}→${s.predicted.intent} [${s.predicted.aspects}] vs [${s.label.aspects}] q=${s.label.qtype}/${s.predicted.qtype} tools ${s.predicted.tools} vs ${s.label.tools}: ${s.label.q.slice(0, 80)}`);
}
