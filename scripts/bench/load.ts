// load: the BUILT app (`next start`, after `npm run build`) on a throwaway cluster and a free loopback
// port, driven by N concurrent chats over HTTP+SSE. Count- and time-bounded, 127.0.0.1 only.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import postgres from "postgres";
import { freePort, startEmbeddedCluster } from "../../server/db/embedded";
import { percentile, pool, round } from "./stats";

/** Ten headline questions: Korean and English; market, legal, loan and compound. */
export const LOAD_QUESTIONS = [
  "마포구 아파트 전세 시세가 요즘 어느 정도예요?",
  "Are apartment prices in Gangnam going up or down lately?",
  "계약갱신청구권은 몇 번까지 쓸 수 있어요?",
  "My lease ends next month and the landlord says he can't return my deposit until a new tenant moves in. Is that allowed?",
  "신혼부부 전세자금대출 조건이 어떻게 되나요?",
  "How much would my monthly mortgage payment be on a 300 million won loan over 30 years?",
  "강남구 아파트 매매 시세 알려주고 전세 계약 갱신 관련 법도 알려줘, 대출도 가능한지",
  "전세 3억 2천에 들어가려는 빌라가 매매가 3억 4천이래요. 깡통전세 아닌가요?",
  "We're newlyweds with a combined income of 80 million won. How much can we borrow to buy a 700 million won apartment?",
  "What's the average jeonse price for an apartment in Mapo-gu, and can the landlord raise it more than 5% at renewal?",
];

export interface LoadOptions {
  /** The checkout whose `.next` build is started (default: this one). */
  appDir: string;
  concurrency: number;
  /** Chats in the measured phase (count bound). */
  chats: number;
  /** Stop issuing new chats after this long (time bound). */
  maxSeconds: number;
  /** One chat's own bound: a stream still open after this counts as an error. */
  chatTimeoutMs: number;
  warmup: number;
  /** The app talks to PostgreSQL over a Unix socket instead of loopback TCP. */
  unixSocket?: boolean;
}

interface ChatResult { ok: boolean; firstEventMs: number | null; completedMs: number | null; error?: string }

/** VmRSS in MB of a process and its descendants (next start may fork a worker). */
function treeRssMb(root: number): number {
  const kids = new Map<number, number[]>();
  for (const d of readdirSync("/proc")) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      kids.set(ppid, [...(kids.get(ppid) ?? []), Number(d)]);
    } catch { /* exited */ }
  }
  let kb = 0;
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop()!;
    try {
      const m = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
      kb += m ? Number(m[1]) : 0;
    } catch { /* exited */ }
    stack.push(...(kids.get(pid) ?? []));
  }
  return round(kb / 1024, 1);
}

/** CPU seconds used so far by a process, its live descendants and its reaped children (/proc stat ticks). */
function treeCpuSeconds(root: number): number {
  const stats = new Map<number, { ppid: number; ticks: number }>();
  for (const d of readdirSync("/proc")) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, "utf8");
      const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      // f[1] ppid; f[11..14] utime, stime, cutime, cstime
      stats.set(Number(d), { ppid: Number(f[1]), ticks: Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14]) });
    } catch { /* exited */ }
  }
  let ticks = 0;
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop()!;
    ticks += stats.get(pid)?.ticks ?? 0;
    for (const [child, s] of stats) if (s.ppid === pid) stack.push(child);
  }
  return ticks / 100; // USER_HZ
}

