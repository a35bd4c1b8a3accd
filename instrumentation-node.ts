// Start the database, seed and resume sweeper right away rather than on the first request, stop the
// embedded cluster with the server, and stamp each request with its socket's address (client-address.ts).
import { ensureReady } from "./server/boot";
import { shutdownDatabase } from "./server/db/client";
import { installServerHook } from "./server/http/server-hook";
import { log } from "./server/telemetry/log";

installServerHook();
ensureReady().catch((e: unknown) => log.error({ err: e }, "start-up failed; /api/health answers 503 and the next request tries again"));

let stopping = false;
function stop(signal: NodeJS.Signals): void {
  if (stopping) return;
  stopping = true;
  void shutdownDatabase().finally(() => process.exit(signal === "SIGINT" ? 130 : 143));
}
process.once("SIGTERM", stop);
process.once("SIGINT", stop);
