// Who is asking, as housing-finance programmes care about it: newlywed, youth, first home, no home,
// age and children, read from Korean or English phrasing ("신혼부부", "만 29세", "first-time buyer").
import type { Entities } from "../types";

export type BuyerProfile = NonNullable<Entities["buyerProfile"]>;

const NEWLYWED = /신혼|예비\s*부부|결혼\s*(?:예정|을?\s*앞두|한\s*지|한지|\d+\s*년\s*차)|newly\s*-?weds?|just\s+(?:got\s+)?married|recently\s+married|getting\s+married/i;
const YOUTH = /청년|사회\s*초년생|\byouths?\b|young\s+(?:adult|person|people|worker|professional)s?|\bin\s+my\s+(?:twenties|20s)\b/i;
const FIRST_HOME = /생애\s*최초|첫\s*(?:내\s*)?(?:집|주택)|처음\s*(?:으로\s*)?(?:내\s*)?집을?\s*(?:사|마련|구입)|내\s*집\s*마련|first[-\s]+(?:time\s+)?(?:home|house|buyer|apartment|property)|(?:buy|buying|purchase|purchasing)\s+(?:our|my)\s+first\b/i;
const HOMELESS = /무주택|집이\s*없|집\s*없는|\bhomeless\b|(?:don'?t|do\s+not|doesn'?t|never)\s+(?:own|owned)\s+(?:a\s+|any\s+)?(?:home|house|property)|no\s+(?:home|house)\s+of\s+(?:my|our)\s+own/i;

const AGE_PATTERNS: RegExp[] = [
  /만\s*(\d{2})\s*세/,
  /(\d{2})\s*(?:세|살)(?!\s*대)/,
  /나이(?:는|가)?\s*(\d{2})/,
  /\b(\d{2})\s*(?:years?[-\s]old|yrs?\s+old|y\/o)\b/i,
  /\baged?\s+(\d{2})\b/i,
  /\bI'?m\s+(\d{2})\b(?!\s*(?:million|billion|thousand|%|㎡|m²|m2|pyeong|years?\s+(?:into|of)|won))/i,
  /\bI\s+am\s+(\d{2})\b(?!\s*(?:million|billion|thousand|%|won))/i,
];

const WORD_COUNTS: Record<string, number> = { 하나: 1, 한: 1, 둘: 2, 두: 2, 셋: 3, 세: 3, 넷: 4, 네: 4, one: 1, two: 2, three: 3, four: 4 };
const CHILDREN_PATTERNS: RegExp[] = [
  /(?:자녀|아이|애)(?:가|는)?\s*(\d+|하나|둘|셋|넷|한|두|세|네)\s*(?:명|이)?/,
  /\b(\d+|one|two|three|four)\s+(?:kids|children|child)\b/i,
];

function readAge(text: string): number | undefined {
  for (const pattern of AGE_PATTERNS) {
    const m = pattern.exec(text);
    if (!m) continue;
    const age = Number(m[1]);
    if (age >= 15 && age <= 99) return age;
  }
  return undefined;
}

function readChildren(text: string): number | undefined {
  for (const pattern of CHILDREN_PATTERNS) {
    const m = pattern.exec(text);
    if (!m) continue;
    const raw = m[1].toLowerCase();
    const count = /^\d+$/.test(raw) ? Number(raw) : WORD_COUNTS[raw];
    if (count !== undefined && count >= 0 && count <= 10) return count;
  }
  return undefined;
}

/** The buyer profile stated in the text, or undefined when it states none. Only what is said is set. */
export function findBuyerProfile(text: string): BuyerProfile | undefined {
  const profile: BuyerProfile = {};
  if (NEWLYWED.test(text)) profile.newlywed = true;
  if (YOUTH.test(text)) profile.youth = true;
  if (FIRST_HOME.test(text)) profile.firstHome = true;
  if (HOMELESS.test(text)) profile.homeless = true;
  const age = readAge(text);
  if (age !== undefined) profile.age = age;
  const children = readChildren(text);
  if (children !== undefined) profile.children = children;
  return Object.keys(profile).length > 0 ? profile : undefined;
}
