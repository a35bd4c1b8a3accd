// `npm run split:intent`: validates every source file in data/eval/intent/source and writes the fixed
// train/dev/test split (by a hash of each id, see corpus.ts). Duplicate ids or question texts are errors.
import { readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { CORPUS_DIR, corpusFile, readCorpus, splitOf, SPLITS, type LabelledQuestion, type Split } from "../../server/apps/housing/understanding/corpus";

function main(): void {
  const sourceDir = path.join(CORPUS_DIR, "source");
  const rows: LabelledQuestion[] = [];
  for (const file of readdirSync(sourceDir).filter((f) => f.endsWith(".jsonl")).sort()) rows.push(...readCorpus(path.join(sourceDir, file)));
  const ids = new Set<string>();
  const texts = new Map<string, string>();
  for (const r of rows) {
    if (ids.has(r.id)) throw new Error(`duplicate id ${r.id}`);
    ids.add(r.id);
    const key = r.q.replace(/\s+/g, " ").trim().toLowerCase();
    const other = texts.get(key);
    if (other) throw new Error(`${r.id} repeats the question of ${other}: ${r.q.slice(0, 60)}`);
    texts.set(key, r.id);
  }
  const bySplit: Record<Split, LabelledQuestion[]> = { train: [], dev: [], test: [] };
  for (const r of rows) bySplit[splitOf(r.id)].push(r);
  for (const split of SPLITS) {
    bySplit[split].sort((a, b) => a.id.localeCompare(b.id));
    writeFileSync(corpusFile(split), bySplit[split].map((r) => JSON.stringify(r)).join("\n") + "\n");
  }
  console.log(SPLITS.map((s) => `${s} ${bySplit[s].length}`).join(", "), `(${rows.length} questions)`);
}

main();