/** One chat: POST /api/chat and read the SSE stream to its terminal event. */
async function chat(base: string, message: string, timeoutMs: number): Promise<ChatResult> {
  const t0 = performance.now();
  let firstEventMs: number | null = null;
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    const res = await fetch(`${base}/api/chat`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ message }), signal });
    if (res.status !== 200 || !res.body) return { ok: false, firstEventMs, completedMs: null, error: `http ${res.status}` };
    const decoder = new TextDecoder();
    let buf = "";
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
      buf += decoder.decode(chunk, { stream: true });
      let cut: number;
      while ((cut = buf.indexOf("\n\n")) >= 0) {
        const frame = buf.slice(0, cut);
        buf = buf.slice(cut + 2);
        const type = /^event: (.+)$/m.exec(frame)?.[1];
        if (!type) continue; // retry: / keep-alive comments
        firstEventMs ??= performance.now() - t0;
        if (type === "run_completed") return { ok: true, firstEventMs, completedMs: performance.now() - t0 };
        if (type === "run_failed") {
          const data = /^data: (.+)$/m.exec(frame)?.[1] ?? "{}";
          const why = String((JSON.parse(data) as { error?: unknown }).error ?? "").slice(0, 80);
          return { ok: false, firstEventMs, completedMs: null, error: `run_failed: ${why}` };
        }
      }
    }
    return { ok: false, firstEventMs, completedMs: null, error: "stream ended early" };
  } catch (e) {
    return { ok: false, firstEventMs, completedMs: null, error: (e as Error).name === "TimeoutError" ? "timeout" : String((e as Error).message) };
  }
}

