// Reads the import graph of server/ (static, re-export and dynamic imports) and fails on any cycle
// between folders, on a core folder importing an app (server/apps/*), and on an import against the layers;
// also that the UI components and the W1 benchmark app name no app.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const SERVER = path.resolve(__dirname);
/** The composition root: the one module that may name the shipped app. */
const COMPOSITION_ROOT = "boot.ts";
/** Layer → folders it must never import (the direction is app → supervisor → orchestrator → tools). */
const CORE = ["supervisor", "orchestrator", "models", "memory", "teams", "tools", "events", "flags", "trpc", "auth", "db", "state"];
const FORBIDDEN: Record<string, string[]> = {
  /** The retry engine and the shared vocabulary sit below everything. */
  retry: CORE,
  state: CORE.filter((f) => f !== "state"),
  tools: ["supervisor", "orchestrator", "models", "memory", "teams", "events", "trpc"],
  teams: ["supervisor", "orchestrator", "models", "memory", "events", "trpc"],
  memory: ["supervisor", "orchestrator", "models", "teams", "tools", "events", "trpc"],
  orchestrator: ["supervisor", "models", "events", "trpc", "db"],
  models: ["supervisor", "events", "trpc", "db"],
  events: ["supervisor", "orchestrator", "models", "memory", "trpc"],
  flags: ["supervisor", "orchestrator", "models", "memory", "trpc"],
  db: ["supervisor", "orchestrator", "models", "memory", "teams", "tools", "events", "flags", "trpc", "auth"],
  /** Logs, metrics and spans sit under everything that reports: they read the run vocabulary (state) only. */
  telemetry: CORE.filter((f) => f !== "state"),
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) return sourceFiles(p);
    // Tests and their fixtures may reach across layers; the shipped code may not.
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$|test-fixtures\.ts$|\.fixture\.ts$/.test(name) ? [p] : [];
  });
}

function resolveImport(from: string, spec: string): string | null {
  let base: string;
  if (spec.startsWith(".")) base = path.resolve(path.dirname(from), spec);
  else if (spec.startsWith("@/")) base = path.resolve(SERVER, "..", spec.slice(2));
  else return null;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts")]) {
    try {
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      /* try the next spelling */
    }
  }
  return null;
}

/** A folder under server/ (apps/<name> for an app), or a top-level file by its own name. */
function nodeOf(file: string): string | null {
  const rel = path.relative(SERVER, file).split(path.sep);
  if (rel[0] === "..") return null;
  if (rel.length === 1) return rel[0];
  return rel[0] === "apps" ? `apps/${rel[1]}` : rel[0];
}

interface Edge { from: string; to: string; file: string; spec: string }

function importEdges(): Edge[] {
  const edges: Edge[] = [];
  for (const file of sourceFiles(SERVER)) {
    const info = ts.preProcessFile(readFileSync(file, "utf8"), true, true);
    for (const { fileName: spec } of info.importedFiles) {
      const target = resolveImport(file, spec);
      const from = nodeOf(file);
      const to = target && nodeOf(target);
      if (from && to && from !== to) edges.push({ from, to, file: path.relative(SERVER, file), spec });
    }
  }
  return edges;
}

/** Strongly connected components with more than one node (Tarjan). */
function cycles(edges: Edge[]): string[][] {
  const out = new Map<string, Set<string>>();
  for (const e of edges) (out.get(e.from) ?? out.set(e.from, new Set()).get(e.from)!).add(e.to);
  const nodes = [...new Set(edges.flatMap((e) => [e.from, e.to]))];
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  let next = 0;
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of out.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const scc: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        scc.push(w);
      } while (w !== v);
      if (scc.length > 1) found.push(scc.sort());
    }
  };
  for (const v of nodes) if (!index.has(v)) visit(v);
  return found;
}

const edges = importEdges();

/** Files under `dir` (relative to the repo) that are not tests. */
function shippedFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) return shippedFiles(p);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [p] : [];
  });
}

