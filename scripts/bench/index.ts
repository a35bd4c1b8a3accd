// `npm run bench -- [--json] [--quick] [--only REGEX] [--app-dir DIR] [--load-c 100,200]`: the benchmark
// scenarios, one JSON line each. `load` needs `npm run build` first (in --app-dir, default this checkout).
// Uses DATABASE_URL when set (to share a server with a peer engine), else a fresh embedded cluster.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { connect, type Database } from "../../server/db/client";
import { startEmbeddedCluster } from "../../server/db/embedded";
import { applyMigrations } from "../../server/db/migrate";
import { seedAll } from "../../server/boot";
import { presenceSettled } from "../../server/events/remote-notify";
import { runW1, type W1Scenario } from "./w1";
import { runLearningFlaky, runStrategyCache } from "./learning";
import { runMemoryLoad } from "./memory-load";
import { runHistoryList } from "./history-list";
import { runLoad } from "./load";
import { runTools } from "./tools";
import { runMemoryBound } from "./memory-bound";
import { runRetention } from "./retention";
import { runLegalSearch } from "./legal-search";
import { logToStderr } from "../../server/telemetry/log";

interface Args {
  json: boolean;
  quick: boolean;
  only: RegExp | null;
  appDir: string;
  loadConcurrency: number[];
}

function parseArgs(argv: string[]): Args {
  const value = (flag: string) => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const quick = argv.includes("--quick");
  const only = value("--only");
  return {
    json: argv.includes("--json"), quick, only: only ? new RegExp(only) : null,
    appDir: value("--app-dir") ?? ".",
    loadConcurrency: (value("--load-c") ?? (quick ? "20" : "200")).split(",").map(Number),
  };
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
    // As a server does in its first second after boot: learn whether another instance listens for run events
    // (events/presence.ts). Until it knows, every commit is announced; a timed run should not be that second's.
    if (!(await presenceSettled(database.sql))) log("[bench] presence of other instances not settled after 5 s: commits are announced");

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
    if (want("legal-search")) {
      log("[bench] legal-search…");
      emit(await runLegalSearch(database, { rounds: args.quick ? 3 : 20 }));
    }
    if (want("strategy-cache")) {
      log("[bench] strategy-cache…");
      emit(await runStrategyCache(database, { runs: args.quick ? 15 : 100 }));
    }
    if (want("memory-bound")) {
      log("[bench] memory-bound…");
      emit(await runMemoryBound(database, args.quick ? { early: 20, late: 200, concurrency: 4 } : { early: 200, late: 2000, concurrency: 4 }));
    }
    if (want("retention") && !dir) log("[bench] retention skipped: it prunes the whole database, so it runs only on the bench's own cluster");
    else if (want("retention")) {
      log("[bench] retention…");
      emit(await runRetention(database, { runs: args.quick ? 100 : 1000, concurrency: 4 }));
    }
    if (want("tools") && !dir) log("[bench] tools skipped: it grows transactions, so it runs only on the bench's own cluster (unset DATABASE_URL)");
    else if (want("tools")) {
      // Last among the in-process scenarios: it grows this throwaway cluster's transactions to 500k.
      log("[bench] tools…");
      emit(await runTools(database, { calls: args.quick ? 10 : 40, grownTo: args.quick ? 100_000 : 500_000 }));
    }
    for (const concurrency of args.loadConcurrency) {
      if (!want(`load:c${concurrency}`)) continue;
      log(`[bench] load c${concurrency} (app in ${args.appDir})…`);
      emit(await runLoad({
        appDir: args.appDir, concurrency, chats: concurrency * (args.quick ? 2 : 3), maxSeconds: args.quick ? 60 : 300,
        chatTimeoutMs: 120_000, warmup: args.quick ? 4 : 20, unixSocket: process.env.ENSEMBLE_LOAD_UNIX === "1",
      }));
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
