import { readFileSync } from "node:fs";
import { ensureReady } from "../server/boot";
import { users } from "../server/db/schema";
import { runTurn } from "../server/supervisor/service";
import { logToStderr } from "../server/telemetry/log";
import { runCli } from "./cli";
runCli(async () => {
  logToStderr();
  process.env.ENSEMBLE_RESUME = "0";
  const database = await ensureReady();
  const [{ id }] = await database.db.insert(users).values({}).returning({ id: users.id });
  for (const q of readFileSync(process.argv[2], "utf8").split("\n").filter(Boolean)) {
    const s = await runTurn(database, { userId: id, message: q });
    console.log(`\n######## ${q}\n[${s.intent} ${s.status}]\n${(s.answer ?? s.error ?? "").split("\n").slice(0, 14).join("\n")}`);
  }
  return 0;
});
