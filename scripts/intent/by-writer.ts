// `npx tsx scripts/intent/by-writer.ts [--l2 1e-4] [--threshold 0.4] [wa wb …]`: how the understanding
// generalises to a writer it never saw — trains on the train+dev questions of every other source and scores
// one writer's train+dev questions through the planner. The test split is never read.
import { INTENTS } from "../../server/apps/housing/types";
import { QUESTION_TYPES } from "../../server/apps/housing/rules/question-type";
import { ASPECTS, corpusFile, readCorpus } from "../../server/apps/housing/understanding/corpus";
import { LinearModel } from "../../server/apps/housing/understanding/linear-model";
import { scoreAll } from "../eval/metrics";
import { trainSigmoidLr, trainSoftmaxLr } from "./learners";
import { featuriseCorpus, packModel } from "./model-builder";
import { planScores } from "./train-eval";

function option(args: string[], name: string, fallback: number): number {
  const at = args.indexOf(name);
  return at >= 0 ? Number(args[at + 1]) : fallback;
}

function main(): void {
  const args = process.argv.slice(2);
  const l2 = option(args, "--l2", 1e-4);
  const threshold = option(args, "--threshold", 0.4);
  const writers = args.filter((a, i) => /^[a-z]{2}$/.test(a) && !args[i - 1]?.startsWith("--"));
  const rows = [...readCorpus(corpusFile("train")), ...readCorpus(corpusFile("dev"))];
  for (const writer of writers.length ? writers : ["wa", "wb", "wc", "wd"]) {
    const held = rows.filter((r) => r.id.startsWith(`${writer}-`));
    const train = rows.filter((r) => !r.id.startsWith(`${writer}-`));
    const data = featuriseCorpus(train, 2);
    const F = data.vocabulary.length;
    const o = { epochs: 40, rate: 0.1, l2, seed: 20261125 };
    const heads = {
      intent: trainSoftmaxLr(data.intent, F, [...INTENTS], o),
      aspects: trainSigmoidLr(data.aspects, F, [...ASPECTS], o),
      qtype: trainSoftmaxLr(data.qtype, F, [...QUESTION_TYPES], o),
    };
    const model = new LinearModel(packModel("lr", data.vocabulary, heads, "", train.length, { aspect: threshold }, 20));
    const r = scoreAll(planScores(held, model));
    console.log(`${writer} (${held.length} questions, trained on ${train.length}): intent ${r.intent}%  aspects ${r.aspectsExact}%  qtype ${r.qtype}%  teams ${r.teams}%  tools ${r.tools}%  dead-ends ${r.deadEnds}`);
  }
}

main();
