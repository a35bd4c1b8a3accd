// policy_matcher: government housing-finance programmes (policy_programs table) matched to the
// user's stated profile, with a pass/fail/unknown reason per criterion in Korean and English.
import { z } from "zod";
import { asc } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { policyPrograms, regulatedRegions, type PolicyCriteria } from "../schema/domain-rules";
import type { ToolDefinition } from "../../../tools/types";
import { resolveRegion } from "./common";
import { formatKrw } from "./format";

const krw = z.number().int().min(0).max(1e13);
const PURPOSES = ["purchase", "jeonse", "monthly", "guarantee"] as const;

export const policyMatcherInputSchema = z.object({
  /** Annual household income, KRW. */
  annualIncome: krw.optional(),
  age: z.number().int().min(0).max(120).optional(),
  newlywed: z.boolean().optional(),
  children: z.number().int().min(0).max(20).optional(),
  firstHome: z.boolean().optional(),
  homeless: z.boolean().optional(),
  region: z.string().trim().min(1).max(40).optional(),
  /** Sale price (purchase programmes and guarantee ratio), KRW. */
  price: krw.optional(),
  deposit: krw.optional(),
  monthlyRent: krw.optional(),
  areaM2: z.number().positive().max(2000).optional(),
  /** Only programmes of these purposes; omitted: all. */
  purposes: z.array(z.enum(PURPOSES)).optional(),
});
export type PolicyMatcherInput = z.infer<typeof policyMatcherInputSchema>;

const checkSchema = z.object({
  criterion: z.string(),
  result: z.enum(["pass", "fail", "unknown"]),
  /** The programme's limit for this criterion, when it is a number. */
  limit: z.number().nullable(),
  /** The user's figure, when given. */
  value: z.number().nullable(),
  ko: z.string(),
  en: z.string(),
});

const programmeMatchSchema = z.object({
  code: z.string(),
  nameKo: z.string(),
  nameEn: z.string(),
  provider: z.string(),
  purpose: z.enum(PURPOSES),
  /** eligible: every checked criterion passes; possible: none fails but some are unknown; ineligible: one fails. */
  status: z.enum(["eligible", "possible", "ineligible"]),
  checks: z.array(checkSchema),
  maxLoanKrw: z.number().nullable(),
  rateMinPercent: z.number().nullable(),
  rateMaxPercent: z.number().nullable(),
  descriptionKo: z.string(),
  descriptionEn: z.string(),
  url: z.string(),
  asOf: z.string(),
});
export type ProgrammeMatch = z.infer<typeof programmeMatchSchema>;
type Check = z.infer<typeof checkSchema>;

export const policyMatcherOutputSchema = z.object({
  matches: z.array(programmeMatchSchema),
  counts: z.object({ eligible: z.number().int(), possible: z.number().int(), ineligible: z.number().int() }),
  /** Whether the region is in the capital area (수도권); null when unknown. */
  capitalArea: z.boolean().nullable(),
  /** Profile fields the user did not state, which left criteria unknown. */
  missingProfile: z.array(z.string()),
  sources: z.array(z.string()),
});
export type PolicyMatcherOutput = z.infer<typeof policyMatcherOutputSchema>;

const NON_CAPITAL = /부산|대구|광주|대전|울산|세종|강원|충북|충남|충청|전북|전남|전라|경북|경남|경상|제주|busan|daegu|gwangju|daejeon|ulsan|sejong|jeju/iu;
const CAPITAL = /서울|경기|인천|seoul|gyeonggi|incheon/iu;

/** 수도권 or not, from the name, the regions table (Seoul districts) or the regulated-regions list. */
export async function isCapitalArea(db: Db, region: string | undefined): Promise<boolean | null> {
  if (!region) return null;
  if (CAPITAL.test(region)) return true;
  if (NON_CAPITAL.test(region)) return false;
  const regulated = await db.select({ region: regulatedRegions.region }).from(regulatedRegions);
  if (regulated.some((r) => r.region === region.trim())) return true;
  try {
    await resolveRegion(db, "policy_matcher", region);
    return true; // the regions table holds Seoul districts
  } catch {
    return null;
  }
}

function profileOf(input: PolicyMatcherInput): Set<"newlywed" | "firstHome" | "children2"> {
  const p = new Set<"newlywed" | "firstHome" | "children2">();
  if (input.newlywed) p.add("newlywed");
  if (input.firstHome) p.add("firstHome");
  if ((input.children ?? 0) >= 2) p.add("children2");
  return p;
}

