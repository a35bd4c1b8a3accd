// `npm run ask -- [--json] [--user ID] "question"`: one chat turn without the web server; prints
// the answer, or with --json the run summary. Uses the same database as the app.
import { eq } from "drizzle-orm";
import { ensureReady } from "../server/boot";
import { users } from "../server/db/schema";
import { runTurn } from "../server/supervisor/service";
import { logToStderr } from "../server/telemetry/log";
import { runCli } from "./cli";

function usage(message: string): never {
  process.stderr.write(`${message}\nusage: npm run ask -- [--json] [--user USER_ID] "question"\n`);
  process.exit(2);
}

function parse(argv: string[]): { json: boolean; user: string | null; question: string } {
  let json = false;
  let user: string | null = null;
  const words: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--json") json = true;
    else if (argv[i] === "--user") {
      user = argv[++i] ?? usage("--user needs a user id");
      if (!/^[0-9a-f-]{36}$/i.test(user)) usage(`--user: "${user}" is not a user id (UUID)`);
    } else words.push(argv[i]);
  }
  const question = words.join(" ").trim();
  if (!question) usage("no question given");
  return { json, user, question };
}

async function main(): Promise<number> {
  logToStderr();
  const args = parse(process.argv.slice(2));
  process.env.ENSEMBLE_RESUME ??= "0"; // a one-shot CLI must not adopt the server's runs
  const database = await ensureReady();
  let userId = args.user;
  if (userId) {
    // The id names a user across runs (memory is per user): create it on first use.
    await database.db.insert(users).values({ id: userId }).onConflictDoNothing();
  } else {
    [{ id: userId }] = await database.db.insert(users).values({}).returning({ id: users.id });
  }
  const [exists] = await database.db.select({ id: users.id }).from(users).where(eq(users.id, userId));
  if (!exists) usage(`unknown user ${userId}`);
  const summary = await runTurn(database, { userId, message: args.question });
  if (args.json) process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
  else process.stdout.write(`${summary.status === "failed" ? `error: ${summary.error}` : summary.answer}\n`);
  return summary.status === "completed" ? 0 : 1;
}

runCli(main);
