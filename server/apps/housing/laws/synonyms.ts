// Everyday words → the statute's words, Korean and English: a small map beside the law_terms glossary,
// because questions say 복비 and 집주인 while the text says 중개보수 and 임대인.

/**
 * Each entry: the words people use → the words the statutes use. "replace": the statutes never use the everyday
 * word, so it is taken out of the question (its bigrams would only find noise: 중개수수료 → 수수료) and the
 * statute word counts in full. "strong": the statute words count in full beside the question's own.
 */
// 못 냈 (did not pay), not 못 내: that is also 못 내리다 (cannot lower).
const ARREARS = ["밀렸", "밀린", "밀려", "밀리면", "못 냈", "못냈", "안 냈", "안냈", "연체", "late on rent", "rent late", "late rent",
    "behind on rent", "behind on the rent", "missed rent", "missed the rent", "unpaid rent", "rent arrears", "didn't pay rent", "not paid rent"];

export const STATUTE_SYNONYMS: [string[], string[], ("replace" | "strong")?][] = [
  [["전세금", "전세보증금", "deposit", "jeonse"], ["보증금"]],
  [["보증금"], ["전세금"]],
  [["중개수수료", "복비", "중개료", "부동산 수수료", "commission", "brokerage fee", "agent fee", "realtor fee"], ["중개보수"], "replace"],
  [["집주인", "건물주", "주인", "landlord", "lessor", "owner"], ["임대인"], "replace"],
  [["세입자", "세든", "tenant", "renter", "lessee"], ["임차인"], "replace"],
  [["월세", "rent", "monthly rent"], ["차임"]],
  [["부동산중개업자", "중개업자", "부동산 사무소", "부동산사무소", "realtor", "broker", "agent"], ["개업공인중개사", "중개업"]],
  [["등기부등본", "등기부", "등본", "registry", "register"], ["등기사항증명서", "등기기록"], "replace"],
  [["떼나요", "발급", "열람"], ["발급", "열람"]],
  [["noise", "층간 소음", "윗집 소음"], ["층간소음"]],
  [["공시가격", "공시가", "official price"], ["공시지가", "공시가격"]],
  [["management fee", "maintenance fee"], ["관리비"]],
  [["재계약", "갱신", "renewal", "renew"], ["계약갱신", "갱신요구"]],
  [["이사", "전입", "move in"], ["전입신고", "주민등록", "인도"]],
  // Keeping a deposit safe is what 대항력, 확정일자·우선변제 and 임차권등기 are for.
  [["보증금을 지키", "보증금 지키", "보증금은 어떻게 지키", "보증금 안 떼이", "떼이지", "떼일", "protect my deposit", "protect the deposit", "deposit safe"],
    ["대항력", "우선변제", "확정일자", "임차권등기"], "strong"],
  [["경매", "auction"], ["경매"]],
  [["분양", "pre-sale", "presale"], ["분양"]],
  [["report", "신고"], ["신고"]],
  [["repairs", "수리"], ["수선", "수리"]],
  // Everyday names for the statutes' institutions and procedures, across the 28 texts.
  [["동대표", "동 대표"], ["동별 대표자"], "strong"],
  [["입대의", "입주자 대표", "입주민 대표"], ["입주자대표회의"], "strong"],
  [["관리소장", "관리실장"], ["관리사무소장"], "strong"],
  [["관리실", "관리소"], ["관리주체", "관리사무소"]],
  [["장충금", "수선충당금"], ["장기수선충당금"], "strong"],
  [["전월세 신고", "전월세신고", "임대차 신고", "임대차신고", "월세 신고", "전세 신고", "임대차계약 신고"], ["주택 임대차 계약의 신고"], "strong"],
  [["실거래 신고", "실거래가 신고", "실거래신고", "거래 신고", "매매 신고"], ["부동산 거래의 신고", "거래신고"], "strong"],
  [["한달살기", "한 달 살기", "단기 임대", "단기임대", "잠깐 빌", "일시적으로"], ["일시사용"], "strong"],
  [["입찰 대리", "대리 입찰", "대리입찰", "입찰을 대신", "입찰 대신", "경매 대행", "경매대행", "경매 대리", "경매대리"], ["매수신청대리", "매수신청대리인"], "strong"],
  [["청약통장"], ["입주자저축", "주택청약종합저축"], "strong"],
  [["분양권"], ["전매", "입주자로 선정된 지위"], "strong"],
  [["사전점검"], ["사전방문"], "strong"],
  [["모델하우스"], ["견본주택"], "strong"],
  [["지주택"], ["지역주택조합", "주택조합"], "strong"],
  [["생활형숙박시설", "생숙", "오피스텔 분양", "상가 분양"], ["건축물의 분양", "분양"], "strong"],
  [["발망치", "뛰는 소리", "쿵쿵"], ["직접충격 소음", "층간소음"], "strong"],
  [["담배 연기", "담배연기", "흡연"], ["간접흡연"], "strong"],
  [["하자보수 기간", "하자 기간", "as 기간", "a/s 기간"], ["담보책임기간"], "strong"],
  [["허위매물", "허위 매물", "매물 광고", "부동산 광고"], ["표시ㆍ광고", "부당한 표시"], "strong"],
  [["보조원"], ["중개보조원"], "strong"],
  [["집문서", "등기권리증", "권리증"], ["등기필정보"], "strong"],
  [["인감"], ["인감증명"]],
  [["토지허가", "토허제", "토지거래 허가"], ["토지거래허가", "허가구역"], "strong"],
  [["월세 인상", "월세 올리", "월세를 올", "보증금 인상", "보증금 올리", "보증금을 올", "전세금을 올", "차임을 올", "인상률", "올려달",
    "올려도", "올린다는", "올리겠다", "올리려", "인상해", "인상한다"], ["증액", "차임 등의 증감청구"], "strong"],
  // The lease act says the 5% cap as a fraction: 증액청구는 … 20분의 1의 금액을 초과하지 못한다 (제7조 ②).
  [["5%", "5 %", "5프로", "5 프로", "오프로", "5퍼센트", "5 퍼센트", "5 percent", "five percent"], ["20분의 1", "증액"], "strong"],
  // "More than" is how people say what the statutes call 초과.
  [["넘게", "넘어서", "넘는", "넘으면", "more than", "exceed"], ["초과"]],
  [["돌려받", "돌려 받", "안 돌려"], ["반환"]],
  [["아파트 공시가", "주택 공시가", "집값 공시"], ["공동주택가격"], "strong"],
  [["땅값", "토지 가격", "토지가격"], ["공시지가", "지가"], "strong"],
  [["최우선변제", "최우선 변제"], ["보증금 중 일정액", "우선하여 변제"], "strong"],
  [["가계약"], ["계약금"]],
  // A lease that carried on because nobody gave notice: 제6조 says 전 임대차와 동일한 조건으로 다시 임대차한 것으로 본다.
  [["renewed automatically", "automatically renewed", "auto-renewed", "auto renewed", "renewed itself", "rolled over", "자동 연장", "자동연장",
    "자동으로 연장", "자동 갱신", "자동갱신", "자동으로 갱신"], ["묵시적 갱신", "다시 임대차한 것으로 본다", "계약의 갱신"], "strong"],
  // Rent not paid: the lease act's refusal and no-implied-renewal grounds say "2기의 차임액 … 연체" (제6조 ③, 제6조의3 ①1).
  // 연체 counts in full; the lease act's phrase only at expansion weight, as other acts count arrears in months.
  [ARREARS, ["연체"], "strong"],
  [ARREARS, ["2기의 차임액"]],
  [["위장전입", "부정 당첨", "부정당첨", "불법 청약", "청약통장 매매", "통장 매매"], ["공급질서 교란", "입주자저축 증서"], "strong"],
];