function limitCheck(criterion: string, value: number | undefined, limit: number, labelKo: string, labelEn: string, kind: "max" | "min", money: boolean): Check {
  const show = (n: number, lang: "ko" | "en") => (money ? formatKrw(n, lang) : lang === "ko" ? `${n}` : `${n}`);
  const bound = kind === "max" ? { ko: "이하", en: "at most" } : { ko: "이상", en: "at least" };
  if (value === undefined) {
    return { criterion, result: "unknown", limit, value: null,
      ko: `${labelKo} 조건(${show(limit, "ko")} ${bound.ko})은 정보가 없어 확인하지 못했습니다`,
      en: `${labelEn} must be ${bound.en} ${show(limit, "en")}: not stated` };
  }
  const ok = kind === "max" ? value <= limit : value >= limit;
  return { criterion, result: ok ? "pass" : "fail", limit, value,
    ko: `${labelKo} ${show(value, "ko")} — 기준 ${show(limit, "ko")} ${bound.ko} ${ok ? "충족" : kind === "max" ? "초과" : "미달"}`,
    en: `${labelEn} ${show(value, "en")} — limit ${bound.en} ${show(limit, "en")}: ${ok ? "met" : "not met"}` };
}

function flagCheck(criterion: string, value: boolean | undefined, labelKo: string, labelEn: string): Check {
  if (value === undefined) return { criterion, result: "unknown", limit: null, value: null, ko: `${labelKo} 여부가 필요합니다(미기재)`, en: `Requires: ${labelEn} (not stated)` };
  return { criterion, result: value ? "pass" : "fail", limit: null, value: null,
    ko: `${labelKo} 요건 ${value ? "충족" : "미충족"}`, en: `${labelEn}: ${value ? "yes" : "no"}` };
}

function evaluate(c: PolicyCriteria, input: PolicyMatcherInput, capital: boolean | null): Check[] {
  const checks: Check[] = [];
  const profile = profileOf(input);
  if (c.maxIncome !== undefined) {
    const raised = (c.maxIncomeFor ?? []).filter((f) => profile.has(f.profile)).map((f) => f.maxIncome);
    const limit = Math.max(c.maxIncome, ...raised);
    checks.push(limitCheck("income", input.annualIncome, limit, "연소득(부부합산)", "Annual household income", "max", true));
  }
  if (c.minAge !== undefined) checks.push(limitCheck("min_age", input.age, c.minAge, "나이", "Age", "min", false));
  if (c.maxAge !== undefined) checks.push(limitCheck("max_age", input.age, c.maxAge, "나이", "Age", "max", false));
  if (c.newlywed) checks.push(flagCheck("newlywed", input.newlywed, "신혼부부(혼인 7년 이내)", "newlywed (married within 7 years)"));
  if (c.minChildren !== undefined) checks.push(limitCheck("children", input.children, c.minChildren, "자녀 수", "Children", "min", false));
  if (c.firstHome) checks.push(flagCheck("first_home", input.firstHome, "생애최초 주택구입", "first-time home buyer"));
  if (c.homeless) {
    // A first-time buyer is homeless by definition; otherwise the user must say so.
    checks.push(flagCheck("homeless", input.homeless ?? (input.firstHome ? true : undefined), "무주택 세대", "homeless household"));
  }
  if (c.maxPrice !== undefined) {
    const raised = (c.maxPriceFor ?? []).filter((f) => profile.has(f.profile)).map((f) => f.maxPrice);
    checks.push(limitCheck("price", input.price, Math.max(c.maxPrice, ...raised), "주택가격", "House price", "max", true));
  }
  if (c.maxDepositCapital !== undefined || c.maxDepositOther !== undefined) {
    const capitalLimit = c.maxDepositCapital ?? c.maxDepositOther!;
    const otherLimit = c.maxDepositOther ?? c.maxDepositCapital!;
    // Region unknown: the higher limit, so the user is not wrongly excluded; the reason says so.
    const limit = capital === true ? capitalLimit : capital === false ? otherLimit : Math.max(capitalLimit, otherLimit);
    const check = limitCheck("deposit", input.deposit, limit, capital === false ? "보증금(비수도권)" : "보증금(수도권)", capital === false ? "Deposit (outside capital area)" : "Deposit (capital area)", "max", true);
    if (capital === null && capitalLimit !== otherLimit && check.result === "pass") {
      check.result = input.deposit !== undefined && input.deposit <= Math.min(capitalLimit, otherLimit) ? "pass" : "unknown";
      check.ko += " (지역 미확인: 수도권 기준)";
      check.en += " (region unknown: capital-area limit)";
    }
    checks.push(check);
  }
  if (c.maxMonthlyRent !== undefined) checks.push(limitCheck("monthly_rent", input.monthlyRent, c.maxMonthlyRent, "월세", "Monthly rent", "max", true));
  if (c.maxAreaM2 !== undefined) checks.push(limitCheck("area", input.areaM2, c.maxAreaM2, "전용면적(㎡)", "Floor area (m²)", "max", false));
  if (c.maxDepositToPricePercent !== undefined) {
    if (input.deposit !== undefined && input.price !== undefined && input.price > 0) {
      const ratio = Math.round((input.deposit / input.price) * 1000) / 10;
      const ok = ratio <= c.maxDepositToPricePercent;
      checks.push({ criterion: "deposit_ratio", result: ok ? "pass" : "fail", limit: c.maxDepositToPricePercent, value: ratio,
        ko: `보증금/주택가격 ${ratio}% — 기준 ${c.maxDepositToPricePercent}% 이하 ${ok ? "충족" : "초과"}`,
        en: `Deposit/price ${ratio}% — limit ${c.maxDepositToPricePercent}%: ${ok ? "met" : "not met"}` });
    } else {
      // Say which figure is missing: a tenant who gave the deposit needs the home's sale value, not "a price".
      const noDeposit = input.deposit === undefined;
      checks.push({ criterion: "deposit_ratio", result: "unknown", limit: c.maxDepositToPricePercent, value: null,
        ko: `보증금이 주택 매매가의 ${c.maxDepositToPricePercent}% 이하여야 합니다(${noDeposit ? "보증금 미기재" : "매매가 미기재: 계약할 집의 매매 시세로 확인하세요"})`,
        en: `Deposit must be at most ${c.maxDepositToPricePercent}% of the home's sale price (${noDeposit ? "deposit not stated" : "sale price not stated: check against this home's value"})` });
    }
  }
  for (const u of c.unchecked ?? []) checks.push({ criterion: "other", result: "unknown", limit: null, value: null, ko: `확인 필요: ${u.ko}`, en: `To confirm: ${u.en}` });
  return checks;
}

