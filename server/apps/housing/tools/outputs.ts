// The housing tools' outputs typed by tool name, read off each tool's zod output schema, so a
// responder reads `housingOutput(agg.outputs, "market_data")` as MarketOutput and never casts.
import { toolOutputReader, type ToolOutputs } from "../../../tools/types";
import type { housingTools } from "./index";

/** Each housing tool's name → the output its schema declares (e.g. market_data → MarketOutput). */
export type HousingToolOutputs = ToolOutputs<typeof housingTools>;
export type HousingToolName = keyof HousingToolOutputs;

/**
 * `housingOutput(agg.outputs, "market_data", "market_summary")`: the output of the first of those tools
 * that ran, typed by its schema (a fallback shares its primary's schema, so either reads the same).
 */
export const housingOutput = toolOutputReader<HousingToolOutputs>();