async function waitHealthy(base: string, child: ChildProcess, ms: number): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${base}/api/health`)).status === 200) return;
    } catch { /* not listening yet */ }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error("the app did not become healthy in time");
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || !child.pid) return;
  const exited = new Promise<void>((r) => child.once("exit", () => r()));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
  await exited;
  clearTimeout(timer);
}

export async function runLoad(opts: LoadOptions): Promise<Record<string, unknown>> {
  const nextBin = path.join(opts.appDir, "node_modules/next/dist/bin/next");
  if (!existsSync(path.join(opts.appDir, ".next/BUILD_ID"))) throw new Error(`no build in ${opts.appDir}: run \`npm run build\` there first`);
  const dir = mkdtempSync(path.join(tmpdir(), "ensemble-load-"));
  const cluster = await startEmbeddedCluster(dir, { log: () => {}, unixSocket: opts.unixSocket });
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  // Every chat comes from 127.0.0.1: the per-IP chat limit (60/min) would answer 429 to nearly all of them.
  const env: NodeJS.ProcessEnv = {
    ENSEMBLE_CHAT_LIMIT_IP: "0", ENSEMBLE_CHAT_LIMIT_USER: "0",
    ...process.env, DATABASE_URL: cluster.url, NODE_ENV: "production", PORT: String(port), ENSEMBLE_RESUME: "1",
  };
  if (cluster.socket) {
    // A host-less URL makes postgres.js take PGHOST: a directory there means the Unix socket. Same role as over TCP.
    const tcp = new URL(cluster.url);
    Object.assign(env, {
      DATABASE_URL: `postgres://${tcp.pathname}`, PGHOST: cluster.socket.dir, PGPORT: String(cluster.socket.port),
      PGUSER: decodeURIComponent(tcp.username), PGPASSWORD: decodeURIComponent(tcp.password),
    });
  }
  for (const k of ["OPENAI_API_KEY", "OPENAI_BASE_URL", "ENSEMBLE_FAULTS", "ENSEMBLE_TOOL_DELAY_MS"]) delete env[k];
  // `node …/next start` directly, so the PID we hold is the server's own (no npm/sh in between).
  // ENSEMBLE_LOAD_NODE_ARGS: extra node flags for the server, e.g. "--cpu-prof --cpu-prof-dir=/tmp/p".
  const nodeArgs = (process.env.ENSEMBLE_LOAD_NODE_ARGS ?? "").split(" ").filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, nextBin, "start", "-H", "127.0.0.1", "-p", String(port)], { cwd: opts.appDir, env, stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr!.on("data", (d: Buffer) => { stderr = (stderr + d.toString()).slice(-4000); });
  const probe = postgres(cluster.url, { max: 1, onnotice: () => {} });
  try {
    await waitHealthy(base, child, 120_000);
    const pid = child.pid!;
    await pool(opts.warmup, Math.min(4, opts.concurrency), async (i) => void (await chat(base, LOAD_QUESTIONS[i % 10], opts.chatTimeoutMs)));
    global.gc?.();
    const rssBefore = treeRssMb(pid);
    let rssPeak = rssBefore;
    let dbPeak = 0;
    const sampleDb = async () => {
      const [{ n }] = await probe<{ n: number }[]>`
        select count(*)::int as n from pg_stat_activity where backend_type = 'client backend' and pid <> pg_backend_pid()`;
      dbPeak = Math.max(dbPeak, n);
    };
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        rssPeak = Math.max(rssPeak, treeRssMb(pid));
        await sampleDb().catch(() => {});
        await new Promise((r) => setTimeout(r, 100));
      }
    })();

    const postmaster = Number(readFileSync(path.join(dir, "pg", "postmaster.pid"), "utf8").split("\n")[0]);
    // The client (this process) shares the machine's cores with the app and the database: its CPU is
    // part of what bounds throughput here, so it is reported beside theirs.
    const cpu0 = { app: treeCpuSeconds(pid), db: treeCpuSeconds(postmaster), client: process.cpuUsage() };
    // `opening`: one of the first `concurrency` chats, all sent at once; the others start as earlier ones end.
    const results: (ChatResult & { opening: boolean })[] = [];
    const deadline = Date.now() + opts.maxSeconds * 1000;
    const t0 = performance.now();
    await pool(opts.chats, opts.concurrency, async (i) => {
      if (Date.now() > deadline) return;
      results.push({ ...(await chat(base, LOAD_QUESTIONS[i % LOAD_QUESTIONS.length], opts.chatTimeoutMs)), opening: i < opts.concurrency });
    });
    const wall = (performance.now() - t0) / 1000;
    const clientUsage = process.cpuUsage(cpu0.client);
    const cpu = { app: treeCpuSeconds(pid) - cpu0.app, db: treeCpuSeconds(postmaster) - cpu0.db, client: (clientUsage.user + clientUsage.system) / 1e6 };
    sampling = false;
    await sampler;
    await new Promise((r) => setTimeout(r, 2000)); // let the server settle before the "after" reading
    const rssAfter = treeRssMb(pid);

    const ok = results.filter((r) => r.ok);
    const firstOf = (rs: ChatResult[]) => rs.flatMap((r) => (r.firstEventMs === null ? [] : [r.firstEventMs])).sort((a, b) => a - b);
    const first = firstOf(results);
    const [opening, later] = [firstOf(results.filter((r) => r.opening)), firstOf(results.filter((r) => !r.opening))];
    const done = ok.map((r) => r.completedMs!).sort((a, b) => a - b);
    const errors = new Map<string, number>();
    for (const r of results) if (!r.ok) errors.set(r.error!, (errors.get(r.error!) ?? 0) + 1);
    return {
      scenario: "load", app: path.resolve(opts.appDir), db_transport: opts.unixSocket ? "unix" : "tcp", concurrency: opts.concurrency, chats: results.length,
      completed: ok.length, errors: results.length - ok.length, error_kinds: Object.fromEntries(errors),
      runs_per_s: round(ok.length / wall, 1), wall_s: round(wall, 1),
      first_event_p50_ms: round(percentile(first, 50)), first_event_p95_ms: round(percentile(first, 95)),
      // The same, apart: the opening burst, and the chats started while others ran.
      first_event_p95_opening_ms: round(percentile(opening, 95)), first_event_p95_after_opening_ms: round(percentile(later, 95)),
      completed_p50_ms: round(percentile(done, 50)), completed_p95_ms: round(percentile(done, 95)),
      app_cpu_ms_per_chat: round((cpu.app * 1000) / results.length, 1), db_cpu_ms_per_chat: round((cpu.db * 1000) / results.length, 1),
      client_cpu_ms_per_chat: round((cpu.client * 1000) / results.length, 1),
      rss_before_mb: rssBefore, rss_peak_mb: rssPeak, rss_after_mb: rssAfter, db_connections_peak: dbPeak,
    };
  } catch (e) {
    throw new Error(`${(e as Error).message}\n--- next stderr (tail) ---\n${stderr}`);
  } finally {
    await probe.end({ timeout: 2 }).catch(() => {});
    await stopChild(child);
    await cluster.stop().catch(() => {});
    rmSync(dir, { recursive: true, force: true });
  }
}
