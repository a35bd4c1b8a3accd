// How the command-line scripts start and end: run only when the file is the entry point (tests import
// their functions), exit with main's code, or with 1 and the error on stderr, after the database pool and
// any embedded cluster this process started are shut down, so no process outlives its command.
import { pathToFileURL } from "node:url";
import { shutdownDatabase } from "../server/db/client";

/** True when `moduleUrl` (import.meta.url) is the file node was started with. */
export function isEntryPoint(moduleUrl: string): boolean {
  return !!process.argv[1] && moduleUrl === pathToFileURL(process.argv[1]).href;
}

export function runCli(main: () => Promise<number>, { stack = false }: { stack?: boolean } = {}): void {
  main()
    .then(async (code) => {
      await shutdownDatabase();
      process.exit(code);
    })
    .catch(async (e: unknown) => {
      process.stderr.write(`${e instanceof Error ? (stack ? e.stack ?? e.message : e.message) : String(e)}\n`);
      await shutdownDatabase();
      process.exit(1);
    });
}
