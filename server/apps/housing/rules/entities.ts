// Entity extraction for the rules planner: region, property and transaction type, amounts placed by
// the words around them (price, deposit, rent, proposed increase, income), area, dates, profile, contract text.
import type { Entities } from "../types";
import { findAreas, findKrwAmounts, type AmountMatch } from "./korean-amounts";
import { findDates } from "./dates";
import { findBuyerProfile } from "./profile";
import { findRegion } from "./regions";

type AmountRole =
  | "price" | "deposit" | "monthlyRent" | "income" | "monthlyIncome" | "generic"
  | "increaseTarget" | "increaseDelta" | "other";

interface Cue {
  role: AmountRole;
  regex: RegExp;
}

// Words before an amount that say what it is. The cue nearest the amount wins.
const BEFORE_CUES: Cue[] = [
  { role: "monthlyIncome", regex: /월급|월\s*소득|월\s*수입|monthly\s+(?:income|salary)/gi },
  { role: "income", regex: /연봉|연\s*소득|연\s*수입|소득|부부\s*합산|income|salary|earn(?:s|ing)?|make\s+about|making/gi },
  { role: "other", regex: /대출|융자|근저당|채권\s*최고액|선순위|계약금|중도금|잔금|위약금|수수료|loan|borrow(?:ing)?|mortgage\s+of|lien|penalty|fee|down\s+payment|debt/gi },
  { role: "monthlyRent", regex: /월세|월\s*차임|차임|(?<!\d\s?)월(?=\s*\d)|monthly\s+rent|rent\s+(?:of|is|at)|monthly/gi },
  { role: "deposit", regex: /보증금|전세\s*보증금|전세금|전셋값|전세가|전세|deposit|jeonse|key\s+money/gi },
  { role: "price", regex: /매매가|매매\s*가격|매매|매가|분양가|집값|매입가|매수|호가|sale\s+price|selling\s+(?:for|at)|asking(?:\s+price)?|recent\s+sales|sales?\s+(?:around|at|of)|sold\s+(?:for|at)|buy(?:ing)?|purchas(?:e|ing)|worth|valued\s+at/gi },
  { role: "generic", regex: /시세|가격|price|costs?|average|budget|예산/gi },
  { role: "increaseTarget", regex: /\bto\s*$/gi },
  { role: "increaseDelta", regex: /\bby\s*$/gi },
];

// Words right after an amount that say what it is; they win over cues before it.
const AFTER_CUES: Cue[] = [
  { role: "increaseTarget", regex: /^\s*(?:으?로|까지)\s*(?:올|인상|증액|변경|바꾸)/ },
  { role: "increaseDelta", regex: /^\s*(?:을|를|만)?\s*(?:더|올려|올리|인상|증액)|^\s*(?:more|extra)\b/i },
  { role: "other", regex: /^\s*(?:won\s+|KRW\s+)?(?:loan|mortgage|대출|융자)/i },
  { role: "deposit", regex: /^\s*(?:won\s+|KRW\s+)?(?:jeonse\s+)?deposit/i },
  { role: "monthlyRent", regex: /^\s*(?:won\s+|KRW\s+)?(?:a|per|\/)\s*month|^\s*(?:won\s+)?monthly\s+rent/i },
  { role: "income", regex: /^\s*(?:won\s+|KRW\s+)?(?:a|per)\s*year|^\s*(?:won\s+|KRW\s+)?(?:annual\s+)?(?:income|salary)|^\s*(?:won\s+)?annually/i },
  { role: "price", regex: /^\s*(?:짜리|에\s*(?:사|매수|구입|구매|매입))/ },
];

const RAISE_WORDS = /인상|올려|올리|올린|올리겠|증액|더\s*달라|raise|increase|hike|put\s+up/i;
const CLAUSE_BREAK = /[.?!\n。]|그리고|and\s+also/gi;
const BEFORE_WINDOW = 40;

function clauseStart(text: string, before: number): number {
  let start = 0;
  CLAUSE_BREAK.lastIndex = 0;
  for (let m = CLAUSE_BREAK.exec(text); m && m.index < before; m = CLAUSE_BREAK.exec(text)) {
    start = m.index + m[0].length;
  }
  return start;
}

