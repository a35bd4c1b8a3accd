// The document team: drafts the lease contract from the user's details and the analysis/legal results,
// then reviews the draft (or the user's own contract text) for missing fields and risky clauses.
import type { Entities, ExecutionStep, PlanningState } from "../types";
import type { ToolRequest } from "../../../tools/types";
import type { TeamDefinition } from "../../../teams/types";
import { coreTool, planned, request, summarizeStep } from "./common";

const TEAM = "document";
const TOOLS = ["lease_contract_generator", "document_review"];

function contractArgs(e: Entities, planning: PlanningState): Record<string, unknown> {
  const type = e.contractType ?? e.transactionType;
  const dates = [...(e.dates ?? [])].sort();
  return {
    contractType: type === "jeonse" || type === "monthly" ? type : e.monthlyRent ? "monthly" : undefined,
    region: e.region, propertyType: e.propertyType, areaM2: e.areaM2, deposit: e.deposit, monthlyRent: e.monthlyRent,
    startDate: dates[0], endDate: dates[1], language: planning.language,
  };
}

function proposeTools(step: ExecutionStep, planning: PlanningState, query: string): ToolRequest[] {
  const core = coreTool(step, TOOLS);
  const requests: ToolRequest[] = [];
  const drafting = step.tools.includes("lease_contract_generator");
  if (drafting) {
    const inputs = Object.fromEntries(
      Object.entries({ analysis: "market_analysis", legal: "legal_search" }).filter(([, src]) => planned(planning, src)));
    requests.push(request("lease_contract_generator", contractArgs(planning.entities, planning), TEAM, step, core,
      Object.keys(inputs).length > 0 ? inputs : undefined));
  }
  if (step.tools.includes("document_review")) {
    if (drafting) requests.push(request("document_review", {}, TEAM, step, core, { draft: "lease_contract_generator" }));
    else requests.push(request("document_review", { text: planning.entities.contractText ?? query }, TEAM, step, core));
  }
  return requests;
}

export const documentTeam: TeamDefinition = {
  name: TEAM,
  title: { ko: "문서팀", en: "Document team" },
  tools: TOOLS,
  proposeTools,
  summarize: (step, outputs, missing) => summarizeStep(TEAM, step, outputs, missing),
};
