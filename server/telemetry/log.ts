// The process logger: JSON lines through pino (one object per event, with a request id, run id, session
// id and user hash where there are ones). LOG_LEVEL sets the level; development prints through pino-pretty.
import "server-only";
import { createRequire } from "node:module";
import pino, { type DestinationStream, type Logger } from "pino";

const g = globalThis as unknown as { __ensembleLog?: Logger; __ensembleLogSink?: { fd: 1 | 2 } };
const sink = (g.__ensembleLogSink ??= { fd: 1 });

/**
 * CLIs that print their results on stdout (ask, eval, bench, the worker) call this first: log lines
 * then go to stderr, and `--json` output stays one clean document.
 */
export function logToStderr(): void {
  sink.fd = 2;
}

/** stdout (the server's log stream) or stderr (CLIs), chosen at each write. */
const stdStream: DestinationStream = { write: (line: string) => void (sink.fd === 2 ? process.stderr : process.stdout).write(line) };

/**
 * pino-pretty (a dev dependency) in development, unless LOG_PRETTY=0; JSON lines to stdout otherwise.
 * Loaded synchronously as a stream, not as a worker transport, so it also works inside Next's bundles.
 */
function prettyStream(): DestinationStream | undefined {
  if (process.env.NODE_ENV !== "development" || process.env.LOG_PRETTY === "0") return undefined;
  try {
    const pretty = createRequire(import.meta.url)("pino-pretty") as (o: Record<string, unknown>) => DestinationStream;
    return pretty({ colorize: true, translateTime: "SYS:HH:MM:ss.l", ignore: "pid,hostname,service" });
  } catch {
    return undefined; // installed without dev dependencies: plain JSON
  }
}

/** One logger per process: Next bundles routes separately, and each bundle would otherwise make its own. */
export const log: Logger = (g.__ensembleLog ??= pino(
  {
    level: process.env.LOG_LEVEL ?? "info",
    base: { service: "ensemble" },
    // Cookies and credentials never reach a log line, whatever a caller passes in.
    redact: { paths: ["req.headers.cookie", "req.headers.authorization", "headers.cookie", "headers.authorization", "password"], censor: "[redacted]" },
  },
  prettyStream() ?? stdStream,
));

/**
 * Logs a 5xx once: the request id, the route, the kind of failure and the original error with its stack.
 * A 503 (the database is away) is a warning: it is expected during start-up and outages.
 */
export function logServerError(e: { code: string; status: number; cause?: unknown }, where: { requestId: string; route: string; method?: string }): void {
  const original = e.cause ?? e;
  log[e.status === 503 ? "warn" : "error"](
    { requestId: where.requestId, route: where.route, method: where.method, code: e.code, status: e.status, err: original instanceof Error ? original : new Error(String(original)) },
    `${where.route}: ${e.code}`,
  );
}
