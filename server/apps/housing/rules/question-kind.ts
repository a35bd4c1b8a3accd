// What kind of answer a question wants, read from its words: the fallback question type while the planner
// leaves questionType "other", the sum a calculation asks for, the deal (buy/jeonse/monthly) and trend wording.
import type { Entities, PlanningState } from "../types";
import { findKrwAmounts } from "./korean-amounts";
import type { CalculationKind } from "../tools/housing-calculator";

export const QUESTION_TYPES = [
  "definition", "permissibility", "amount", "procedure", "eligibility", "comparison", "calculation", "drafting", "review", "other",
] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

const CALCULATION_WORDS = /계산|수익률|위약금|해약금|계약금.*(돌려|배액|포기|파기|해제|취소)|down payment|backed out|중개보수|중개수수료|복비|전환하면|전환 ?시|환산하면|월세로 (바꾸|돌리)(면|는)|보증금으로 (바꾸|돌리)(면|는)|\bcalculat|\bcompute|\byield\b|brokerage (fee|commission)|broker'?s? fee|agent'?s? fee|realtor fee|\bpenalty\b|conver(t|sion)/i;

/**
 * First match wins, most specific first: "이 계약서 검토해줘" is a review even though it asks nothing else,
 * "수익률 계산해줘" a calculation even though it says 얼마. Patterns are deliberately few and plain.
 */
const TYPE_PATTERNS: [QuestionType, RegExp][] = [
  ["review", /검토|봐\s?주|봐줘|살펴|위험한지|위험 요소|독소|\breview\b|check (this|my) (contract|lease|clause)|is this clause/i],
  ["drafting", /작성해|초안|만들어 ?줘|써 ?줘|\bdraft\b|write (a|me|up)/i],
  ["calculation", CALCULATION_WORDS],
  ["comparison", /비교|차이|어느 (쪽|게)|뭐가 (나|더|유리|이득)|중에? 뭐가|어떤 게 (나|더|유리)|나을까|나은가|\bvs\.?\b|versus|compare|better|choose|which is (cheaper|better)|difference between/i],
  ["procedure", /어떻게 (해야|하나|하면|하죠|해요|받|신청|돌려|진행)|what should (i|we) do|절차|방법|순서|하려면|준비할|서류|\bhow (do|can|should) (i|we)\b|\bsteps\b|process|procedure/i],
  // "What's the median deposit…?" asks for a figure, not a definition.
  ["amount", /얼마|시세|중앙값|평균|\bmedian\b|\baverage\b|how much|\bprice of\b|\bcost\b/i],
  ["definition", /(뭐|무엇|뭔)(예요|에요|인가요|가요|인지|야|지|죠|니)|무슨 뜻|뜻이|뜻은|의미가|의미는|(이|가)?란\s*(무엇|뭐|\?|$)|이란\??$|개념|^\s*what(?:'s| is| are| does)\s+(?:an?\s+|the\s+)?[\w\s'-]{1,50}(?:\?|mean)|meaning of|\bdefine\b|definition/i],
  ["eligibility", /자격|대상(이|인|자)|받을 수 있|조건이|eligib|qualify|who can get|can (i|we) get|am i able to get|\bcan .{1,60}\bget .{0,30}(loan|didimdol|beotimmok|bogeumjari|programme|program)/i],
  ["permissibility", /가능한가|가능할까|가능해|되나요|될까요|돼요\?|해도 (되|돼)|할 수 있(나|을까|어)|있나요|법적으로|합법|불법|거절할 수|거부할 수|의무|\bcan (i|my|the|a|he|she|they|we)\b|\bis it (legal|allowed|ok)|allowed to|\bmay (i|my|the)\b|must (i|my|the)|do i have to|\blegal(ly)?\b/i],
  ["amount", /얼마|한도|금액|시세|가격|중앙값|평균|몇|how much|how many|limit|price|average|median/i],
];

/** "중개보수가 무엇인가요?" asks what the word means even though 중개보수 is also something to compute. */
const PLAIN_DEFINITION = /(뭐|무엇|뭔)(예요|에요|인가요|가요|야|죠)\s*\??\s*$|무슨 뜻|뜻이 뭐|의미가 뭐|^\s*what(?:'s| is| are)\s+(?:an?\s+)?[\w\s'-]{1,40}\?\s*$|^\s*what does .{1,40} mean/i;
const ASKS_FIGURE = /계산|얼마|how much|calculat|compute|median|average|price|cost|steps|how do/i;

export function questionTypeFromText(query: string): QuestionType {
  if (PLAIN_DEFINITION.test(query) && !ASKS_FIGURE.test(query) && !/검토|review|차이|비교|difference|compare/i.test(query)) return "definition";
  for (const [type, pattern] of TYPE_PATTERNS) if (pattern.test(query)) return type;
  return "other";
}

