// `tsx scripts/bench/profile-top.ts FILE.cpuprofile [N]`: the top self-time frames and the share of
// samples per package/area of a V8 CPU profile (node --cpu-prof), to read where a run spends CPU.
import { readFileSync } from "node:fs";

interface Node { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }
interface Profile { nodes: Node[]; samples: number[]; timeDeltas: number[] }

/** Groups a frame's script into an area: a package name, a project folder, or a V8 bucket. */
function area(url: string, fn: string): string {
  if (!url) return `(${fn || "native"})`;
  const nm = url.lastIndexOf("node_modules/");
  if (nm >= 0) {
    const rest = url.slice(nm + 13).split("/");
    return rest[0].startsWith("@") ? `${rest[0]}/${rest[1]}` : rest[0];
  }
  if (url.startsWith("node:")) return url;
  const m = /\/(server|scripts|app)\/([^/]+)/.exec(url);
  return m ? `${m[1]}/${m[2]}` : url.replace(/^file:\/\//, "");
}

const [file, nArg] = process.argv.slice(2);
const prof = JSON.parse(readFileSync(file, "utf8")) as Profile;
const byId = new Map(prof.nodes.map((n) => [n.id, n]));
const self = new Map<number, number>();
prof.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (prof.timeDeltas[i] ?? 0)));
const total = [...self.values()].reduce((a, b) => a + b, 0);
const frames = new Map<string, number>();
const areas = new Map<string, number>();
for (const [id, us] of self) {
  const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
  const key = `${functionName || "(anon)"} ${url.replace(/^.*node_modules\//, "nm:").replace(/^file:\/\/.*?\/(server|scripts|app)\//, "$1/")}:${lineNumber + 1}`;
  frames.set(key, (frames.get(key) ?? 0) + us);
  const a = area(url, functionName);
  areas.set(a, (areas.get(a) ?? 0) + us);
}
const pct = (us: number) => `${((100 * us) / total).toFixed(1).padStart(5)}%`;
const top = (m: Map<string, number>, n: number) => [...m.entries()].sort((a, b) => b[1] - a[1]).slice(0, n);
console.log(`total sampled ${(total / 1000).toFixed(0)} ms, ${prof.samples.length} samples`);
console.log("-- self time by area");
for (const [k, us] of top(areas, 25)) console.log(`${pct(us)}  ${k}`);
console.log("-- top self frames");
for (const [k, us] of top(frames, Number(nArg ?? 30))) console.log(`${pct(us)}  ${k}`);
