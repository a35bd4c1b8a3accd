// contract_analysis: flags risky clauses in pasted lease-contract text with the pattern table
// contract_risk_rules (severity, ko/en explanation, law article). findContractRisks is reused by document_review.
import { z } from "zod";
import { asc } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { contractRiskRules } from "../schema/domain-rules";
import type { ToolDefinition } from "../../../tools/types";

export const SEVERITIES = ["high", "medium", "low"] as const;
export type Severity = (typeof SEVERITIES)[number];

export type ContractRiskRule = typeof contractRiskRules.$inferSelect;

export const contractFindingSchema = z.object({
  code: z.string(),
  severity: z.enum(SEVERITIES),
  titleKo: z.string(),
  titleEn: z.string(),
  explanationKo: z.string(),
  explanationEn: z.string(),
  recommendationKo: z.string(),
  recommendationEn: z.string(),
  lawReference: z.string(),
  /** The matched words with a little context, as written in the contract. */
  excerpt: z.string(),
  /** Character offset of the match in the text. */
  index: z.number().int(),
});
export type ContractFinding = z.infer<typeof contractFindingSchema>;

export const contractAnalysisInputSchema = z.object({
  /** The contract text the user pasted (or a draft). */
  text: z.string().trim().min(10, "contract text is too short to analyse").max(100_000),
});
export type ContractAnalysisInput = z.infer<typeof contractAnalysisInputSchema>;

export const contractAnalysisOutputSchema = z.object({
  findings: z.array(contractFindingSchema),
  counts: z.object({ high: z.number().int(), medium: z.number().int(), low: z.number().int() }),
  /** high when any high finding, medium when any medium, low when any low, none otherwise. */
  overall: z.enum(["high", "medium", "low", "none"]),
  rulesChecked: z.number().int(),
  characters: z.number().int(),
  sources: z.array(z.string()),
});
export type ContractAnalysisOutput = z.infer<typeof contractAnalysisOutputSchema>;

export async function loadContractRiskRules(db: Db): Promise<ContractRiskRule[]> {
  const rules = await db.select().from(contractRiskRules).orderBy(asc(contractRiskRules.code));
  if (rules.length === 0) throw new Error("contract_risk_rules is empty: run the seed");
  return rules;
}

const SEVERITY_ORDER: Record<Severity, number> = { high: 0, medium: 1, low: 2 };

function excerptAround(text: string, index: number, length: number): string {
  const start = Math.max(0, index - 15);
  const end = Math.min(text.length, index + length + 15);
  return `${start > 0 ? "…" : ""}${text.slice(start, end).replace(/\s+/g, " ").trim()}${end < text.length ? "…" : ""}`;
}

/** One finding per rule that matches (its first match), most severe first. Pure: no database. */
export function findContractRisks(text: string, rules: ContractRiskRule[]): ContractFinding[] {
  const findings: ContractFinding[] = [];
  for (const rule of rules) {
    const match = new RegExp(rule.pattern, "iu").exec(text);
    if (!match) continue;
    findings.push({
      code: rule.code, severity: rule.severity as Severity,
      titleKo: rule.titleKo, titleEn: rule.titleEn, explanationKo: rule.explanationKo, explanationEn: rule.explanationEn,
      recommendationKo: rule.recommendationKo, recommendationEn: rule.recommendationEn, lawReference: rule.lawReference,
      excerpt: excerptAround(text, match.index, match[0].length), index: match.index,
    });
  }
  return findings.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || a.index - b.index);
}

export function summariseFindings(findings: ContractFinding[]): Pick<ContractAnalysisOutput, "counts" | "overall"> {
  const counts = { high: 0, medium: 0, low: 0 };
  for (const f of findings) counts[f.severity] += 1;
  const overall = counts.high > 0 ? "high" : counts.medium > 0 ? "medium" : counts.low > 0 ? "low" : "none";
  return { counts, overall };
}

export const contractAnalysisTool: ToolDefinition<ContractAnalysisInput, ContractAnalysisOutput, "contract_analysis"> = {
  name: "contract_analysis",
  description:
    "Flags risky clauses in lease-contract text (deposit return delay, excessive restoration, repair costs, " +
    "renewal-right waiver, residence-registration ban, mortgage consent, penalties, unclear fees…) with severity, " +
    "explanation and the related law article.",
  inputSchema: contractAnalysisInputSchema,
  outputSchema: contractAnalysisOutputSchema,
  readOnly: true,
  timeoutMs: 3_000,
  fallbacks: [],
  async run(input, ctx) {
    const rules = await loadContractRiskRules(ctx.db);
    const findings = findContractRisks(input.text, rules);
    return { findings, ...summariseFindings(findings), rulesChecked: rules.length, characters: input.text.length, sources: ["contract_risk_rules"] };
  },
};