/** The question as the matchers read it: lower-cased, and without its spaces. */
interface QueryForms { text: string; compact: string }
const formsOf = (text: string): QueryForms => ({ text, compact: text.replace(/\s+/gu, "") });

/**
 * English words match whole words; Korean ones inside words, spaces ignored. Compiled once per word: building a
 * RegExp per word per question was ~0.4 ms of every chat's CPU under load (docs/perf/issue-14.md §13).
 */
const matchers = new Map<string, (q: QueryForms) => boolean>();
function occurs(word: string, q: QueryForms): boolean {
  let match = matchers.get(word);
  if (!match) {
    if (/[a-z]/u.test(word)) {
      const re = new RegExp(`(^|[^a-z])${word}([^a-z]|$)`, "u");
      match = (f) => re.test(f.text);
    } else {
      const compact = word.replace(/\s+/gu, "");
      match = (f) => f.compact.includes(compact);
    }
    matchers.set(word, match);
  }
  return match(q);
}

export interface SynonymExpansion {
  /** The question with replaced everyday words taken out. */
  text: string;
  /** Statute words standing for replaced words: full weight. */
  replacements: string[];
  /** Statute words added beside the question's own: expansion weight. */
  additions: string[];
}

/** The statute words for the everyday words found in a (lower-cased) query. */
export function synonymExpansions(query: string): SynonymExpansion {
  let forms = formsOf(query.toLowerCase());
  const replacements = new Set<string>();
  const additions = new Set<string>();
  for (const [from, to, mode] of STATUTE_SYNONYMS) {
    const found = from.filter((w) => occurs(w, forms));
    if (found.length === 0) continue;
    for (const t of to) (mode ? replacements : additions).add(t);
    if (mode === "replace") {
      let text = forms.text;
      for (const w of found) text = text.replace(w, " ");
      forms = formsOf(text);
    }
  }
  return { text: forms.text, replacements: [...replacements], additions: [...additions] };
}
