// Rules intent classification: weighted Korean/English cue words per need (law, market, loan, contract
// drafting/review, risk), combined into one of the nine intents with a confidence and the words that decided it.
import type { Intent } from "../types";

export const NEEDS = ["review", "creation", "risk", "loan", "legal", "market"] as const;
export type Need = (typeof NEEDS)[number];

interface Cue {
  regex: RegExp;
  weight: number;
}

const cue = (weight: number, regex: RegExp): Cue => ({
  weight,
  regex: new RegExp(regex.source, regex.flags.includes("g") ? regex.flags : `${regex.flags}g`),
});
/** A cue from a list of alternatives (each a regex source), so long word lists stay readable. */
const cues = (weight: number, alternatives: string[], flags = ""): Cue => cue(weight, new RegExp(alternatives.join("|"), flags));

/** English ways of asking how to keep a deposit safe ("protect my deposit", "get my deposit back"). */
const DEPOSIT_PROTECTION_EN = [
  "\\bprotect(?:ing|ion\\s+of)?\\s+(?:my|the|our|your|a)\\s+(?:\\w+\\s+){0,2}deposit",
  "\\bdeposit\\s+protection", "\\bsafeguard\\w*\\s+(?:my|the|our)\\s+(?:\\w+\\s+)?deposit",
  "\\bkeep\\s+(?:my|the|our)\\s+(?:\\w+\\s+)?deposit\\s+safe", "\\bsecur(?:e|ing)\\s+(?:my|the|our)\\s+(?:\\w+\\s+)?deposit",
  "\\bget\\s+(?:my|the|our)\\s+(?:\\w+\\s+)?deposit\\s+back",
].join("|");
const DEPOSIT_PROTECTION = new RegExp(
  `(?:보증금|전세금).{0,8}(?:지키|지킬|지켜|보호|돌려\\s*받|떼이지|안전하게)|${DEPOSIT_PROTECTION_EN}`, "i");
/**
 * Words judging a price ("is it fair", "a good deal", "괜찮은 가격", "시세보다"). They count as a
 * market need only next to a place or an amount: "is it fair that he keeps my deposit" is about law.
 */
const PRICE_VERDICT_EN = new RegExp([
  "\\bfair\\b(?!\\s+(?:that|to|for|if|when)\\b)", "\\breasonabl[ey]\\b", "\\bover-?priced\\b", "\\bunder-?priced\\b", "\\bgood\\s+deal\\b", "\\bbargain\\b",
  "\\brip-?off\\b", "\\btoo\\s+(?:high|much|expensive)\\b", "\\bworth\\s+it\\b", "\\b(?:above|below)\\s+(?:the\\s+)?market\\b",
  "적절", "합리적", "괜찮은\\s*(?:가격|금액|조건)", "비싼\\s*(?:건|거|편|가)", "바가지", "시세보다", "시세\\s*대비",
].join("|"), "i");