function roleOf(text: string, amount: AmountMatch, previousEnd: number): AmountRole | null {
  const after = text.slice(amount.end, amount.end + 16);
  for (const cue of AFTER_CUES) if (cue.regex.test(after)) return cue.role;
  const windowStart = Math.max(previousEnd, clauseStart(text, amount.start), amount.start - BEFORE_WINDOW);
  const window = text.slice(windowStart, amount.start);
  let best: { role: AmountRole; end: number } | null = null;
  for (const cue of BEFORE_CUES) {
    cue.regex.lastIndex = 0;
    for (let m = cue.regex.exec(window); m; m = cue.regex.exec(window)) {
      const end = m.index + m[0].length;
      if (m[0].length === 0) { cue.regex.lastIndex++; continue; }
      if (!best || end > best.end) best = { role: cue.role, end };
    }
  }
  if (best && (best.role === "increaseTarget" || best.role === "increaseDelta") && !RAISE_WORDS.test(text)) {
    return "generic";
  }
  return best?.role ?? null;
}

// "보증금 500에 월세 45" and "1000/50": bare figures that mean 만원 in Korean rental talk.
const BARE_MANWON = /(보증금|월세|전세금?)\s*(?:은|는|이|가)?\s*(\d{1,3}(?:,\d{3})+|\d{1,5})(?![\d.,/]|\s*(?:억|천|백|만|원|%|평|㎡|년|개월|월|일|세|살|층|호|명|달))/g;
const SLASH_RENT = /(?<![\d/.])(\d{2,5})\s*\/\s*(\d{2,3})(?![\d/.])/g;

function bareRentalAmounts(text: string, taken: AmountMatch[]): { match: AmountMatch; role: AmountRole }[] {
  const found: { match: AmountMatch; role: AmountRole }[] = [];
  const overlaps = (start: number, end: number) => taken.some((t) => start < t.end && end > t.start);
  BARE_MANWON.lastIndex = 0;
  for (let m = BARE_MANWON.exec(text); m; m = BARE_MANWON.exec(text)) {
    const start = m.index + m[0].length - m[2].length;
    const end = m.index + m[0].length;
    if (overlaps(start, end)) continue;
    const role: AmountRole = m[1] === "월세" ? "monthlyRent" : "deposit";
    found.push({ match: { value: Number(m[2].replace(/,/g, "")) * 10_000, currency: "KRW", start, end, text: m[2] }, role });
  }
  if (/월세/.test(text)) {
    SLASH_RENT.lastIndex = 0;
    for (let m = SLASH_RENT.exec(text); m; m = SLASH_RENT.exec(text)) {
      const end = m.index + m[0].length;
      if (overlaps(m.index, end)) continue;
      const depositMatch: AmountMatch = { value: Number(m[1]) * 10_000, currency: "KRW", start: m.index, end: m.index + m[1].length, text: m[1] };
      const rentMatch: AmountMatch = { value: Number(m[2]) * 10_000, currency: "KRW", start: end - m[2].length, end, text: m[2] };
      found.push({ match: depositMatch, role: "deposit" }, { match: rentMatch, role: "monthlyRent" });
    }
  }
  return found;
}

const PROPERTY_TYPES: { type: NonNullable<Entities["propertyType"]>; regex: RegExp }[] = [
  { type: "apartment", regex: /아파트|\bapartments?\b|\bapts?\b/i },
  { type: "officetel", regex: /오피스텔|officetels?/i },
  { type: "villa", regex: /빌라|다세대|연립|\bvillas?\b|multi-family|multi-unit/i },
  { type: "house", regex: /단독\s*주택|다가구|단독|detached\s+house|single-family/i },
  { type: "commercial", regex: /상가|점포|사무실|commercial|office\s+space|\bstore\b|\bshop\b/i },
];

const TRANSACTION_TYPES: { type: NonNullable<Entities["transactionType"]>; regex: RegExp }[] = [
  { type: "monthly", regex: /월세|반전세|월\s*차임|monthly\s+rent|rent\s+(?:per|a)\s+month|\bwolse\b/i },
  { type: "jeonse", regex: /전세(?!\s*가율)|전셋|jeonse|chonsei|key\s+money/i },
  { type: "sale", regex: /매매(?!\s*가)|매수|매도|매입|구입|구매|분양|사려|사고\s*싶|살까|집을\s*사|내\s*집\s*마련|주택\s*담보|\bbuy(?:ing)?\b|purchas|for\s+sale|\bsell|mortgage\s+(?:loan|payment)/i },
];

function firstOf<T extends { regex: RegExp }>(text: string, list: T[]): T | undefined {
  let best: { item: T; index: number } | undefined;
  for (const item of list) {
    const m = item.regex.exec(text);
    if (m && (!best || m.index < best.index)) best = { item, index: m.index };
  }
  return best?.item;
}

