// The law prior: a small softmax regression from a question's n-grams (and the statute words its English and
// everyday words map to) to the law that answers it, trained offline (`npm run train:laws`), and the rerank
// that adds its log-probability to BM25's score so a question told as a situation still reaches its law.
import { z } from "zod";
import { textFeatures } from "../understanding/features";
import { denseHead, headSchema, loadModelFile, scoreHead, type DenseHead } from "../understanding/linear-model";
import { englishExpansions } from "./english";
import { synonymExpansions } from "./synonyms";
import { parentLawOf } from "./names";

export const lawPriorFileSchema = z.object({
  format: z.literal("ensemble-law-prior-v1"),
  method: z.string(),
  /** Weights are stored as round(w × scale). */
  scale: z.number().positive(),
  trainedOn: z.object({ questions: z.number().int(), files: z.array(z.string()), dataSha256: z.string() }),
  features: z.array(z.string()),
  /** One softmax head whose classes are law names ("주택임대차보호법 시행령"). */
  head: headSchema,
  /** The prior's weight against BM25 in rerankByLawPrior, chosen by the trainer leave-one-batch-out. */
  weight: z.number().min(0),
});
export type LawPriorFile = z.infer<typeof lawPriorFileSchema>;

/**
 * What the prior reads: the question's character n-grams and words (the understanding model's textFeatures),
 * plus the statute words its English and everyday words stand for, so "upstairs neighbour" and "윗집" share
 * features with "층간소음".
 */
export function lawPriorFeatures(question: string): Set<string> {
  const lower = question.toLowerCase();
  const out = textFeatures(question);
  const synonyms = synonymExpansions(lower);
  for (const word of [...englishExpansions(lower), ...synonyms.replacements, ...synonyms.additions]) {
    out.add(`k:${word.replace(/\s+/gu, "")}`);
  }
  return out;
}

export class LawPrior {
  private readonly index: Map<string, number>;
  private readonly head: DenseHead;
  readonly method: string;
  readonly weight: number;

  constructor(file: LawPriorFile) {
    this.method = file.method;
    this.weight = file.weight;
    this.index = new Map(file.features.map((f, i) => [f, i]));
    this.head = denseHead(file.head, file.features.length, file.scale);
  }

  get laws(): readonly string[] {
    return this.head.classes;
  }

  /** log p(law | question) for every law the prior knows. */
  lawLogProbs(question: string): Map<string, number> {
    const { classes, probs } = scoreHead(this.head, this.index, lawPriorFeatures(question));
    return new Map(classes.map((law, c) => [law, Math.log(Math.max(probs[c], 1e-9))]));
  }
}

/** A law the prior never saw gets this log-probability gap to the best law (about p = 1/1000 of it). */
const UNKNOWN_LAW_GAP = -7;

/**
 * When the top three all come from one law but the prior gives another law at least this probability, that law's
 * best article takes third place: a question on 공시가격 이의신청 whose words match the rule's forms keeps room for
 * the act. Measured leave-one-batch-out (npm run train:laws): top-3 law +2 and article hit@3 +3 of 646 questions at
 * 0.1 (0.25 and 0.4 within one question of it); moving in any other law instead lost 6 article hits.
 */
export const OTHER_LAW_FLOOR = 0.1;

/**
 * How much of the prior's say goes to the law's family (the act with its decree and rules, names.ts parentLawOf)
 * rather than the law itself. Whether a question wants the act or its decree is the hardest part to read from its
 * words; at 0 the prior lifted acts over labelled decree articles. Leave-one-batch-out over the 826 training
 * questions: 0 → top-3 98.2%, article hit@3 71.4%; 0.3 → 98.3, 71.8; 0.5 → 98.2, 72.0; 0.7 → 97.9, 71.1; 1 → 97.6, 69.2.
 */
export const FAMILY_SHARE = 0.5;

const familyOf = (law: string) => parentLawOf(law) ?? law;

/**
 * BM25 order with the law prior added: each text hit scores score / best score + weight × its law's bonus, the
 * bonus mixing log p(its law) and log p(its family), each less the best one's (FAMILY_SHARE). Scaling by the best
 * score makes one weight fit short and long questions alike; a cited article stays first. Stable, so ties keep
 * BM25's order. Then the top three make room for a second law the prior believes in (OTHER_LAW_FLOOR).
 */
export function rerankByLawPrior<T extends { lawName: string; score: number; via: string }>(
  hits: T[], logProbs: Map<string, number>, weight: number,
): T[] {
  const text = hits.filter((h) => h.via !== "citation");
  const top = Math.max(...text.map((h) => h.score), 1e-9);
  const best = Math.max(...logProbs.values());
  const logP = (law: string) => logProbs.get(law) ?? best + UNKNOWN_LAW_GAP;
  const family = new Map<string, number>();
  for (const [law, lp] of logProbs) family.set(familyOf(law), (family.get(familyOf(law)) ?? 0) + Math.exp(lp));
  const bestFamily = Math.log(Math.max(...family.values()));
  const familyLogP = (law: string) => Math.log(family.get(familyOf(law)) ?? Math.exp(bestFamily + UNKNOWN_LAW_GAP));
  const bonus = (law: string) => (1 - FAMILY_SHARE) * (logP(law) - best) + FAMILY_SHARE * (familyLogP(law) - bestFamily);
  const scored = text.map((h) => ({ h, s: h.score / top + weight * bonus(h.lawName) }));
  scored.sort((a, b) => b.s - a.s);
  const ranked = [...hits.filter((h) => h.via === "citation"), ...scored.map((x) => x.h)];
  const first = ranked.slice(0, 3);
  if (first.length < 3 || first.some((h) => h.lawName !== first[0].lawName)) return ranked;
  const floor = Math.log(OTHER_LAW_FLOOR);
  const other = ranked.findIndex((h, i) => i >= 3 && h.lawName !== first[0].lawName && logP(h.lawName) >= floor);
  if (other < 0) return ranked;
  return [ranked[0], ranked[1], ranked[other], ...ranked.filter((_, i) => i >= 2 && i !== other)];
}

/** Where the committed prior lives; ENSEMBLE_LAW_PRIOR points elsewhere (tests, experiments). */
export const DEFAULT_LAW_PRIOR_PATH = "server/apps/housing/laws/law-prior.json";

/** The prior; without it (file missing or invalid) retrieval ranks by BM25 alone instead of failing every search. */
export function loadLawPrior(file = process.env.ENSEMBLE_LAW_PRIOR ?? DEFAULT_LAW_PRIOR_PATH): LawPrior | null {
  return loadModelFile("law-prior", file, lawPriorFileSchema, (f) => new LawPrior(f), "ranking statutes by BM25 alone");
}
