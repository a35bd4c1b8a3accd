// Starts the embedded PostgreSQL cluster on its own and prints its URL, so a benchmark and a peer
// engine can share one server: `npx tsx --conditions=react-server scripts/db-server.ts .data-bench` then DATABASE_URL=… / PG_URL=….
import { startEmbeddedCluster } from "../server/db/embedded";

const dir = process.argv[2] ?? process.env.ENSEMBLE_DATA_DIR ?? ".data-bench";
const cluster = await startEmbeddedCluster(dir);
process.stdout.write(`${cluster.url}\n`);
const stop = () => void cluster.stop().finally(() => process.exit(0));
process.once("SIGINT", stop);
process.once("SIGTERM", stop);
setInterval(() => {}, 1 << 30);
