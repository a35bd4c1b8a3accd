// Start the database, seed and resume sweeper right away rather than on the first request, and
// stop the embedded cluster with the server.
import { ensureReady } from "./server/boot";
import { shutdownDatabase } from "./server/db/client";

ensureReady().catch((e) => console.error("[ensemble] start-up failed:", e));

let stopping = false;
function stop(signal: NodeJS.Signals): void {
  if (stopping) return;
  stopping = true;
  void shutdownDatabase().finally(() => process.exit(signal === "SIGINT" ? 130 : 143));
}
process.once("SIGTERM", stop);
process.once("SIGINT", stop);
