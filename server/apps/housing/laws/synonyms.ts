// Everyday words → the statute's words, Korean and English: a small map beside the law_terms glossary,
// because questions say 복비 and 집주인 while the text says 중개보수 and 임대인.

/**
 * Each entry: the words people use → the words the statutes use. "replace": the statutes never use the everyday
 * word, so it is taken out of the question (its bigrams would only find noise: 중개수수료 → 수수료) and the
 * statute word counts in full. "strong": the statute words count in full beside the question's own.
 */
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
];

function occurs(word: string, query: string): boolean {
  if (/[a-z]/u.test(word)) return new RegExp(`(^|[^a-z])${word}([^a-z]|$)`, "u").test(query);
  return query.replace(/\s+/gu, "").includes(word.replace(/\s+/gu, ""));
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
  let text = query.toLowerCase();
  const replacements = new Set<string>();
  const additions = new Set<string>();
  for (const [from, to, mode] of STATUTE_SYNONYMS) {
    const found = from.filter((w) => occurs(w, text));
    if (found.length === 0) continue;
    for (const t of to) (mode ? replacements : additions).add(t);
    if (mode === "replace") for (const w of found) text = text.replace(w, " ");
  }
  return { text, replacements: [...replacements], additions: [...additions] };
}
