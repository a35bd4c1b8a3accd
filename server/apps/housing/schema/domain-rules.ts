// Housing rule tables kept as data: lending limits, jeonse-ratio risk bands, rates, contract
// risk patterns and government housing-finance programmes. Tools read these; nothing is hard-coded.
import { pgTable, text, integer, doublePrecision, bigint, jsonb, primaryKey, date } from "drizzle-orm/pg-core";

/** Where a region stands for lending rules (투기과열지구/조정대상지역 = "regulated"). */
export const regulatedRegions = pgTable("regulated_regions", {
  /** District or city name as the planner writes it, e.g. "강남구". */
  region: text("region").primaryKey(),
  /** 투기과열지구 | 조정대상지역 */
  designation: text("designation").notNull(),
  since: date("since", { mode: "string" }).notNull(),
  source: text("source").notNull(),
});

/** LTV / DTI / DSR limits by region class, buyer type and loan purpose (percent values). */
export const lendingRules = pgTable("lending_rules", {
  /** regulated | other */
  regionClass: text("region_class").notNull(),
  /** first_home | newlywed | general | multi_home */
  buyerType: text("buyer_type").notNull(),
  /** purchase (주택담보대출) | jeonse (전세자금대출) */
  purpose: text("purpose").notNull(),
  /** Share of the price (purchase) or deposit (jeonse) that may be lent; 0 = no loan. */
  ltvPercent: doublePrecision("ltv_percent").notNull(),
  dtiPercent: doublePrecision("dti_percent"),
  dsrPercent: doublePrecision("dsr_percent"),
  /** An absolute cap in KRW, when the rule has one. */
  maxLoanKrw: bigint("max_loan_krw", { mode: "number" }),
  noteKo: text("note_ko").notNull(),
  noteEn: text("note_en").notNull(),
  source: text("source").notNull(),
}, (t) => [primaryKey({ columns: [t.regionClass, t.buyerType, t.purpose] })]);

/** Jeonse-to-sale ratio (전세가율) bands and what they mean for the deposit (깡통전세 risk). */
export const jeonseRiskLevels = pgTable("jeonse_risk_levels", {
  /** safe | caution | danger | very_high */
  level: text("level").primaryKey(),
  /** Inclusive lower bound, percent. */
  minRatio: doublePrecision("min_ratio").notNull(),
  /** Exclusive upper bound, percent; null = no upper bound. */
  maxRatio: doublePrecision("max_ratio"),
  labelKo: text("label_ko").notNull(),
  labelEn: text("label_en").notNull(),
  adviceKo: text("advice_ko").notNull(),
  adviceEn: text("advice_en").notNull(),
  sortOrder: integer("sort_order").notNull(),
});

/** Named rates and caps (base rate, conversion cap and spread, renewal increase cap), percent. */
export const rateSettings = pgTable("rate_settings", {
  key: text("key").primaryKey(),
  valuePercent: doublePrecision("value_percent").notNull(),
  effectiveFrom: date("effective_from", { mode: "string" }).notNull(),
  descriptionKo: text("description_ko").notNull(),
  descriptionEn: text("description_en").notNull(),
  lawReference: text("law_reference").notNull(),
});

/** Risky lease-contract clauses: a regex over the contract text and what it means. */
export const contractRiskRules = pgTable("contract_risk_rules", {
  code: text("code").primaryKey(),
  /** JavaScript regular expression source, matched case-insensitively. */
  pattern: text("pattern").notNull(),
  /** high | medium | low */
  severity: text("severity").notNull(),
  titleKo: text("title_ko").notNull(),
  titleEn: text("title_en").notNull(),
  explanationKo: text("explanation_ko").notNull(),
  explanationEn: text("explanation_en").notNull(),
  recommendationKo: text("recommendation_ko").notNull(),
  recommendationEn: text("recommendation_en").notNull(),
  lawReference: text("law_reference").notNull(),
});

/** Eligibility criteria of a policy programme; every field optional (absent = not a condition). */
export interface PolicyCriteria {
  maxIncome?: number;
  /** Higher income limits for some profiles, checked in order; the highest that applies wins. */
  maxIncomeFor?: { profile: "newlywed" | "firstHome" | "children2"; maxIncome: number }[];
  minAge?: number;
  maxAge?: number;
  newlywed?: boolean;
  minChildren?: number;
  firstHome?: boolean;
  homeless?: boolean;
  maxPrice?: number;
  maxPriceFor?: { profile: "newlywed" | "children2"; maxPrice: number }[];
  /** Deposit caps: 수도권 (Seoul/Gyeonggi/Incheon) vs elsewhere. */
  maxDepositCapital?: number;
  maxDepositOther?: number;
  maxMonthlyRent?: number;
  maxAreaM2?: number;
  /** Guarantee products: deposit must not exceed this share of the sale price. */
  maxDepositToPricePercent?: number;
  /** Conditions the profile cannot show (e.g. 청약통장 가입, 출산 시기): stated, not checked. */
  unchecked?: { ko: string; en: string }[];
}

export const policyPrograms = pgTable("policy_programs", {
  code: text("code").primaryKey(),
  nameKo: text("name_ko").notNull(),
  nameEn: text("name_en").notNull(),
  provider: text("provider").notNull(),
  /** purchase | jeonse | monthly | guarantee */
  purpose: text("purpose").notNull(),
  criteria: jsonb("criteria").$type<PolicyCriteria>().notNull(),
  maxLoanKrw: bigint("max_loan_krw", { mode: "number" }),
  rateMinPercent: doublePrecision("rate_min_percent"),
  rateMaxPercent: doublePrecision("rate_max_percent"),
  descriptionKo: text("description_ko").notNull(),
  descriptionEn: text("description_en").notNull(),
  url: text("url").notNull(),
  /** The date the criteria were last checked against the provider's notice. */
  asOf: date("as_of", { mode: "string" }).notNull(),
});
