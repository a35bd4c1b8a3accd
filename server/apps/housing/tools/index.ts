// Every housing tool — search (legal, market, listings, loans), analysis and document — and the
// registry the runtime looks them up in.
import { ToolRegistry } from "../../../tools/registry";
import { legalSearchTool, legalSearchKeywordTool } from "./legal-search";
import { marketDataTool, marketSummaryTool } from "./market-data";
import { realEstateSearchTool } from "./real-estate-search";
import { loanSearchTool } from "./loan-search";
import { marketAnalysisTool } from "./market-analysis";
import { loanSimulatorTool } from "./loan-simulator";
import { rentIncreaseCheckTool } from "./rent-increase-check";
import { contractAnalysisTool } from "./contract-analysis";
import { policyMatcherTool } from "./policy-matcher";
import { leaseContractGeneratorTool } from "./lease-contract-generator";
import { documentReviewTool } from "./document-review";
import { glossaryLookupTool } from "./glossary-lookup";
import { housingCalculatorTool } from "./housing-calculator";

export const housingTools = [
  legalSearchTool, legalSearchKeywordTool, marketDataTool, marketSummaryTool, realEstateSearchTool, loanSearchTool,
  marketAnalysisTool, loanSimulatorTool, rentIncreaseCheckTool, contractAnalysisTool, policyMatcherTool,
  leaseContractGeneratorTool, documentReviewTool, glossaryLookupTool, housingCalculatorTool,
] as const;

export function createHousingToolRegistry(): ToolRegistry {
  return new ToolRegistry().register(...housingTools);
}
