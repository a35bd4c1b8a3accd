// The analysis team: judges prices and jeonse risk, simulates loans, matches policy programmes, checks
// rent increases and contract clauses — always from the search team's results, never by searching itself.
import type { Entities, ExecutionStep, Intent, PlanningState } from "../types";
import type { ToolRequest } from "../../../tools/types";
import type { TeamDefinition } from "../../../teams/types";
import { coreTool, planned, request, summarizeStep } from "./common";
import { loanAmountIn, unplacedPrice } from "../rules/question-kind";

const TEAM = "analysis";
const TOOLS = ["market_analysis", "loan_simulator", "policy_matcher", "rent_increase_check", "contract_analysis"];

const CORE_BY_INTENT: Partial<Record<Intent, string[]>> = {
  LOAN_CONSULT: ["loan_simulator", "policy_matcher"],
  CONTRACT_REVIEW: ["contract_analysis"],
  LEGAL_CONSULT: ["rent_increase_check"],
  MARKET_INQUIRY: ["market_analysis"],
  RISK_ANALYSIS: ["market_analysis"],
};

export function buyerTypeOf(e: Entities): "first_home" | "newlywed" | "general" {
  if (e.buyerProfile?.firstHome) return "first_home";
  if (e.buyerProfile?.newlywed) return "newlywed";
  return "general";
}

function leaseType(e: Entities): "sale" | "jeonse" | "monthly" | undefined {
  return e.transactionType ?? (e.contractType === "sale" ? "sale" : e.contractType);
}

function argsFor(tool: string, e: Entities, query: string): Record<string, unknown> | null {
  switch (tool) {
    case "market_analysis":
      return { transactionType: leaseType(e), price: e.price, deposit: e.deposit, monthlyRent: e.monthlyRent };
    case "loan_simulator": {
      const type = leaseType(e);
      const purpose = type === "jeonse" || type === "monthly" ? "jeonse" : "purchase";
      const loanAmount = loanAmountIn(query, e);
      return { purpose, price: e.price ?? (purpose === "purchase" ? unplacedPrice(e, loanAmount) : undefined), deposit: e.deposit, annualIncome: e.annualIncome, region: e.region, buyerType: buyerTypeOf(e), age: e.buyerProfile?.age, loanAmount };
    }
    case "policy_matcher": {
      const p = e.buyerProfile ?? {};
      // Programmes for what the user is doing (buying, renting on jeonse or monthly); all when unknown.
      const type = leaseType(e);
      const purposes = type === "sale" ? ["purchase"] : type === "jeonse" ? ["jeonse", "guarantee"] : type === "monthly" ? ["monthly", "jeonse"] : undefined;
      return {
        annualIncome: e.annualIncome, age: p.age, newlywed: p.newlywed, children: p.children, firstHome: p.firstHome,
        homeless: p.homeless ?? (p.firstHome ? true : undefined), region: e.region, price: e.price, deposit: e.deposit,
        monthlyRent: e.monthlyRent, areaM2: e.areaM2, purposes,
      };
    }
    case "rent_increase_check":
      // Amounts give the full check; a bare percentage ("10% 올려 달래요") is checked against the cap alone.
      // With neither there is nothing to check an increase against.
      if (e.deposit || e.monthlyRent) {
        return { currentDeposit: e.deposit, currentMonthlyRent: e.monthlyRent, proposedDeposit: e.proposedDeposit, proposedMonthlyRent: e.proposedMonthlyRent };
      }
      if (e.increasePercent === undefined || e.increasePercent === null) return null;
      return { proposedIncreasePercent: e.increasePercent, ...(e.increaseAbove ? { proposedIncreaseAbove: true } : {}) };
    case "contract_analysis": {
      // The clause is often quoted inside the question itself; a bare "review my contract" has no text to
      // analyse, and analysing the request itself would report "no risky clause" about nothing.
      const text = e.contractText ?? quotedClause(query);
      return text && text.trim().length >= 10 ? { text } : null;
    }
    default:
      return null;
  }
}

/** Contract wording inside the question: quoted, after a colon, or several lines pasted in. */
export function quotedClause(query: string): string | undefined {
  const quoted = /["“”'‘’「『]([^"“”'‘’」』]{10,})["“”'‘’」』]/u.exec(query);
  if (quoted) return quoted[1];
  const afterColon = /[:：]\s*(.{10,})$/su.exec(query);
  if (afterColon && /(조|항|특약|임차인|임대인|tenant|landlord|shall|clause)/iu.test(afterColon[1])) return afterColon[1];
  if (query.split("\n").length >= 3) return query;
  return undefined;
}

const INPUTS: Record<string, Record<string, string>> = {
  market_analysis: { market: "market_data" },
  loan_simulator: { loans: "loan_search" },
};

function proposeTools(step: ExecutionStep, planning: PlanningState, query: string): ToolRequest[] {
  const core = coreTool(step, CORE_BY_INTENT[planning.intent] ?? TOOLS);
  const requests: ToolRequest[] = [];
  for (const tool of step.tools) {
    if (!TOOLS.includes(tool)) continue;
    const args = argsFor(tool, planning.entities, query);
    if (!args) continue;
    const inputs = Object.fromEntries(Object.entries(INPUTS[tool] ?? {}).filter(([, src]) => planned(planning, src)));
    requests.push(request(tool, args, TEAM, step, core, Object.keys(inputs).length > 0 ? inputs : undefined));
  }
  return requests;
}

export const analysisTeam: TeamDefinition = {
  name: TEAM,
  title: { ko: "분석팀", en: "Analysis team" },
  tools: TOOLS,
  proposeTools,
  summarize: (step, outputs, missing) => summarizeStep(TEAM, step, outputs, missing),
};