const NEED_CUES: Record<Need, Cue[]> = {
  legal: [
    cues(3, [
      "임대차\\s*보호법", "주택\\s*임대차", "임대차법", "계약\\s*갱신\\s*청구", "갱신\\s*청구", "묵시적\\s*갱신", "대항력", "우선\\s*변제",
      "확정\\s*일자", "전입\\s*신고", "임차권\\s*등기", "내용\\s*증명", "지급\\s*명령", "명도",
    ]),
    cue(3, /법적|합법|불법|법률|법원|법상|법으로|법에|소송|권리|(?:보증금|전세금).{0,8}(?:지키|지킬|지켜|보호|돌려\s*받|떼이지|안전하게)/),
    cue(3, /\d+\s*%\s*(?:이상|넘|초과|상한|까지|룰)|인상\s*(?:한도|상한|률|율)|올려\s*달|올리겠|올린대|올린다고/),
    cues(2, [
      "계약\\s*기간\\s*(?:중|전)에?\\s*(?:나가|이사)", "중간에\\s*(?:나가|이사)", "나가래", "나가\\s*달", "관리비", "중개\\s*수수료", "복비",
      "신고할", "신고\\s*(?:가능|하려)", "고소", "마음대로", "따라야", "누가\\s*(?:내|부담)", "나가라", "퇴거", "내보낼", "내보내", "내쫓", "쫓아",
      "월세(?:를|가)?.{0,8}(?:안\\s*내|밀|연체)", "연체", "갱신\\s*거절", "거절", "실거주", "원상\\s*복구", "수리", "수선", "고장",
      "보증금(?:을|이)?\\s*(?:안|못)\\s*(?:돌려|줘|주|받)", "돌려\\s*받", "돌려\\s*주지", "안\\s*돌려", "중도\\s*해지", "해지", "통보", "갱신",
      "재계약", "집주인이\\s*바뀌", "계약(?:은|이)?\\s*(?:그대로\\s*)?유지", "보호\\s*받", "지키",
    ]),
    cues(3, [
      "\\blegal(?:ly)?\\b", "\\billegal\\b", "\\blawful\\b", "\\blaws?\\b", "\\bmy\\s+rights\\b",
      "\\brights\\b", "\\bright\\s+to\\b", "\\bentitled\\b", "\\bevict(?:ion|ed)?\\b", "\\bsue\\b",
      "\\bcourt\\b", "\\bprotections?\\b",
      // Keeping a deposit safe is a question of 대항력, 확정일자 and 우선변제: law first.
      DEPOSIT_PROTECTION_EN,
    ], "i"),
    cues(3, [
      "\\b(?:raise|increase|hike)\\w*\\s+(?:the\\s+|my\\s+|our\\s+)?(?:monthly\\s+)?(?:rent|deposit)",
      "(?:rent|deposit)\\s+(?:increase|hike)",
    ], "i"),
    cues(2, [
      "\\ballowed\\b", "\\bwhat\\s+happens\\s+to\\s+my\\s+deposit\\b", "\\bleave\\s+(?:before|early)\\b",
      "before\\s+(?:my|the)\\s+(?:[\\w-]+\\s+){0,3}(?:contract|lease)\\s+(?:ends|expires)",
      "early\\s+termination", "\\blose\\s+anything\\b", "\\brenewal\\b", "\\brenew\\b",
      "\\bterminat(?:e|ion)\\b", "break\\s+(?:the|my)\\s+lease", "\\bnotice\\b", "\\brepairs?\\b",
      "wear\\s+and\\s+tear", "return\\s+(?:my|the)\\s+deposit", "deposit\\s+back",
      "keep\\s+(?:part\\s+of\\s+)?my\\s+deposit", "\\bmove\\s+out\\b", "\\bobligat\\w*", "\\bdispute\\b",
      "\\bcan\\s+(?:my|the)\\s+landlord\\b", "\\blegal\\s+limit\\b",
      "without\\s+(?:telling|asking|permission|my\\s+consent)", "\\bentered\\b", "\\bprivacy\\b",
      "\\bunpaid\\s+rent\\b", "\\bstopped\\s+paying\\b", "\\bcommission\\b", "\\bagent'?s\\s+fee\\b",
      "\\bbrokerage\\s+fee\\b", "\\bdo\\s+i\\s+have\\s+to\\b", "\\bwho\\s+pays\\b",
      "\\breport\\s+(?:him|her|them|my\\s+landlord)\\b",
    ], "i"),
  ],
  market: [
    cue(3, /거래량|거래\s*건수|시세|실거래|집값|매물|호가|시장\s*(?:상황|동향)|동향|추이|전망|평균/),
    cue(3, /적정|적당/),
    cues(2, [
      "오를까", "떨어질", "올랐", "내렸", "하락", "상승", "가격", "얼마\\s*(?:정도|쯤)", "어느\\s*정도(?:예요|인가|야|에요|인지)",
      "얼마\\s*(?:해요|하나요|예요|에요|인가요|야|에\\s*(?:나와|거래))", "비싸", "비싼", "저렴", "싼\\s*(?:편|구|곳|동네|데)", "싸게",
      "제일\\s*(?:싼|비싼)", "괜찮은\\s*편",
    ]),
    cues(3, [
      "\\bmarket\\b", "\\bprices?\\b", "\\baverage\\b", "\\btrends?\\b", "\\blistings?\\b", "\\boverpriced\\b",
      "\\bfair\\s+price\\b", "going\\s+(?:up|down)", "\\bwill\\s+prices\\b", "\\bjeonse\\s+rates?\\b",
      "\\brent\\s+for\\b",
    ], "i"),
    cues(2, [
      "\\bhow\\s+much\\s+(?:does|do|is|are)\\b", "\\bworth\\b", "\\bexpensive\\b", "\\bcheap(?:er|est)?\\b",
      "\\btransaction\\s+volume\\b", "\\bsales\\s+volume\\b", "good\\s+time\\s+to\\s+buy", "\\bavailable\\b",
      "\\bshow\\s+me\\b", "\\bunder\\s+\\d", "\\b(?:sell|go|rent|selling|going)\\s+for\\b",
      "\\bthese\\s+days\\b", "\\bany\\s+\\w+\\s+(?:for|near|in)\\b",
    ], "i"),
  ],
  loan: [
    cues(4, [
      "디딤돌", "보금자리론", "버팀목", "LTV", "DSR", "DTI", "주택\\s*담보", "주담대", "전세\\s*자금", "\\bDidimdol\\b",
      "\\bBogeumjari\\b", "\\bBeotimmok\\b", "\\bButimok\\b",
    ], "i"),
    cue(3, /대출(?!이?\s*(?:껴|낀|잡혀|많이\s*껴))|신용대출|갈아타기|대환|정부\s*지원|융자|금리|원리금|특례/),
    cue(2, /이자|상환|한도|청약|정책\s*(?:자금|상품)|지원\s*(?:제도|정책|상품|받|금|뭐)|혜택/),
    cues(3, [
      "\\bloans?\\b(?!\\s+on\\s+(?:it|the\\s+(?:house|property|building|apartment|villa)))",
      "(?<!senior\\s)\\bmortgages?\\b(?!\\s+of\\b)", "\\bborrow\\w*\\b", "interest\\s+rates?",
      "monthly\\s+payment", "\\brepay\\w*", "\\bfinanc(?:ing|e)\\b",
    ], "i"),
    cues(2, [
      "\\bgovernment\\b", "\\bprogram(?:me)?s?\\b", "\\bsubsid\\w*", "\\beligib\\w*", "\\bqualify\\b",
      "\\bschemes?\\b", "\\blimits?\\b",
    ], "i"),
  ],
  creation: [
    cues(4, [
      "계약서\\s*(?:를|좀)?\\s*(?:초안|작성|써|만들|준비)", "계약서.{0,12}(?:뽑아|만들어|작성해|준비해|써\\s*(?:주|줘)|쓰려)",
      "계약서(?:가|이)?\\s*필요", "(?:초안|양식|서식|템플릿)",
    ]),
    cue(2, /작성해|만들어\s*(?:주|줘)|써\s*(?:주|줘)/),
    cues(4, [
      "\\bdraft\\b",
      "\\bwrite\\s+(?:up\\s+)?(?:a|me\\s+a|the|an?)?\\s*(?:\\w+\\s+){0,3}(?:lease|contract|agreement)",
      "\\bwrite\\s+up\\b", "\\btemplate\\b",
      "\\bneed\\s+an?\\s+(?:[\\w-]+\\s+){0,3}(?:lease|contract|agreement)\\b",
      "\\b(?:create|make|put\\s+together|draw\\s+up)\\s+(?:me\\s+)?(?:a\\s+|an\\s+)?(?:\\w+\\s+)?(?:lease|contract|agreement)",
      "\\bprepare\\s+(?:a\\s+)?(?:\\w+\\s+)?(?:lease|contract)",
      "\\bgenerate\\s+(?:a\\s+)?(?:\\w+\\s+)?(?:lease|contract)",
    ], "i"),
  ],
  review: [
    cue(4, /검토|독소\s*조항|불리한\s*조항|서명해도|사인해도|도장\s*찍어도/),
    cue(3, /조항|특약(?:에|이|사항에)|봐\s*주|봐주|확인해\s*주/),
    cues(4, [
      "\\breview\\b", "check\\s+(?:this|my|the)\\s+(?:contract|lease)", "\\bunfair\\s+terms?\\b",
      "should\\s+i\\s+sign", "\\bsign\\s+it\\b",
      "\\b(?:look|go|read)\\s+(?:over|through)\\s+(?:my|this|the|our)\\s+(?:\\w+\\s+){0,2}(?:lease|contract|agreement)",
      "\\b(?:look|glance)\\s+at\\s+(?:my|this|the|our)\\s+(?:\\w+\\s+){0,2}(?:lease|contract|agreement)",
      "\\bproof-?read\\b",
    ], "i"),
    cue(3, /\bclauses?\b|special\s+terms?|\bthis\s+(?:term|clause)\b/i),
  ],
  risk: [
    cue(4, /깡통|전세\s*사기|사기|전세가율|보증\s*보험|HUG|경매|근저당|선순위|떼일|떼이|날릴/),
    cue(4, /신탁|세금\s*체납|국세\s*체납|전세가\s*비율|빌라왕|임대\s*사업자|다주택|대출이?\s*(?:껴|낀|잡혀)/),
    cue(4, /매매가.{0,10}전세가|전세가.{0,10}매매가|차이가\s*(?:거의\s*)?없/),
    cue(3, /들어가도\s*(?:될|되|돼|괜찮)|계약해도\s*(?:될|되|돼|괜찮)/),
    cue(3, /위험|안전|등기부|무서|걱정/),
    cues(4, [
      "\\bscams?\\b", "\\bfraud\\w*", "\\brisk\\w*", "\\bsafe(?:ly|ty)?\\b", "\\bauction\\b", "\\bliens?\\b",
      "senior\\s+mortgage", "jeonse\\s+ratio", "guarantee\\s+insurance", "lose\\s+(?:my|the)\\s+deposit",
      "\\d+\\s*%\\s+of\\s+the\\s+(?:sale|purchase|market)\\s+price",
      "(?:loan|debt|mortgage)s?\\s+on\\s+(?:it|the\\s+(?:house|property|building|apartment|villa))",
      "\\bworr(?:y|ied)\\b", "red\\s+flags?", "unpaid\\s+taxes", "tax\\s+arrears", "\\bdebts?\\b",
    ], "i"),
  ],
};

