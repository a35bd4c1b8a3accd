// document_review: checks a lease draft (lease_contract_generator's output or pasted text) for missing
// mandatory fields and risky clauses, reusing contract_analysis's rule matching as a function.
import { z } from "zod";
import type { ToolDefinition } from "../../../tools/types";
import { contractFindingSchema, findContractRisks, loadContractRiskRules, summariseFindings } from "./contract-analysis";
import { BLANK_PATTERN, MANDATORY_FIELDS, leaseContractOutputSchema, type LeaseContractOutput } from "./lease-contract-generator";

export const documentReviewInputSchema = z.object({
  /** lease_contract_generator's output; filled by the executor. */
  draft: leaseContractOutputSchema.optional(),
  /** Or a contract text to review directly. */
  text: z.string().trim().min(1).max(100_000).optional(),
});
export type DocumentReviewInput = z.infer<typeof documentReviewInputSchema>;

const missingFieldSchema = z.object({ field: z.string(), labelKo: z.string(), labelEn: z.string() });

export const documentReviewOutputSchema = z.object({
  /** False when there was nothing to review (no draft and no text). */
  reviewed: z.boolean(),
  subject: z.enum(["draft", "text", "none"]),
  missingFields: z.array(missingFieldSchema),
  /** Blanks still marked in the text (labels). */
  blanks: z.array(z.string()),
  findings: z.array(contractFindingSchema),
  counts: z.object({ high: z.number().int(), medium: z.number().int(), low: z.number().int() }),
  overall: z.enum(["high", "medium", "low", "none"]),
  /** Ready to sign: nothing missing, no blanks, no high or medium findings. */
  ready: z.boolean(),
  notes: z.array(z.string()),
  sources: z.array(z.string()),
});
export type DocumentReviewOutput = z.infer<typeof documentReviewOutputSchema>;

/** Words that show a mandatory field is present in free text (a draft reports its own fields). */
const FIELD_PRESENCE: Record<string, RegExp> = {
  landlordName: /임대인\s*(성명|[:：])|landlord\s*(name)?\s*:/iu,
  tenantName: /임차인\s*(성명|[:：])|tenant\s*(name)?\s*:/iu,
  address: /소재지|주소|address/iu,
  deposit: /보증금\s*[:：]?\s*(금\s*)?[\d일이삼사오육칠팔구십백천만억]|deposit\s*:?\s*(₩|krw)?\s*\d/iu,
  monthlyRent: /(차임|월세)\s*[:：]?\s*(금\s*)?[\d일이삼사오육칠팔구십백천만없]|(monthly\s+)?rent\s*:?\s*(₩|krw|none)?\s*\d?/iu,
  startDate: /(임대차\s*)?기간|인도일|시작일|start|from\s+\d{4}/iu,
  endDate: /종료일|까지|(~|부터)\s*\d{4}|end\s*(date)?\s*:|until|to\s+\d{4}/iu,
};

function missingInText(text: string): z.infer<typeof missingFieldSchema>[] {
  return MANDATORY_FIELDS.filter((f) => !FIELD_PRESENCE[f.field].test(text));
}

function blanksIn(text: string): string[] {
  return [...text.matchAll(BLANK_PATTERN)].map((m) => m[1].trim());
}

export const documentReviewTool: ToolDefinition<DocumentReviewInput, DocumentReviewOutput, "document_review"> = {
  name: "document_review",
  description:
    "Reviews a lease draft or contract text: missing mandatory fields (parties, address, deposit, rent, term), " +
    "unfilled blanks and risky clauses by the contract risk rules.",
  inputSchema: documentReviewInputSchema,
  outputSchema: documentReviewOutputSchema,
  readOnly: true,
  timeoutMs: 3_000,
  fallbacks: [],
  async run(input, ctx) {
    const draft: LeaseContractOutput | undefined = input.draft;
    const text = draft?.markdown ?? input.text;
    if (!text) {
      return {
        reviewed: false, subject: "none", missingFields: [], blanks: [], findings: [], counts: { high: 0, medium: 0, low: 0 },
        overall: "none", ready: false, notes: [ctx.language === "ko" ? "검토할 계약서가 없습니다(초안이 만들어지지 않았고 계약서 문구도 없음)" : "nothing to review: the draft was not produced and no contract text was given"], sources: [],
      };
    }
    const rules = await loadContractRiskRules(ctx.db);
    // The generator's own protective clauses quote risky words (e.g. 저당권) in order to forbid them;
    // a draft is checked without its recommended clauses so they are not flagged against themselves.
    let checked = text;
    for (const c of draft?.recommendedClauses ?? []) checked = checked.replace(c.textKo, "").replace(c.textEn, "");
    const findings = findContractRisks(checked, rules);
    const missingFields = draft ? draft.missingFields : missingInText(text);
    const blanks = blanksIn(text);
    const summary = summariseFindings(findings);
    const notes: string[] = [];
    if (input.draft && input.text) notes.push(ctx.language === "ko" ? "초안과 계약서 문구가 모두 있어 초안을 검토했습니다" : "both a draft and a text were given: the draft was reviewed");
    return {
      reviewed: true, subject: draft ? "draft" : "text", missingFields, blanks, findings, ...summary,
      ready: missingFields.length === 0 && blanks.length === 0 && summary.counts.high === 0 && summary.counts.medium === 0,
      notes, sources: ["contract_risk_rules", ...(draft ? ["lease_contract_generator"] : [])],
    };
  },
};
