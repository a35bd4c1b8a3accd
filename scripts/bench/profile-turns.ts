// `tsx --conditions=react-server scripts/bench/profile-turns.ts [--runs N] [--out FILE] "question"…`: warm real housing turns
// (runTurn, rules deciders) under the V8 profiler, started after a warm-up so boot and seeding are
// left out; prints per-tool duration medians and writes a .cpuprofile for profile-top.ts.
import { writeFileSync } from "node:fs";
import { Session } from "node:inspector/promises";
import { ensureReady } from "../../server/boot";
import { shutdownDatabase } from "../../server/db/client";
import { users } from "../../server/db/schema";
import { runTurn } from "../../server/supervisor/service";
import { percentile, round } from "./stats";

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const take = (flag: string, dflt: string) => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv.splice(i, 2)[1] : dflt;
  };
  const runs = Number(take("--runs", "30"));
  const out = take("--out", "turns.cpuprofile");
  const questions = argv.length ? argv : ["강남구 아파트 매매 시세 알려주고 전세 계약 갱신 관련 법도 알려줘, 대출도 가능한지"];
  process.env.ENSEMBLE_RESUME = "0";
  const database = await ensureReady();
  const [{ id: userId }] = await database.db.insert(users).values({}).returning({ id: users.id });
  for (const q of questions) await runTurn(database, { userId, message: q });
  const session = new Session();
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.setSamplingInterval", { interval: 200 });
  await session.post("Profiler.start");
  const tools = new Map<string, number[]>();
  const turns: number[] = [];
  const cpu0 = process.cpuUsage();
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const s = await runTurn(database, { userId, message: questions[i % questions.length] });
    turns.push(performance.now() - t0);
    for (const c of s.toolCalls) tools.set(c.tool, [...(tools.get(c.tool) ?? []), c.durationMs ?? 0]);
  }
  const cpu = process.cpuUsage(cpu0);
  const { profile } = await session.post("Profiler.stop");
  writeFileSync(out, JSON.stringify(profile));
  const med = (xs: number[]) => round(percentile([...xs].sort((a, b) => a - b), 50));
  console.log(JSON.stringify({
    runs, turn_p50_ms: med(turns), node_cpu_ms_per_turn: round((cpu.user + cpu.system) / 1000 / runs),
    tool_p50_ms: Object.fromEntries([...tools].map(([k, v]) => [k, med(v)])),
  }));
  session.disconnect();
}

main().then(async () => {
  await shutdownDatabase();
  process.exit(0);
}, async (e) => {
  console.error(e);
  await shutdownDatabase();
  process.exit(1);
});