const INCREASE = new RegExp([
  "인상", "올려", "올리", "올린", "증액", "더\\s*달라", "5\\s*%", "상한", "전환", "전월세", "\\braise\\b", "\\bincrease\\b",
  "\\bhike\\b", "\\bconver(?:t|sion)\\b", "\\bcap\\b",
].join("|"), "i");
const LISTINGS = /매물|나와\s*있|구해|찾아|\blistings?\b|\bavailable\b|\bshow\s+me\b|\bfind\s+me\b|\blooking\s+for\b/i;
const FIXES = new RegExp([
  "고치", "고쳐", "수정", "바꿔", "바꾸", "대안\\s*(?:문구|조항)", "\\bfix\\w*", "\\bsuggest\\w*", "\\bcorrect\\w*",
  "\\brewrit\\w*", "\\brevis\\w*", "\\bamend\\w*", "better\\s+wording",
].join("|"), "i");
const JUDGEMENT = new RegExp([
  "적정", "적당", "괜찮", "비싼", "비싸", "싼\\s*편", "싸게", "높은\\s*편", "낮은\\s*편", "시세보다",
  "\\b(?:above|below)\\s+(?:the\\s+)?market\\b", "합리", "\\bfair\\b", "\\boverpriced\\b", "\\breasonable\\b",
  "good\\s+deal", "too\\s+(?:high|much)", "\\bworth\\s+it\\b",
].join("|"), "i");
const POLICY = new RegExp([
  "정책", "지원", "혜택", "청약", "신혼", "청년", "생애\\s*최초", "무주택", "\\bgovernment\\b", "\\bprogram(?:me)?s?\\b",
  "\\bsubsid\\w*", "\\beligib\\w*", "\\bnewly\\s*-?weds?\\b", "\\bfirst[-\\s]+(?:time\\s+)?(?:home|buyer)",
  "\\byouth\\b",
].join("|"), "i");

