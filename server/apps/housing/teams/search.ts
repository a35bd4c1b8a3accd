// The search team: fetches the facts every other team builds on — law articles, market statistics,
// listings and loan products — with arguments taken from the plan's entities and the question text.
import type { Entities, ExecutionStep, Intent, PlanningState } from "../types";
import type { ToolRequest } from "../../../tools/types";
import type { TeamDefinition } from "../../../teams/types";
import { coreTool, definedArgs, planned, request, summarizeStep } from "./common";
import { bankIn, calculationKindOf, complexNameIn, loanProgrammeIn, namedLoanPatterns, unplacedPrice, conversionDirectionOf, downPaymentIn, effectiveQuestionType } from "../rules/question-kind";
import { findRegions } from "../rules/regions";

const TEAM = "search";
const TOOLS = ["legal_search", "market_data", "real_estate_search", "loan_search", "glossary_lookup", "housing_calculator"];

const CORE_BY_INTENT: Partial<Record<Intent, string[]>> = {
  LEGAL_CONSULT: ["legal_search"],
  CONTRACT_CREATION: ["legal_search"],
  CONTRACT_REVIEW: ["legal_search"],
  MARKET_INQUIRY: ["market_data", "real_estate_search"],
  RISK_ANALYSIS: ["market_data"],
  LOAN_CONSULT: ["loan_search"],
  COMPREHENSIVE: ["market_data", "legal_search", "loan_search"],
};

/** Districts named besides the main one ("마포구랑 성동구 비교"), for a side-by-side; undefined when there are none. */
function otherDistricts(query: string, main: string | undefined): string[] | undefined {
  const others = [...new Set(findRegions(query).map((m) => m.district.ko))].filter((d) => d !== main).slice(0, 4);
  return others.length > 0 ? others : undefined;
}

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
        region: e.region, propertyType: e.propertyType, ...areaRange(e), complex: complexNameIn(query, e),
        compareRegions: otherDistricts(query, e.region),
        // A comparison ("전세랑 월세 중 어느 쪽이 나을까요?") needs every deal type side by side too.
        transactionType: planned(planning, "market_analysis") || effectiveQuestionType(planning, query) === "comparison" ? undefined : leaseType(e),
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
        annualIncome: e.annualIncome, deposit: e.deposit,
        // "디딤돌 금리는?" / "카카오뱅크 전세대출": the products the question names.
        query: loanProgrammeIn(query), bank: bankIn(query),
        // A comparison of two named programmes needs every product in view to find both.
        limit: namedLoanPatterns(query).length >= 2 ? 30 : undefined,
        price: e.price ?? unplacedPrice(e),
        buyerProfile: p ? { firstHome: p.firstHome, newlywed: p.newlywed, youth: p.youth, age: p.age, homeless: p.homeless, children: p.children } : undefined,
      };
    }
    default:
      return {};
  }
}

/**
 * Tools the answer's lead needs whatever the plan listed: a definition needs the glossary, a calculation the
 * calculator. Both read only the question and its entities, so they run on the search step every plan has.
 */
function leadTools(planning: PlanningState, query: string): { tool: string; args: Record<string, unknown> }[] {
  const type = effectiveQuestionType(planning, query);
  const e = planning.entities;
  const out: { tool: string; args: Record<string, unknown> }[] = [];
  if (type === "definition" || type === "comparison") out.push({ tool: "glossary_lookup", args: { query: query.slice(0, 500) } });
  const kind = type === "calculation" ? calculationKindOf(query) : null;
  if (kind) {
    const lease = e.transactionType ?? e.contractType;
    out.push({ tool: "housing_calculator", args: definedArgs({
      kind, price: e.price, deposit: e.deposit, monthlyRent: e.monthlyRent, downPayment: downPaymentIn(query),
      direction: kind === "conversion" ? conversionDirectionOf(query) : undefined,
      dealKind: kind === "brokerage_fee" && lease ? (lease === "sale" ? "sale" : "lease") : undefined,
    }) });
  }
  return out;
}

function proposeTools(step: ExecutionStep, planning: PlanningState, query: string): ToolRequest[] {
  const core = coreTool(step, CORE_BY_INTENT[planning.intent] ?? TOOLS);
  const fromPlan = step.tools.filter((t) => TOOLS.includes(t)).map((tool) => request(tool, argsFor(tool, planning, query), TEAM, step, core));
  const extra = leadTools(planning, query).filter((x) => !step.tools.includes(x.tool)).map((x) => request(x.tool, x.args, TEAM, step, undefined));
  return [...fromPlan, ...extra];
}

export const searchTeam: TeamDefinition = {
  name: TEAM,
  title: { ko: "검색팀", en: "Search team" },
  tools: TOOLS,
  proposeTools,
  summarize: (step, outputs, missing) => summarizeStep(TEAM, step, outputs, missing),
};
