import { ensureReady } from "../server/boot";
import { runLeadEval } from "./eval/lead-eval";
import { LEAD_QUESTIONS } from "./eval/lead-questions";
import { HOLDOUT_QUESTIONS } from "./eval/lead-questions-holdout";
import { runCli } from "./cli";
runCli(async () => {
  const db = (await ensureReady()).db;
  for (const set of [LEAD_QUESTIONS, HOLDOUT_QUESTIONS]) {
    const { rows } = await runLeadEval(db, set);
    for (const r of rows.filter((x) => !x.pass)) console.log("FAIL", r.q, "|", r.answer.split("\n")[0].slice(0, 160));
  }
  return 0;
});