/** Words that make a text about housing or real estate at all (the line between "vague" and "not ours"). */
export const HOUSING = new RegExp([
  "(?<![모수편채소맛])집(?!중|합|단|계|회|필|행|착|게)", "주택", "보증금", "전입", "확정\\s*일자", "등기", "\\bmortgages?\\b", "부동산", "아파트",
  "대출", "주담대", "디딤돌", "보금자리", "버팀목", "코픽스", "\\bCOFIX\\b", "주택연금", "재개발",
  "대항력", "우선\\s*변제", "임차권", "갱신\\s*(?:요구|청구)", "묵시적\\s*갱신", "근저당", "등기부", "중개\\s*보수", "배액\\s*배상",
  "가계약", "잔금", "중도금", "임대인", "임차인", "전월세", "모기지", "특공", "특별\\s*공급", "다주택", "무주택", "재건축", "청약", "분양", "중개", "복비", "공시\\s*(?:가격|지가)", "관리비", "층간\\s*소음", "깡통", "평수",
  "\\bLTV\\b", "\\bDSR\\b", "\\bDTI\\b", "\\bloans?\\b", "\\bbroker", "\\brealtor", "\\bvilla\\b", "\\bofficetel",
  "빌라", "오피스텔", "원룸", "전세", "월세", "매매", "이사", "임대", "임차", "집주인", "세입자", "계약", "\\bhous(?:e|ing)\\b",
  "\\bhomes?\\b", "\\bapartments?\\b", "\\bflat\\b", "\\brent\\w*", "\\blease\\b", "\\blandlord\\b",
  "\\btenant\\b", "real\\s+estate", "\\bpropert(?:y|ies)\\b", "\\bdeposit\\b", "\\bjeonse\\b",
].join("|"), "i");
const LANDLORD_TENANT = /집주인|세입자|임대인|임차인|새\s*주인|\blandlord\b|\btenant\b|\blessor\b|\blessee\b/i;
const CONTRACT_CONTEXT = /계약서|계약\s*내용|특약|조항|문구|\bcontract\b|\blease\b|\bclauses?\b|\bterms?\b|\bwording\b/i;
const GENERIC_HELP = new RegExp([
  "도와\\s*(?:줘|주세요|주실)?", "도움", "질문", "물어(?:볼|봐)", "궁금", "어떻게\\s*해야", "알려\\s*(?:줘|주세요)", "\\bhelp\\b",
  "\\bquestions?\\b", "\\bassist\\w*", "what\\s+(?:should|do)\\s+i\\s+do", "\\bhi\\b", "\\bhello\\b",
  "\\bhey\\b", "안녕", "ㅎㅇ", "하이",
].join("|"), "gi");

