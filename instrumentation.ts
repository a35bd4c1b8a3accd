// Next calls register() once per server process: start the database, seed and resume sweeper
// right away rather than on the first request.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { ensureReady } = await import("./server/boot");
  const { shutdownDatabase } = await import("./server/db/client");
  ensureReady().catch((e) => console.error("[ensemble] start-up failed:", e));
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    shutdownDatabase().finally(() => process.exit(signal === "SIGINT" ? 130 : 143));
  };
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}
