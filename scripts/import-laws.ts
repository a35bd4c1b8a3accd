// `npm run import:laws -- <dir>`: imports (or re-imports) a directory of statute text exports
// (format: data/laws/README.md); unchanged files are skipped by content hash, unplaced lines are listed.
import path from "node:path";
import { statSync } from "node:fs";
import { isEntryPoint, runCli } from "./cli";

async function main(): Promise<number> {
  const dir = process.argv.slice(2).find((a) => !a.startsWith("--"));
  if (!dir || !statSync(dir, { throwIfNoEntry: false })?.isDirectory()) {
    console.error("usage: npm run import:laws -- <directory of *.txt exports>");
    return 2;
  }
  const { getDatabase, shutdownDatabase } = await import("../server/db/client");
  const { importLaws } = await import("../server/apps/housing/laws/import");
  try {
    const { db } = await getDatabase();
    const started = performance.now();
    const report = await importLaws(db, path.resolve(dir));
    for (const [file, lines] of Object.entries(report.unplaced)) {
      for (const l of lines) console.error(`${file}:${l.line}: not placed: ${l.text}`);
    }
    console.log(JSON.stringify({
      imported: report.imported.length, unchanged: report.unchanged.length, delegations: report.delegations,
      unplacedLines: Object.values(report.unplaced).reduce((n, l) => n + l.length, 0), ms: Math.round(performance.now() - started),
    }));
    return 0;
  } finally {
    await shutdownDatabase();
  }
}

if (isEntryPoint(import.meta.url)) runCli(main);