export interface Classification {
  intent: Intent;
  confidence: number;
  keywords: string[];
  /** The needs found, strongest first, after folding needs one team plan already covers. */
  needs: Need[];
  scores: Record<Need, number>;
  wantsIncreaseCheck: boolean;
  wantsListings: boolean;
  wantsFixes: boolean;
  wantsJudgement: boolean;
  wantsPolicy: boolean;
  /** Asks how to keep a deposit safe (대항력·확정일자·반환보증), in either language. */
  wantsDepositProtection: boolean;
}

const INTENT_OF: Record<Need, Intent> = {
  legal: "LEGAL_CONSULT", market: "MARKET_INQUIRY", loan: "LOAN_CONSULT",
  creation: "CONTRACT_CREATION", review: "CONTRACT_REVIEW", risk: "RISK_ANALYSIS",
};

/** A need counts as its own part of the question from this score; a lone weaker cue rides along. */
const NEED_THRESHOLD = 3;

function scoreNeeds(request: string): { scores: Record<Need, number>; keywords: string[] } {
  const scores = { legal: 0, market: 0, loan: 0, creation: 0, review: 0, risk: 0 } as Record<Need, number>;
  const keywords: string[] = [];
  for (const need of NEEDS) {
    for (const { regex, weight } of NEED_CUES[need]) {
      regex.lastIndex = 0;
      for (let m = regex.exec(request); m; m = regex.exec(request)) {
        scores[need] += weight;
        const word = m[0].trim().toLowerCase();
        if (word && !keywords.includes(word)) keywords.push(word);
      }
    }
  }
  return { scores, keywords };
}

/** Needs that another need's plan already covers are folded into it (risk already reads market and law). */
function foldNeeds(present: Set<Need>): Need[] {
  if (present.has("review")) { present.delete("legal"); present.delete("risk"); present.delete("creation"); }
  if (present.has("creation")) { present.delete("legal"); }
  if (present.has("risk")) { present.delete("market"); present.delete("legal"); }
  return NEEDS.filter((need) => present.has(need));
}

function isVagueHousingOrHelp(request: string): boolean {
  if (HOUSING.test(request)) return true;
  GENERIC_HELP.lastIndex = 0;
  if (!GENERIC_HELP.test(request)) return false;
  const stripped = request.replace(GENERIC_HELP, "").replace(/[\s\p{P}\p{S}]|좀|저|제가|이거|그거|이것|돼요|되나요|나요|요/gu, "");
  return stripped.length < 8;
}