function importsOf(file: string): string[] {
  return ts.preProcessFile(readFileSync(file, "utf8"), true, true).importedFiles
    .map(({ fileName }) => resolveImport(file, fileName)).filter((t): t is string => t !== null);
}

/** Every repo file `start` reaches through imports (types included). */
function reachableFrom(start: string): Set<string> {
  const seen = new Set([start]);
  const queue = [start];
  for (let f = queue.pop(); f; f = queue.pop()) {
    for (const t of importsOf(f)) {
      if (seen.has(t)) continue;
      seen.add(t);
      queue.push(t);
    }
  }
  return seen;
}

const REPO = path.resolve(SERVER, "..");
const APPS = path.join(SERVER, "apps") + path.sep;
const describeEdge = (e: Edge) => `${e.file} imports ${e.spec}`;

describe("server/ import graph", () => {
  it("is read from the real files", () => {
    expect(edges.some((e) => e.from === "supervisor" && e.to === "orchestrator")).toBe(true);
    expect(edges.some((e) => e.from === "apps/housing" && e.to === "tools")).toBe(true);
  });

  it("has no cycle between folders", () => {
    const found = cycles(edges).map((scc) => ({
      folders: scc,
      edges: edges.filter((e) => scc.includes(e.from) && scc.includes(e.to)).map(describeEdge),
    }));
    expect(found).toEqual([]);
  });

  it("keeps the core free of apps: only the composition root names one", () => {
    const bad = edges.filter((e) => e.to.startsWith("apps/") && !e.from.startsWith("apps/") && e.from !== COMPOSITION_ROOT);
    expect(bad.map(describeEdge)).toEqual([]);
  });

  it("never imports against the layers", () => {
    const bad = edges.filter((e) => FORBIDDEN[e.from]?.includes(e.to));
    expect(bad.map(describeEdge)).toEqual([]);
  });

  it("keeps the UI components free of apps: only the tRPC client names the composed router's type", () => {
    const bad = shippedFiles(path.join(REPO, "components"))
      .filter((f) => path.relative(REPO, f) !== path.join("components", "trpc.tsx"))
      .flatMap((f) => importsOf(f).filter((t) => t.startsWith(APPS)).map((t) => `${path.relative(REPO, f)} imports ${path.relative(REPO, t)}`));
    expect(bad).toEqual([]);
  });

  it("keeps the run UI (chat, admin) free of an app's own components: it renders the app's slots", () => {
    const appComponents = path.join(REPO, "components", "housing") + path.sep;
    const bad = ["chat", "admin"].flatMap((dir) => shippedFiles(path.join(REPO, "components", dir)))
      .flatMap((f) => importsOf(f).filter((t) => t.startsWith(appComponents)).map((t) => `${path.relative(REPO, f)} imports ${path.relative(REPO, t)}`));
    expect(bad).toEqual([]);
  });

  it("builds the W1 benchmark app from the runtime alone: it reaches no housing module", () => {
    const reached = [...reachableFrom(path.join(REPO, "scripts", "bench", "w1-app.ts"))];
    expect(reached.some((f) => f.endsWith(path.join("orchestrator", "rules-orchestrator.ts")))).toBe(true);
    expect(reached.filter((f) => f.startsWith(APPS)).map((f) => path.relative(REPO, f))).toEqual([]);
  });

  it("finds a cycle when there is one", () => {
    const synthetic: Edge[] = [
      { from: "a", to: "b", file: "a/x.ts", spec: "../b/y" },
      { from: "b", to: "c", file: "b/y.ts", spec: "../c/z" },
      { from: "c", to: "a", file: "c/z.ts", spec: "../a/x" },
      { from: "c", to: "d", file: "c/z.ts", spec: "../d/w" },
    ];
    expect(cycles(synthetic)).toEqual([["a", "b", "c"]]);
  });
});
