// `npm run bench -- [--json] [--quick] [--only REGEX]`: the benchmark scenarios, one JSON line each.
// Uses DATABASE_URL when set (to share a server with a peer engine), else a fresh embedded cluster.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { connect, type Database } from "../../server/db/client";
import { startEmbeddedCluster } from "../../server/db/embedded";
import { applyMigrations } from "../../server/db/migrate";
import { seedAll } from "../../server/db/seed";
import { runW1, type W1Scenario } from "./w1";
import { runLearningFlaky, runStrategyCache } from "./learning";
import { runMemoryLoad } from "./memory-load";
import { runHistoryList } from "./history-list";
import { logToStderr } from "../../server/telemetry/log";

interface Args {
  json: boolean;
  quick: boolean;
  only: RegExp | null;
}

function parseArgs(argv: string[]): Args {
  const i = argv.indexOf("--only");
  return { json: argv.includes("--json"), quick: argv.includes("--quick"), only: i >= 0 ? new RegExp(argv[i + 1]) : null };
}

async function main(): Promise<void> {
  logToStderr();
  const args = parseArgs(process.argv.slice(2));
  const version = (JSON.parse(readFileSync("package.json", "utf8")) as { version: string }).version;
  process.env.ENSEMBLE_RESUME = "0";
  let url = process.env.DATABASE_URL;
  let stop: (() => Promise<void>) | undefined;
  let dir: string | undefined;
  if (!url) {
    dir = mkdtempSync(path.join(tmpdir(), "ensemble-bench-"));
    const cluster = await startEmbeddedCluster(dir, { log: () => {} });
    url = cluster.url;
    stop = cluster.stop;
  }
  process.env.DATABASE_URL = url;
  const log = (m: string) => process.stderr.write(`${m}\n`);
  let database: Database | undefined;
  try {
    await applyMigrations(url);
    database = connect(url, 20);
    log("[bench] seeding…");
    await seedAll(database.db);
    const [{ version: pgVersion }] = await database.sql<{ version: string }[]>`select current_setting('server_version') as version`;
    const [{ fsync }] = await database.sql<{ fsync: string }[]>`select current_setting('fsync') as fsync`;
    log(`[bench] PostgreSQL ${pgVersion}, fsync=${fsync}`);
    const runs = args.quick ? 20 : 300;
    const warmup = args.quick ? 3 : 30;
    const emit = (line: Record<string, unknown>) => {
      process.stdout.write(`${JSON.stringify({ ...line, postgres: pgVersion, fsync })}\n`);
    };
    const want = (name: string) => !args.only || args.only.test(name);

    for (const scenario of ["W1", "W1-legacy", "W1-lat", "W1-faults"] as W1Scenario[]) {
      for (const concurrency of [1, 16]) {
        if (!want(`${scenario}:c${concurrency}`)) continue;
        log(`[bench] ${scenario} c${concurrency}…`);
        emit(await runW1(database, scenario, { concurrency, runs, warmup, version }));
      }
    }
    if (want("learning-flaky")) {
      for (const learning of ["on", "off"] as const) {
        log(`[bench] learning-flaky learning=${learning}…`);
        emit(await runLearningFlaky(database, { learning, runs: args.quick ? 30 : 60 }));
      }
    }
    if (want("memory-load")) {
      log("[bench] memory-load…");
      const n = args.quick ? { patterns: 10_000, users: 100, samples: 50 } : { patterns: 100_000, users: 1000, samples: 200 };
      emit({ ...(await runMemoryLoad(database.db, n)) });
    }
    if (want("history-list")) {
      log("[bench] history-list…");
      emit(await runHistoryList(database, args.quick ? { runs: 10_000, queries: 20 } : { runs: 100_000, queries: 60 }));
    }
    if (want("strategy-cache")) {
      log("[bench] strategy-cache…");
      emit(await runStrategyCache(database, { runs: args.quick ? 15 : 100 }));
    }
  } finally {
    await database?.close();
    await stop?.();
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}

main().then(() => process.exit(0), (e) => {
  console.error(e);
  process.exit(1);
});
