// `npx tsx --conditions=react-server scripts/eval/legal-evidence.ts [--split train|test] [--threshold 3] [--verbose]`: how evidence routing
// separates statute questions from the rest — the share of legal questions it would route, and of non-legal ones.
import { readFileSync } from "node:fs";
import { searchStatutes } from "../../server/apps/housing/laws/search";
import { statuteEvidence } from "../../server/apps/housing/laws/evidence";
import { EVIDENCE_THRESHOLD } from "../../server/apps/housing/laws/evidence-routing";
import { todayIso } from "../../server/apps/housing/laws/article";

interface Row { q: string; lang: string; split?: string; intent?: string; tools?: string[]; aspects?: string[] }

const arg = (name: string) => { const i = process.argv.indexOf(`--${name}`); return i >= 0 ? process.argv[i + 1] : undefined; };
const load = (file: string): Row[] => readFileSync(file, "utf8").trim().split("\n").map((l) => JSON.parse(l) as Row);

const { getDatabase, shutdownDatabase } = await import("../../server/db/client");
const { db } = await getDatabase();
try {
  const threshold = Number(arg("threshold") ?? EVIDENCE_THRESHOLD);
  const split = arg("split") ?? "train";
  const verbose = process.argv.includes("--verbose");
  const evidence = async (q: string) => statuteEvidence(await searchStatutes(db, { query: q, limit: 3, asOf: todayIso() }));
  /** Per language: [routed, total]. */
  const tally = async (rows: Row[], label: string) => {
    const out: Record<string, [number, number]> = {};
    for (const r of rows) {
      const e = await evidence(r.q);
      const t = (out[r.lang] ??= [0, 0]);
      t[1]++;
      if (e >= threshold) {
        t[0]++;
        if (verbose) console.error(`${label} ${e} ${r.intent ?? ""} ${r.q}`);
      }
    }
    return out;
  };
  // The understanding corpus's questions that need no statute (neither the legal aspect nor legal_search).
  const nonLegal = ["train", "dev", "test"].flatMap((s) => load(`data/eval/intent/${s}.jsonl`))
    .filter((r) => !r.tools?.includes("legal_search") && !r.aspects?.includes("legal"));
  const legal = load("data/eval/legal/questions.jsonl").filter((r) => r.split === split);
  console.log(JSON.stringify({ threshold, legalSplit: split, legalRouted: await tally(legal, "legal"), nonLegalRouted: await tally(nonLegal, "non-legal") }));
} finally {
  await shutdownDatabase();
}
