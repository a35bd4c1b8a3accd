// The search team: fetches the facts every other team builds on — law articles, market statistics,
// listings and loan products — with arguments taken from the plan's entities and the question text.
import type { Entities, ExecutionStep, Intent, PlanningState } from "../types";
import type { ToolRequest } from "../../../tools/types";
import type { TeamDefinition } from "../../../teams/types";
import { coreTool, planned, request, summarizeStep } from "./common";

const TEAM = "search";
const TOOLS = ["legal_search", "market_data", "real_estate_search", "loan_search"];

const CORE_BY_INTENT: Partial<Record<Intent, string[]>> = {
  LEGAL_CONSULT: ["legal_search"],
  CONTRACT_CREATION: ["legal_search"],
  CONTRACT_REVIEW: ["legal_search"],
  MARKET_INQUIRY: ["market_data", "real_estate_search"],
  RISK_ANALYSIS: ["market_data"],
  LOAN_CONSULT: ["loan_search"],
  COMPREHENSIVE: ["market_data", "legal_search", "loan_search"],
};

/** ±10% around the stated area: close enough to compare, wide enough to find deals (broadened if empty). */
function areaRange(e: Entities): { areaM2Min?: number; areaM2Max?: number } {
  if (e.areaM2 === undefined) return {};
  return { areaM2Min: Math.round(e.areaM2 * 0.9 * 10) / 10, areaM2Max: Math.round(e.areaM2 * 1.1 * 10) / 10 };
}

function leaseType(e: Entities): "sale" | "jeonse" | "monthly" | undefined {
  return e.transactionType ?? e.contractType;
}

function argsFor(tool: string, planning: PlanningState, query: string): Record<string, unknown> {
  const e = planning.entities;
  switch (tool) {
    case "legal_search":
      return { query: query.slice(0, 500) };
    case "market_data":
      // The jeonse ratio needs sale and jeonse statistics side by side: ask for every type then.
      return {
        region: e.region, propertyType: e.propertyType, ...areaRange(e),
        transactionType: planned(planning, "market_analysis") ? undefined : leaseType(e),
      };
    case "real_estate_search": {
      const type = leaseType(e);
      const budget = type === "sale" ? e.price : e.deposit ?? e.price;
      return { region: e.region, propertyType: e.propertyType, transactionType: type, priceMax: budget, monthlyRentMax: e.monthlyRent, ...areaRange(e) };
    }
    case "loan_search": {
      const type = leaseType(e);
      const p = e.buyerProfile;
      return {
        loanType: type === "jeonse" ? "jeonse" : type === "monthly" ? "monthly_rent" : type === "sale" ? "purchase" : undefined,
        annualIncome: e.annualIncome, price: e.price, deposit: e.deposit,
        buyerProfile: p ? { firstHome: p.firstHome, newlywed: p.newlywed, youth: p.youth, age: p.age, homeless: p.homeless, children: p.children } : undefined,
      };
    }
    default:
      return {};
  }
}

function proposeTools(step: ExecutionStep, planning: PlanningState, query: string): ToolRequest[] {
  const core = coreTool(step, CORE_BY_INTENT[planning.intent] ?? TOOLS);
  return step.tools.filter((t) => TOOLS.includes(t)).map((tool) => request(tool, argsFor(tool, planning, query), TEAM, step, core));
}

export const searchTeam: TeamDefinition = {
  name: TEAM,
  title: { ko: "검색팀", en: "Search team" },
  tools: TOOLS,
  proposeTools,
  summarize: (step, outputs, missing) => summarizeStep(TEAM, step, outputs, missing),
};