/** "LTV 뜻", "DSR 이 뭐임?", "Define opposing power": wording that can only ask what a term means. */
const TERM_ONLY = /뜻\s*(좀|이|은|을)?\s*(알려|뭐|무엇|궁금|\?|$)|개념\s*(좀|을|이)?\s*(알려|설명|뭐|\?|$)|의미\s*(좀|가|는)?\s*(알려|뭐|\?|$)|뭐임|이?란\s*게\s*(뭐|무엇)|^\s*define\b|^\s*explain what (an? |the )?[\w\s'-]{1,40} (is|means)\b/i;
/** "절차", "신청 방법", "How do I apply…": wording that asks for the steps. */
const ASKS_STEPS = /절차|방법|순서|단계별|어떻게 (신청|해야|하면 되|들|가입|받)|신청하려면|what should (i|we) do|\bhow (do|can) (i|we) (apply|get|register|request|exercise|file|claim)\b|\bsteps\b|\bprocess\b/i;
const ASKS_SUM = /계산|\bcalculat|\bcompute|work out|얼마|몇|how much|what am i owed|\bwhat'?s my\b/i;

/**
 * The type the wording alone settles, whatever a classifier says: a plain "what is X", a sum the calculator
 * knows with the words to compute it, or an explicit ask for steps. Null when the wording leaves it open.
 */
export function unambiguousTypeOf(query: string): QuestionType | null {
  const compares = /검토|review|차이|비교|difference|compare|\bvs\.?\b/i.test(query);
  if (!compares && (PLAIN_DEFINITION.test(query) || TERM_ONLY.test(query)) && !ASKS_FIGURE.test(query)) return "definition";
  if (!compares && calculationKindOf(query) && CALCULATION_WORDS.test(query) && (ASKS_SUM.test(query) || findKrwAmounts(query).length > 0)) return "calculation";
  if (!calculationKindOf(query) && /비교|어느 쪽|뭐가 (나|더|유리|이득)|\bvs\.?\b|versus|\bcompare\b|which is (cheaper|better)|difference between/i.test(query)) return "comparison";
  if (ASKS_STEPS.test(query) && !compares && !/가능|(?<!어떻게 )되나요|할 수 있|\bcan (my|the)\b/i.test(query)) return "procedure";
  return null;
}

/**
 * The planner's question type, unless the wording settles another (then the wording wins: a classifier's
 * "permissibility" for "갱신요구권 행사 절차가 어떻게 되나요?" would answer the wrong question); while the
 * planner says "other", the one the question's words suggest. Reviews and drafts stay the planner's.
 */
export function effectiveQuestionType(planning: Pick<PlanningState, "questionType">, query: string): QuestionType {
  const given = planning.questionType as QuestionType;
  const known = given && given !== "other" && (QUESTION_TYPES as readonly string[]).includes(given);
  if (known && (given === "review" || given === "drafting")) return given;
  const settled = unambiguousTypeOf(query);
  if (settled) return settled;
  return known ? given : questionTypeFromText(query);
}

/** Which sum a calculation question asks for, if it is one the calculator knows. */
export function calculationKindOf(query: string): CalculationKind | null {
  if (/중개보수|중개수수료|복비|brokerage|agent'?s? fee|realtor fee|commission/i.test(query)) return "brokerage_fee";
  if (/위약금|해약금|계약금|down payment|earnest|penalty|back out|cancel/i.test(query)) return "down_payment";
  if (/수익률|임대수익|\byield\b|return on|rental return/i.test(query)) return "yield";
  if (/전환|월세로|보증금으로|convert|conversion/i.test(query)) return "conversion";
  return null;
}

/** "월세 80만원을 보증금으로" converts rent into deposit; everything else the other way. */
export function conversionDirectionOf(query: string): "deposit_to_rent" | "rent_to_deposit" {
  return /보증금으로|(rent|monthly) (in)?to (a )?deposit/i.test(query) ? "rent_to_deposit" : "deposit_to_rent";
}

/** The amount written right after 계약금 / "down payment", if any. */
export function downPaymentIn(query: string): number | undefined {
  const at = query.search(/계약금|down payment|earnest money/i);
  if (at < 0) return undefined;
  const next = findKrwAmounts(query).find((a) => a.start > at && a.start - at < 20);
  return next?.value;
}

export type Deal = "sale" | "jeonse" | "monthly";

/** The words that name each deal, in the order a question's deal is read (monthly before jeonse: 반전세). */
const DEAL_WORDS: [Deal, RegExp][] = [
  ["monthly", /월세|monthly rent|\brent per month|\bwolse\b/i],
  ["jeonse", /전세|jeonse|chonsei/i],
  ["sale", /매매|매수|구입|구매|사려|살까|사고 싶|집값|아파트값|\bbuy|\bpurchas|sale price|house price|home price/i],
];

/** The deal a market question is about: the entities' word first, then the question's own words. */
export function dealOf(query: string, entities: Entities): Deal | undefined {
  const given = entities.transactionType ?? entities.contractType;
  if (given) return given;
  return DEAL_WORDS.find(([, re]) => re.test(query))?.[0];
}

/** Every deal the question names: two or more means it weighs them against each other (전세 vs 월세, buy vs rent). */
export function dealsNamed(query: string): Deal[] {
  return DEAL_WORDS.filter(([, re]) => re.test(query)).map(([deal]) => deal);
}

/** A question about movement over time (상승률, 거래량, 추이), not the level. */
export function asksTrend(query: string): boolean {
  return /상승|하락|오르|올랐|내리|내렸|떨어|추이|추세|변동|변화|거래량|흐름|동향|\btrend|\brising|\bfalling|\bgone up|\bgoing up|\bgoing down|\bchange|\bvolume|\bmomentum/i.test(query);
}

/** Brand and naming words of Seoul apartment complexes: a word containing one names a complex. */
const COMPLEX_MARKERS = /(시티|파크|자이|래미안|힐스테이트|아이파크|푸르지오|캐슬|팰리스|타워팰리스|e편한세상|이편한세상|더샵|롯데캐슬|센트럴|포레|리센츠|엘스|트리지움|파크리오|레이크|아크로|은마)/u;

/** The complex a question names ("헬리오시티 전세가는?" → "헬리오시티"), without its particle. */
export function complexNameIn(query: string, entities: Entities): string | undefined {
  const named = (entities as { complex?: unknown }).complex;
  if (typeof named === "string" && named.length >= 2) return named;
  for (const word of query.split(/[\s,?!.]+/u)) {
    if (!COMPLEX_MARKERS.test(word)) continue;
    const stripped = word.replace(/(아파트|단지)?(은|는|이|가|의|에|도|를|을|에서|전세가는?|전세|매매가?|월세|시세는?|값은?)$/u, "").replace(/(아파트|단지)$/u, "");
    // "반포자이": the 이 is the brand's, not a particle — keep the word whole when stripping breaks the marker.
    const bare = COMPLEX_MARKERS.test(stripped) ? stripped : word.replace(/(아파트|단지)?(전세가는?|전세|매매가?|월세|시세는?|값은?)$/u, "");
    if (bare.length >= 2 && /^[가-힣A-Za-z0-9]+$/u.test(bare) && !/구$|동$/u.test(bare)) return bare;
  }
  return undefined;
}

/** Programme and product words that name loans (loan_search matches them in product names and notes). */
const PROGRAMMES: [RegExp, string][] = [
  [/디딤돌|didimdol/i, "디딤돌"], [/버팀목|beotimmok/i, "버팀목"], [/보금자리|bogeumjari/i, "보금자리"], [/신생아|newborn/i, "신생아"],
];
const BANKS: [RegExp, string][] = [
  [/카카오|kakao/i, "카카오"], [/\bkb\b|국민|kookmin/i, "KB"], [/하나은행|하나 |\bhana\b/i, "하나"], [/신한|shinhan/i, "신한"], [/우리은행|\bwoori\b/i, "우리"],
  [/케이뱅크|\bk\s?bank\b/i, "케이뱅크"], [/농협|\bnh\b/i, "농협"], [/ibk|기업은행/i, "IBK"],
];

/** The programme and bank patterns a question names: a product matches when its name or bank matches one. */
export function namedLoanPatterns(query: string): RegExp[] {
  return [...PROGRAMMES, ...BANKS].filter(([re]) => re.test(query)).map(([re]) => re);
}

/** The one loan programme a question names ("디딤돌 금리는?"); none when it names two (a comparison needs both). */
export function loanProgrammeIn(query: string): string | undefined {
  const named = PROGRAMMES.filter(([re]) => re.test(query)).map(([, word]) => word);
  return named.length === 1 ? named[0] : undefined;
}

export function bankIn(query: string): string | undefined {
  return BANKS.find(([re]) => re.test(query))?.[1];
}

/**
 * The amount the user wants to borrow, when the question says so: "대출 2억", "3억 대출 받으면" (beside a
 * different price), "a 250 million won mortgage". A bare "4억 아파트" is a price, not a loan.
 */
export function loanAmountIn(query: string, entities: Entities): number | undefined {
  for (const a of findKrwAmounts(query)) {
    const before = query.slice(Math.max(0, a.start - 4), a.start);
    const after = query.slice(a.end, a.end + 14);
    if (/대출\s*$/u.test(before)) return a.value;
    const other = entities.price ?? entities.deposit;
    if (/^\s*(을|를)?\s*대출/u.test(after) && other !== undefined && other !== a.value) return a.value;
    if (/^\s*(won\s+)?(jeonse\s+)?(mortgage|loan)\b/i.test(after)) return a.value;
  }
  return undefined;
}

/**
 * A purchase question's price when the entities left it among unplaced amounts ("9억 아파트 대출 얼마?"):
 * the one amount of home-price size that is not the loan itself. Two candidates: none (ambiguous).
 */
export function unplacedPrice(entities: Entities, loanAmount?: number): number | undefined {
  const lease = entities.transactionType ?? entities.contractType;
  if (lease === "jeonse" || lease === "monthly") return undefined;
  const candidates = (entities.amounts ?? []).filter((a) => a >= 50_000_000 && a !== loanAmount);
  return candidates.length === 1 ? candidates[0] : undefined;
}