/**
 * Classifies the request.
 * - `hasContractText`: the question carries a pasted contract; pass the request without it, so its
 *   clauses (근저당, 대출…) do not read as the user's own needs.
 * - `namesPlaceOrFigure`: the question names a district or an amount.
 * - `jeonseRatio`: its jeonse deposit ÷ sale price, when it gives both.
 */
export function classifyIntent(
  request: string,
  options: { hasContractText?: boolean; namesPlaceOrFigure?: boolean; jeonseRatio?: number } = {},
): Classification {
  const { scores, keywords } = scoreNeeds(request);
  if (options.hasContractText) scores.review += 5;
  // "봐주세요" alone is just "please look"; reviewing needs a contract, clause or wording to look at.
  else if (!CONTRACT_CONTEXT.test(request)) scores.review = 0;
  // A jeonse deposit at 80% or more of the sale price is the textbook 깡통전세 warning sign.
  if (options.jeonseRatio !== undefined && options.jeonseRatio >= 0.8) scores.risk += 3;
  // A housing question with no recognisable ask is still answerable: a landlord–tenant situation told
  // in more than a word or two is most often a question of law, and one naming a district or a price
  // ("은평구 빌라 전세 요즘?") is most often about the market there. Both get a weak need.
  if (NEEDS.every((need) => scores[need] === 0) && HOUSING.test(request)) {
    if (LANDLORD_TENANT.test(request) && request.replace(/\s/g, "").length >= 15) scores.legal = 1;
    else if (options.namesPlaceOrFigure) scores.market = 1;
  }
  // "Is a 400 million won jeonse in Mapo-gu fair?" asks for a market verdict as plainly as "적정한가요?".
  const verdict = options.namesPlaceOrFigure ? PRICE_VERDICT_EN.exec(request) : null;
  if (verdict && scores.market < NEED_THRESHOLD) {
    scores.market += NEED_THRESHOLD;
    const word = verdict[0].trim().toLowerCase();
    if (!keywords.includes(word)) keywords.push(word);
  }
  const flags = {
    wantsIncreaseCheck: INCREASE.test(request),
    wantsListings: LISTINGS.test(request),
    wantsFixes: FIXES.test(request),
    wantsJudgement: JUDGEMENT.test(request),
    wantsPolicy: POLICY.test(request),
    wantsDepositProtection: DEPOSIT_PROTECTION.test(request),
  };
  const ranked = [...NEEDS].sort((a, b) => scores[b] - scores[a]);
  const top = ranked[0];
  const topScore = scores[top];

  if (topScore === 0) {
    const unclear = isVagueHousingOrHelp(request);
    return {
      intent: unclear ? "UNCLEAR" : "IRRELEVANT",
      confidence: unclear ? 0.6 : 0.85,
      keywords: [], needs: [], scores, ...flags,
    };
  }

  // Without any housing word a lone generic cue ("renew my passport", "주가 전망") is not a housing need;
  // only housing-specific vocabulary (디딤돌, 전입신고, 깡통전세…) adds up to 4 on its own.
  if (topScore < 4 && !HOUSING.test(request) && !options.namesPlaceOrFigure) {
    return { intent: "IRRELEVANT", confidence: 0.7, keywords: [], needs: [], scores, ...flags };
  }

  const present = new Set<Need>(NEEDS.filter((need) => scores[need] >= NEED_THRESHOLD));
  present.add(top);
  // "계약서 작성해 주시고 검토도" asks for a draft (drafting already reviews it); review needs a contract to read.
  if (!options.hasContractText && present.has("creation")) present.delete("review");
  const needs = foldNeeds(present);
  const primary = needs.includes(top) ? top : needs[0];
  const intent: Intent = needs.length >= 2 ? "COMPREHENSIVE" : INTENT_OF[primary];

  const total = NEEDS.reduce((sum, need) => sum + scores[need], 0);
  const confidence = intent === "COMPREHENSIVE"
    ? Math.min(0.9, 0.6 + 0.1 * (needs.length - 1))
    : Math.min(0.95, 0.4 + 0.06 * topScore + 0.35 * (topScore / total));
  return {
    intent,
    confidence: Math.round(confidence * 100) / 100,
    keywords: keywords.slice(0, 12),
    needs,
    scores,
    ...flags,
  };
}