/** The profile fields each criterion reads: an unknown criterion lists the ones the user did not give. */
const CRITERION_FIELDS: Record<string, (keyof PolicyMatcherInput)[]> = {
  income: ["annualIncome"], min_age: ["age"], max_age: ["age"], newlywed: ["newlywed"], children: ["children"],
  first_home: ["firstHome"], homeless: ["homeless"], price: ["price"], deposit: ["deposit", "region"],
  monthly_rent: ["monthlyRent"], area: ["areaM2"], deposit_ratio: ["deposit", "price"],
};

async function matchProgrammes(input: PolicyMatcherInput, db: Db): Promise<PolicyMatcherOutput> {
  const rows = await db.select().from(policyPrograms).orderBy(asc(policyPrograms.code));
  if (rows.length === 0) throw new Error("policy_programs is empty: run the seed");
  const capital = await isCapitalArea(db, input.region);
  const wanted = input.purposes?.length ? new Set(input.purposes) : null;
  const matches: ProgrammeMatch[] = rows
    .filter((r) => !wanted || wanted.has(r.purpose as (typeof PURPOSES)[number]))
    .map((r) => {
      const checks = evaluate(r.criteria, input, capital);
      const status = checks.some((c) => c.result === "fail") ? "ineligible" : checks.some((c) => c.result === "unknown") ? "possible" : "eligible";
      return {
        code: r.code, nameKo: r.nameKo, nameEn: r.nameEn, provider: r.provider, purpose: r.purpose as ProgrammeMatch["purpose"],
        status, checks, maxLoanKrw: r.maxLoanKrw, rateMinPercent: r.rateMinPercent, rateMaxPercent: r.rateMaxPercent,
        descriptionKo: r.descriptionKo, descriptionEn: r.descriptionEn, url: r.url, asOf: r.asOf,
      };
    });
  const rank = { eligible: 0, possible: 1, ineligible: 2 } as const;
  matches.sort((a, b) => rank[a.status] - rank[b.status] || a.checks.filter((c) => c.result === "unknown").length - b.checks.filter((c) => c.result === "unknown").length);
  const counts = { eligible: 0, possible: 0, ineligible: 0 };
  for (const m of matches) counts[m.status] += 1;
  return {
    matches, counts, capitalArea: capital,
    missingProfile: [...new Set(matches.flatMap((m) => m.checks.filter((c) => c.result === "unknown")
      .flatMap((c) => CRITERION_FIELDS[c.criterion] ?? []).filter((f) => input[f] === undefined)))],
    sources: ["policy_programs"],
  };
}

export const policyMatcherTool: ToolDefinition<PolicyMatcherInput, PolicyMatcherOutput, "policy_matcher"> = {
  name: "policy_matcher",
  description:
    "Matches government housing-finance programmes (디딤돌, 보금자리론, 버팀목, 신혼부부/청년 전용, 신생아 특례, " +
    "HUG/HF deposit guarantees…) to the user's income, age, household, home ownership, region and price, with reasons.",
  inputSchema: policyMatcherInputSchema,
  outputSchema: policyMatcherOutputSchema,
  readOnly: true,
  timeoutMs: 4_000,
  fallbacks: [],
  run: (input, ctx) => matchProgrammes(input, ctx.db),
  quality: (o) => (o.matches.length === 0 ? 0 : 1),
};
