// Loads the versioned prompt templates in prompts/ (front matter: name, version, variables) and
// renders them with named {{variables}}, refusing a template or a call that leaves one unfilled.
import { readFileSync } from "node:fs";
import path from "node:path";

export interface PromptTemplate {
  name: string;
  version: string;
  variables: string[];
  body: string;
}

export interface RenderedPrompt {
  name: string;
  version: string;
  /** The prompt text; its first line is the marker `[prompt:<name>@<version>]`. */
  text: string;
}

export class PromptError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PromptError";
  }
}

const PLACEHOLDER = /\{\{\s*([a-zA-Z_][a-zA-Z0-9_]*)\s*\}\}/g;

export function promptsDir(): string {
  return process.env.ENSEMBLE_PROMPTS_DIR ?? path.join(process.cwd(), "prompts");
}

/** Parses a template file's text; `source` names it in errors. */
export function parsePrompt(text: string, source: string): PromptTemplate {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n([\s\S]*)$/.exec(text);
  if (!match) throw new PromptError(`${source}: missing front matter (--- name/version/variables ---)`);
  const meta: Record<string, string> = {};
  for (const line of match[1].split(/\r?\n/)) {
    if (!line.trim() || line.trim().startsWith("#")) continue;
    const kv = /^([a-z_]+):\s*(.*)$/.exec(line.trim());
    if (!kv) throw new PromptError(`${source}: bad front matter line "${line}"`);
    meta[kv[1]] = kv[2].trim();
  }
  const { name, version } = meta;
  if (!name || !/^[a-z][a-z0-9_-]*$/.test(name)) throw new PromptError(`${source}: front matter needs a name`);
  if (!version) throw new PromptError(`${source}: front matter needs a version`);
  const variables = (meta.variables ?? "").split(",").map((v) => v.trim()).filter(Boolean);
  const body = match[2];
  const used = new Set([...body.matchAll(PLACEHOLDER)].map((m) => m[1]));
  const undeclared = [...used].filter((v) => !variables.includes(v));
  const unused = variables.filter((v) => !used.has(v));
  if (undeclared.length) throw new PromptError(`${source}: placeholders not declared in variables: ${undeclared.join(", ")}`);
  if (unused.length) throw new PromptError(`${source}: declared variables never used: ${unused.join(", ")}`);
  return { name, version, variables, body };
}

const cache = new Map<string, PromptTemplate>();

/** Loads prompts/<name>.md (cached per process; the file's own name must match). */
export function loadPrompt(name: string, dir = promptsDir()): PromptTemplate {
  const file = path.join(dir, `${name}.md`);
  const cached = cache.get(file);
  if (cached) return cached;
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (err) {
    throw new PromptError(`prompt ${name}: cannot read ${file}: ${(err as Error).message}`);
  }
  const template = parsePrompt(text, file);
  if (template.name !== name) throw new PromptError(`${file}: front matter name is "${template.name}", expected "${name}"`);
  cache.set(file, template);
  return template;
}

/** Fills every placeholder; a missing or extra variable is an error, never an empty string. */
export function renderPrompt(template: PromptTemplate, values: Record<string, string>): RenderedPrompt {
  const missing = template.variables.filter((v) => typeof values[v] !== "string");
  if (missing.length) throw new PromptError(`prompt ${template.name}@${template.version}: missing variables: ${missing.join(", ")}`);
  const extra = Object.keys(values).filter((v) => !template.variables.includes(v));
  if (extra.length) throw new PromptError(`prompt ${template.name}@${template.version}: unknown variables: ${extra.join(", ")}`);
  // One pass over the template, so a value that itself contains "{{x}}" is never re-expanded.
  const body = template.body.replace(PLACEHOLDER, (_, v: string) => values[v]);
  return {
    name: template.name,
    version: template.version,
    text: `${promptMarker(template.name, template.version)}\n${body.trim()}\n`,
  };
}

export function promptMarker(name: string, version: string): string {
  return `[prompt:${name}@${version}]`;
}
