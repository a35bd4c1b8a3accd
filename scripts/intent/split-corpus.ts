// `npm run split:intent`: validates every source file in data/eval/intent/source and writes the fixed
// train/dev/test split (by a hash of each id, see corpus.ts). A duplicate id is an error; a question
// text seen before (same words, case and spacing aside) is dropped, so no question sits in two splits.
import { readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { CORPUS_DIR, corpusFile, readCorpus, splitOf, SPLITS, type LabelledQuestion, type Split } from "../../server/apps/housing/understanding/corpus";

const ASPECT_OF: Record<string, string> = {
  LEGAL_CONSULT: "legal", MARKET_INQUIRY: "market", LOAN_CONSULT: "loan",
  CONTRACT_CREATION: "contract", CONTRACT_REVIEW: "contract", RISK_ANALYSIS: "risk",
};
const TEAM_OF_TOOL: Record<string, string> = {
  legal_search: "search", market_data: "search", loan_search: "search", real_estate_search: "search",
  market_analysis: "analysis", loan_simulator: "analysis", policy_matcher: "analysis", rent_increase_check: "analysis",
  contract_analysis: "analysis", lease_contract_generator: "document", document_review: "document",
};

/** Labels that contradict the guide (labels.md) or each other: printed, so a writer's slip is seen and fixed at the source. */
export function labelProblems(r: LabelledQuestion): string[] {
  const p: string[] = [];
  const own = ASPECT_OF[r.intent];
  const noTopic = r.intent === "UNCLEAR" || r.intent === "IRRELEVANT";
  if (own && !r.aspects.includes(own as never)) p.push(`intent ${r.intent} without aspect ${own}`);
  if (r.intent === "COMPREHENSIVE" && r.aspects.length < 2) p.push("COMPREHENSIVE with fewer than two aspects");
  if (noTopic && (r.aspects.length || r.teams.length || r.tools.length)) p.push(`${r.intent} with aspects, teams or tools`);
  if (!noTopic && r.aspects.length === 0) p.push("a housing question without aspects");
  for (const tool of r.tools) if (!r.teams.includes(TEAM_OF_TOOL[tool] as never)) p.push(`${tool} without its team ${TEAM_OF_TOOL[tool]}`);
  return p;
}

function main(): void {
  const sourceDir = path.join(CORPUS_DIR, "source");
  const rows: LabelledQuestion[] = [];
  for (const file of readdirSync(sourceDir).filter((f) => f.endsWith(".jsonl")).sort()) rows.push(...readCorpus(path.join(sourceDir, file)));
  const ids = new Set<string>();
  const texts = new Map<string, string>();
  const unique: LabelledQuestion[] = [];
  for (const r of rows) {
    if (ids.has(r.id)) throw new Error(`duplicate id ${r.id}`);
    ids.add(r.id);
    const key = r.q.replace(/\s+/g, "").toLowerCase();
    const other = texts.get(key);
    if (other) {
      console.warn(`duplicate: ${r.id} repeats ${other} ("${r.q.slice(0, 40)}"), left out`);
      continue;
    }
    texts.set(key, r.id);
    unique.push(r);
  }
  for (const r of unique) for (const problem of labelProblems(r)) console.warn(`label check: ${r.id}: ${problem}`);
  const bySplit: Record<Split, LabelledQuestion[]> = { train: [], dev: [], test: [] };
  for (const r of unique) bySplit[splitOf(r.id)].push(r);
  for (const split of SPLITS) {
    bySplit[split].sort((a, b) => a.id.localeCompare(b.id));
    writeFileSync(corpusFile(split), bySplit[split].map((r) => JSON.stringify(r)).join("\n") + "\n");
  }
  console.log(SPLITS.map((s) => `${s} ${bySplit[s].length}`).join(", "), `(${unique.length} questions, ${rows.length - unique.length} duplicates left out)`);
}

if (process.argv[1]?.endsWith("split-corpus.ts")) main();
