// Next calls register() once per server process. The Node-only start-up lives in its own module so
// the Edge compilation of this file never sees Node APIs.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === "nodejs") await import("./instrumentation-node");
}
