// Rules for the kind of question (definition, permissibility, amount, procedure, …): cue words in
// Korean and English. The statistical classifier reads these as features; they also stand in when it is unsure.

import { QUESTION_TYPES, type QuestionType } from "../types";

export { QUESTION_TYPES, type QuestionType };

/** Cue patterns per type, strongest-first order decides ties (drafting and review name the task outright). */
const QUESTION_TYPE_CUES: [QuestionType, RegExp][] = [
  ["drafting", /계약서.{0,12}(?:초안|작성|써\s*(?:주|줘)|만들어|뽑아)|특약.{0,10}(?:넣|써\s*(?:주|줘)|작성|만들어|추천)|초안|양식|서식|\bdraft\w*|\bwrite\s+(?:up\s+)?(?:me\s+)?(?:an?\s+|the\s+)?(?:\w+\s+){0,3}(?:lease|contract|agreement|clause)|\btemplate\b/i],
  ["review", /검토|독소\s*조항|불리한\s*조항|봐\s*(?:주|줘)|봐줘|확인해\s*(?:주|줘)|서명해도|사인해도|도장\s*찍어도|\breview\b|\bcheck\s+(?:this|my|the)\s+(?:contract|lease|clause)|\bshould\s+i\s+sign\b|\bunfair\s+terms?\b/i],
  ["calculation", /계산|수익률|위약금\s*(?:얼마|계산)|전환\s*(?:하면|시|율로)|월\s*상환액|매달\s*(?:얼마|갚)|몇\s*%\s*(?:야|예요|인가요|인지)|\bcalculat\w*|\bcompute\b|\bmonthly\s+(?:payment|repayment)s?\b|\byield\b|\broi\b/i],
  ["comparison", /\bvs\.?\b|비교|어디가\s*(?:더\s*)?(?:나|좋|싸)|뭐가\s*(?:더\s*)?(?:나|좋|유리)|어느\s*(?:쪽|게|것)|나을까|나아요|나은지|유리한가|추이|상승률|하락률|오르고\s*있|내리고\s*있|떨어지고\s*있|변화|전년\s*대비|\bcompar\w*|\bversus\b|\bbetter\b|\btrend\w*|\bover\s+the\s+(?:last|past)\b|\bgoing\s+(?:up|down)\b/i],
  ["eligibility", /자격|조건|대상(?:이|이\s*되|인가|인지|자)|받을\s*수\s*있|해당\s*(?:되|돼)|가능한\s*사람|\beligib\w*|\bqualif\w*|\brequirements?\b|\bcan\s+i\s+(?:get|apply)\b/i],
  ["definition", /(?:이|가)?\s*뭐(?:예요|에요|야|임|죠|지|인가요|인지)|무엇인가요|무슨\s*뜻|뜻이|의미가?|란\??$|이란|\bwhat\s+(?:is|are|does)\s+(?:a\s+|an\s+|the\s+)?(?:\w+\s+){0,3}(?:mean|means)?\b|\bmeaning\b|\bdefin\w*|\bexplain\b/i],
  ["permissibility", /되나요|돼요\?|되요\?|될까요|해도\s*(?:돼|되|될)|가능한가요|가능해요|가능할까|가능\s*(?:함|임|한지)|합법|불법|법적으로|괜찮나요|괜찮은가요|맞나요|의무|해야\s*(?:하나요|돼요|되나요|함)|\bcan\s+(?:my|the|a|i|he|she|they)\b|\bis\s+it\s+(?:legal|allowed|ok)|\ballowed\b|\blegal\b|\bdo\s+i\s+have\s+to\b|\bmust\b/i],
  ["procedure", /어떻게|방법|절차|순서|하는\s*법|받는\s*법|는법|뭐부터|\bhow\s+(?:do|can|should|to)\b|\bsteps?\b|\bprocess\b|\bprocedure\b/i],
  ["amount", /얼마|한도|시세|몇\s*(?:억|천|만|%|퍼)|금리|수수료|요율|비용|가격|\bhow\s+much\b|\bwhat\s+(?:is|are)\s+the\s+(?:\w+\s+)?(?:price|rate|fee|limit|cost)s?\b|\blimit\b|\bcost\b|\bfee\b|\brates?\b|\bprices?\b/i],
];

export interface QuestionTypeCues {
  /** The first type whose cue matched, in the order above, or "other". */
  type: QuestionType;
  /** Every type with a cue in the question (classifier features). */
  matched: QuestionType[];
}

export function questionTypeCues(text: string): QuestionTypeCues {
  const matched = QUESTION_TYPE_CUES.filter(([, regex]) => regex.test(text)).map(([type]) => type);
  return { type: matched[0] ?? "other", matched };
}

/**
 * The question asks what something means, in any of the ways people write it ("뭔가요", "뭔지", "무엇을 말하나요",
 * "라는 게 뭐예요", "what does … stand for"). Broader than the definition cue above, which the classifier was
 * trained on as a feature and so stays as it was; understanding.ts uses this one only together with a term the
 * glossary defines.
 */
const DEFINITION_ASK = new RegExp([
  "뭐(?:예요|에요|야|임|죠|지|냐|니|인가요|인지|인데|일까)", "뭔(?:가요|지|데|가)", "뭡니까", "뭘\\s*(?:말|뜻|의미)하",
  "무엇(?:인가요|입니까|이에요|이죠|인지|이야|일까)", "무엇을\\s*(?:말|뜻|의미)하", "무슨\\s*(?:뜻|말|의미)", "어떤\\s*(?:뜻|의미|개념)",
  "뜻", "의미", "개념", "이란", "란\\s*(?:\\?|$|무엇|뭐)", "라는\\s*(?:게|것이|건|거)",
  "\\bwhat\\s+(?:is|are|was)\\b", "\\bwhat'?s\\b", "\\bwhat\\s+does\\b.*\\b(?:mean|stand\\s+for)\\b", "\\bmeaning\\b",
  "\\bdefin(?:e|ition)\\b", "\\bexplain\\s+(?:what|the\\s+term)\\b",
].join("|"), "i");

export function asksWhatItMeans(text: string): boolean {
  return DEFINITION_ASK.test(text.trim());
}

/**
 * "어떻게 하면 되나요", "어떻게 받으면 돼요", "어떻게 신청하면 되나요", "어떻게 해야 하나요": how to do something, asked
 * with a verb between 어떻게 and the ending. Its "되나요" also reads as a permissibility cue, and the model often takes
 * it that way. "어떻게 되나요" alone asks what happens, and does not match. Not a classifier feature, for the same
 * reason as DEFINITION_ASK.
 */
const HOW_TO = /어떻게\s*(?:[가-힣]+\s+){0,2}[가-힣]*(?:면|해야|어야|아야)\s*(?:되나요|돼요|되요|될까요|됩니까|되죠|하나요|해요|합니까|할까요)/;

export function asksForSteps(text: string): boolean {
  return HOW_TO.test(text);
}
