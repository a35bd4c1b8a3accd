// The prompt loader: front matter, declared variables, rendering, and the shipped prompt files.
import { describe, expect, it } from "vitest";
import { loadPrompt, parsePrompt, PromptError, renderPrompt } from "./prompts";

const file = "---\nname: demo\nversion: 3\nvariables: query, items\n---\nQ: {{query}}\nItems: {{ items }}\n";

describe("prompt templates", () => {
  it("parses front matter and renders every variable, with the name marker first", () => {
    const t = parsePrompt(file, "demo.md");
    expect(t).toMatchObject({ name: "demo", version: "3", variables: ["query", "items"] });
    const r = renderPrompt(t, { query: "hi {{items}}", items: "a, b" });
    expect(r.text).toBe("[prompt:demo@3]\nQ: hi {{items}}\nItems: a, b\n"); // values are not re-expanded
    expect(r).toMatchObject({ name: "demo", version: "3" });
  });

  it("refuses a missing or unknown variable", () => {
    const t = parsePrompt(file, "demo.md");
    expect(() => renderPrompt(t, { query: "x" })).toThrow(/missing variables: items/);
    expect(() => renderPrompt(t, { query: "x", items: "y", extra: "z" })).toThrow(/unknown variables: extra/);
  });

  it("refuses templates whose placeholders and declared variables disagree", () => {
    expect(() => parsePrompt("---\nname: a\nversion: 1\nvariables: x\n---\n{{x}} {{y}}", "a.md")).toThrow(/not declared in variables: y/);
    expect(() => parsePrompt("---\nname: a\nversion: 1\nvariables: x, z\n---\n{{x}}", "a.md")).toThrow(/never used: z/);
    expect(() => parsePrompt("no front matter", "a.md")).toThrow(PromptError);
    expect(() => parsePrompt("---\nname: a\n---\nbody", "a.md")).toThrow(/version/);
  });

  it.each(["plan", "orchestrate", "respond"])("ships prompts/%s.md, valid and versioned", (name) => {
    const t = loadPrompt(name);
    expect(t.name).toBe(name);
    expect(t.version).toMatch(/^\d+$/);
    expect(t.variables.length).toBeGreaterThan(0);
    expect(t.body).toMatch(/JSON/);
  });
});