function transactionTypeOf(text: string): Entities["transactionType"] {
  const found = firstOf(text, TRANSACTION_TYPES);
  if (found) return found.type;
  // "English rent" without jeonse is monthly rent; "매매가" alone only names a comparison price.
  if (/\brent(?:s|ing|al)?\b/i.test(text)) return "monthly";
  if (/매매가|sale\s+price/i.test(text)) return "sale";
  return undefined;
}

const CLAUSE_MARKER = /제\s*\d+\s*조|특약\s*사항|\[특약\]|\bArticle\s+\d+|^\s*\d+\.\s+(?:임차인|임대인|The\s+(?:tenant|lessee|lessor|landlord))/im;
const CONTRACT_HEADING = /^(?!.*(?:검토|봐|확인|review|check)).{0,30}(?:계약서|agreement|contract)\s*$/i;
/**
 * A quoted clause. An apostrophe inside or next to a Latin word ("I've", "landlord's", "there's") is not a
 * quote mark, so an English question with two contractions is not read as a pasted clause.
 */
const QUOTED_CLAUSE = /(?<![A-Za-z0-9])['"‘“「『]((?:[^'"’”」』]|(?<=[A-Za-z])['’](?=[A-Za-z])){15,}?)['"’”」』](?![A-Za-z])/g;
const CONTRACT_LANGUAGE = /임차인|임대인|세입자|집주인|tenant|landlord|lessee|lessor|shall|한다|하여야|부담/i;

/** The contract text pasted into the question: from its first clause (or heading) to the end, or quoted clauses. */
export function findContractText(text: string): string | undefined {
  const lines = text.split(/\r?\n/);
  const markerLine = lines.findIndex((line) => CLAUSE_MARKER.test(line));
  const markerCount = (text.match(new RegExp(CLAUSE_MARKER.source, "gim")) ?? []).length;
  if (markerLine >= 0 && (markerCount >= 2 || text.length >= 150)) {
    const first = markerLine > 0 && CONTRACT_HEADING.test(lines[markerLine - 1]) ? markerLine - 1 : markerLine;
    if (first > 0 || lines.length > 1) return lines.slice(first).join("\n").trim();
    // One line: cut at the first marker so the request before it stays out.
    const at = text.search(CLAUSE_MARKER);
    return text.slice(at).trim();
  }
  const quoted: string[] = [];
  QUOTED_CLAUSE.lastIndex = 0;
  for (let m = QUOTED_CLAUSE.exec(text); m; m = QUOTED_CLAUSE.exec(text)) {
    if (CONTRACT_LANGUAGE.test(m[1])) quoted.push(m[1].trim());
  }
  return quoted.length > 0 ? quoted.join("\n") : undefined;
}

function contractTransactionType(contract: string): Entities["transactionType"] {
  if (/월세|차임|monthly\s+rent|rent\s+of/i.test(contract)) return "monthly";
  if (/매매\s*대금|매도인|매수인|purchase\s+price|seller|buyer/i.test(contract)) return "sale";
  if (/전세|보증금|deposit/i.test(contract)) return "jeonse";
  return undefined;
}

function placeAmounts(text: string, entities: Entities): void {
  const amounts = findKrwAmounts(text);
  const placed = [
    ...amounts.map((match, i) => ({ match, role: roleOf(text, match, i > 0 ? amounts[i - 1].end : 0) })),
    ...bareRentalAmounts(text, amounts),
  ].sort((a, b) => a.match.start - b.match.start);

  const other: number[] = [];
  const setOnce = (key: "price" | "deposit" | "monthlyRent" | "annualIncome" | "proposedDeposit" | "proposedMonthlyRent", value: number) => {
    if (entities[key] === undefined) entities[key] = value;
    else if (entities[key] !== value) other.push(value);
  };
  let lastRentalRole: "deposit" | "monthlyRent" | null = null;
  for (const { match, role } of placed) {
    const value = match.value;
    const rentIsNear = /월세|rent/i.test(text.slice(Math.max(0, match.start - 20), match.start));
    const defaultRole = (): AmountRole | null => {
      if (entities.transactionType === "sale") return "price";
      if (entities.transactionType === "jeonse") return "deposit";
      if (entities.transactionType === "monthly") return value < 5_000_000 ? "monthlyRent" : "deposit";
      return null;
    };
    const resolved = role === "generic" || role === null ? defaultRole() : role;
    switch (resolved) {
      case "price": setOnce("price", value); break;
      case "deposit": setOnce("deposit", value); lastRentalRole = "deposit"; break;
      case "monthlyRent": setOnce("monthlyRent", value); lastRentalRole = "monthlyRent"; break;
      case "income": setOnce("annualIncome", value); break;
      case "monthlyIncome": setOnce("annualIncome", value * 12); break;
      case "increaseTarget":
      case "increaseDelta": {
        const base = rentIsNear || (lastRentalRole === "monthlyRent" && value < 5_000_000)
          ? "monthlyRent"
          : lastRentalRole ?? (entities.transactionType === "monthly" && value < 5_000_000 ? "monthlyRent" : "deposit");
        const current = entities[base];
        const proposed = resolved === "increaseTarget" ? value : current !== undefined ? current + value : undefined;
        if (proposed === undefined) other.push(value);
        else setOnce(base === "monthlyRent" ? "proposedMonthlyRent" : "proposedDeposit", proposed);
        break;
      }
      default: other.push(value);
    }
  }
  if (other.length > 0) entities.amounts = other;
}

const PERCENT = /(\d{1,3}(?:\.\d{1,2})?)\s*(?:%|％|퍼센트|프로(?!그램|젝트)|percent\b|pct\b)/giu;
const INCREASE_WORD = /인상|올려|올린|올리|올라|증액|더\s*달라|raise|increase|hike|put\s+up|go(?:es|ing)?\s+up|bump/iu;
const NOT_AN_INCREASE = /금리|이자|LTV|DSR|DTI|수수료|요율|세율|취득세|수익률|전환율|interest|rate\s+of\s+return|yield|commission|fee|tax/iu;

/**
 * A proposed deposit/rent increase written as a percentage ("10% 올려 달래요", "raise it by 8%"): the
 * percentage nearest an increase word, when the sentence is not about rates, fees or taxes.
 */
export function findIncreasePercent(text: string): number | undefined {
  return findIncrease(text)?.percent;
}

// "5% 넘게 올려도 돼요?", "more than 5%": the question asks about going beyond the percentage, not about it.
const ABOVE_AFTER = /^\s*(?:을|를|가|이)?\s*(?:넘게|넘어|넘는|넘겨|넘기|넘으|초과|이상|보다\s*(?:많이|더))/u;
const ABOVE_BEFORE = /(?:more\s+than|over|above|beyond|exceed(?:ing|s)?|in\s+excess\s+of)\s*$/iu;

/** Whether the percentage at text[start, end) is asked about as a lower bound ("5% 넘게", "more than 5%"). */
export function asksMoreThan(text: string, start: number, end: number): boolean {
  return ABOVE_AFTER.test(text.slice(end, end + 12)) || ABOVE_BEFORE.test(text.slice(Math.max(0, start - 20), start));
}

/** The increase percentage a question names, and whether it asks about more than that ("5% 넘게"). */
export function findIncrease(text: string): { percent: number; above: boolean } | undefined {
  for (const m of text.matchAll(PERCENT)) {
    const value = Number(m[1]);
    if (!(value > 0 && value <= 100)) continue;
    const start = m.index ?? 0;
    const end = start + m[0].length;
    const around = text.slice(Math.max(0, start - 40), end + 20);
    if (!INCREASE_WORD.test(around) || NOT_AN_INCREASE.test(around)) continue;
    return { percent: value, above: asksMoreThan(text, start, end) };
  }
  return undefined;
}

/** Everything the rules planner reads out of a question. `today` resolves dates written without a year. */
export function extractEntities(text: string, today: Date = new Date()): Entities {
  const entities: Entities = {};
  const region = findRegion(text);
  if (region) entities.region = region;
  const propertyType = firstOf(text, PROPERTY_TYPES)?.type;
  if (propertyType) entities.propertyType = propertyType;
  const contractText = findContractText(text);
  // A pasted contract talks about sale, mortgages and deposits in its clauses; the request decides the
  // transaction, the contract only when the request does not say.
  const request = contractText ? text.replace(contractText, " ") : text;
  const transactionType = transactionTypeOf(request) ?? (contractText ? contractTransactionType(contractText) : undefined);
  if (transactionType) entities.transactionType = transactionType;

  placeAmounts(text, entities);
  const increase = findIncrease(text);
  if (increase) {
    entities.increasePercent = increase.percent;
    if (increase.above) entities.increaseAbove = true;
  }

  const areas = findAreas(text);
  if (areas.length > 0) entities.areaM2 = areas[0].areaM2;
  const dates = findDates(text, today);
  if (dates.length > 0) entities.dates = dates;
  const profile = findBuyerProfile(text);
  if (profile) entities.buyerProfile = profile;

  if (contractText) entities.contractText = contractText;
  if (transactionType && (contractText || /계약|contract|lease|agreement/i.test(text))) {
    entities.contractType = transactionType;
  }
  return entities;
}
