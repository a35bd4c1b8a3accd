// The lead checks on hand-written answers: each type passes a lead that answers and fails one that does not.
import { describe, expect, it } from "vitest";
import { guidance } from "../../server/apps/housing/rules/responder-guidance";
import { checkLead, hasContractText, leadOf, type LeadCheckType } from "./lead-checks";

const CASES: { q: string; type: LeadCheckType; lang: "ko" | "en"; good: string; bad: string; why: RegExp }[] = [
  { q: "LTV가 무엇인가요?", type: "definition", lang: "ko",
    good: "**LTV(주택담보인정비율)** — LTV는 주택 가격 대비 대출금의 비율입니다.\n\n## 주요 수치\n- ...",
    bad: "정책 금융: 해당 0개, 추가 확인 필요 15개.\n\n## 주요 수치", why: /never names the term/ },
  { q: "What is a fixed-date stamp?", type: "definition", lang: "en",
    good: "**Fixed-date stamp** — A fixed-date stamp is the official date put on your lease.", bad: "## Summary\n\n- fixed-date", why: /no lead/ },
  { q: "집주인이 월세를 10% 올리겠다는데 가능한가요?", type: "permissibility", lang: "ko",
    good: "아니요, 5%를 넘게 올릴 수 없습니다.\n근거 (주택임대차보호법 제7조): 증액은 5%를 넘지 못합니다.",
    bad: "- 주택임대차보호법 제7조 — 증액은 5%를 넘지 못합니다.", why: /yes \/ no/ },
  { q: "Can my landlord refuse to renew?", type: "permissibility", lang: "en",
    good: "Only for the reasons the Act lists.\nThe rule (Housing Lease Protection Act Article 6-3): ...", bad: "Yes, usually.", why: /no article/ },
  { q: "마포구 아파트 전세 시세는?", type: "amount", lang: "ko", good: "마포구 아파트 전세 보증금 중앙값은 8억 7,066만원입니다.", bad: "마포구 아파트 전세 시세를 알려드립니다.", why: /no figure/ },
  { q: "보증금 돌려받으려면 어떻게 해야 하나요?", type: "procedure", lang: "ko", good: "이렇게 진행하세요:\n\n1. 내용증명을 보내세요.\n2. 임차권등기명령을 신청하세요.", bad: "임차권등기명령 제도가 있습니다.", why: /numbered steps/ },
  { q: "신혼부부 전세대출 받을 수 있나요?", type: "eligibility", lang: "ko", good: "받을 수 있는 정책 대출: 신혼부부 전용 전세자금.", bad: "대출 상품이 많습니다.", why: /who qualifies/ },
  { q: "디딤돌이랑 보금자리론 뭐가 나아요?", type: "comparison", lang: "ko", good: "디딤돌은 연 2.5%, 보금자리론은 연 3.9%로 디딤돌이 더 낮고 한도는 보금자리론이 큽니다.", bad: "두 상품 모두 정책 대출입니다.", why: /compares nothing/ },
  { q: "보증금 1억을 월세로 전환하면 얼마예요? 계산해줘", type: "calculation", lang: "ko",
    good: "**법정 상한 월세 38만원**입니다.\n입력값: 보증금 1억원, 전월세전환율 4.5%", bad: "전월세 전환에는 법정 전환율이 있습니다.", why: /neither computes/ },
  { q: "Calculate my rental yield", type: "calculation", lang: "en",
    good: "Rental yield: one more figure is needed. Formula: yearly rent ÷ price.\n\n**One question:** What is the purchase price?", bad: "Yields vary by district.", why: /neither computes/ },
  { q: "이 계약서 검토하고 위험 요소 분석해줘", type: "review", lang: "ko",
    good: "아직 계약서 내용을 받지 못했습니다.\n\n**한 가지 여쭤볼게요:** 계약서를 붙여 넣거나 파일로 올려 주시겠어요?",
    bad: "확인한 계약 문구에서 위험 조항 패턴이 발견되지 않았습니다.", why: /calls it clean/ },
  { q: "계약서 초안 작성해줘", type: "drafting", lang: "ko", good: "임대차 계약서 초안을 작성했습니다.", bad: "보증금은 4억원입니다.", why: /draft/ },
];

describe("lead checks", () => {
  it.each(CASES)("$type ($lang): passes an answering lead, fails one that is not", ({ q, type, lang, good, bad, why }) => {
    const ok = checkLead(q, type, lang, good);
    expect(ok.pass, ok.reason).toBe(true);
    const notOk = checkLead(q, type, lang, bad);
    expect(notOk.pass).toBe(false);
    expect(notOk.reason).toMatch(why);
  });

  it("fails generic text, filler, the wrong language and more than one follow-up", () => {
    expect(checkLead("전세가 뭐예요?", "other", "ko", "- 질문에 답할 수 있는 결과를 얻지 못했습니다.").reason).toMatch(/generic/);
    expect(checkLead("시세는?", "amount", "ko", "서울 전체 전체 유형 매매 중앙값은 9억원입니다.").reason).toMatch(/filler/);
    expect(checkLead("What is LTV?", "definition", "en", "LTV는 주택 가격 대비 대출금의 비율입니다.").reason).toMatch(/not in English/);
    const twice = "마포구 매매 중앙값은 9억원입니다.\n\n**한 가지 여쭤볼게요:** 면적은?\n**한 가지 여쭤볼게요:** 층은?";
    expect(checkLead("마포구 시세는?", "amount", "ko", twice).reason).toMatch(/more than one/);
  });

  // A check that passes an answer any question could get measures nothing: the help text and the fallbacks
  // fail under every type, even "other", in both languages.
  const TYPES: LeadCheckType[] = ["definition", "permissibility", "amount", "procedure", "eligibility", "comparison", "calculation", "drafting", "review", "other"];
  const GENERIC_ANSWERS: [string, "ko" | "en"][] = [
    [guidance("ko"), "ko"], [guidance("en"), "en"],
    ["질문을 정확히 이해하지 못했습니다.\n\n**한 가지 여쭤볼게요:** 어떤 상황인지 알려주시겠어요? 보증금 1억원이면 계산해 드립니다.", "ko"],
    ["I could not tell exactly what you are asking.\n\n**One question:** What is your situation? 1. deposit 2. rent, 100 million won, Article 7 applies.", "en"],
    ["도구에서 이 질문에 직접 답할 결과를 얻지 못했습니다. 아래는 확인된 내용입니다.\n\n## 요약\n- 서울 전세 중앙값은 4억원입니다.", "ko"],
    ["어떤 계산을 원하시는지 특정하지 못했습니다. 전월세 전환, 임대 수익률, 중개보수 5%, 계약금(위약금)을 계산할 수 있습니다.", "ko"],
  ];
  it.each(TYPES)("fails the help text and generic fallbacks as a %s lead", (type) => {
    for (const [answer, lang] of GENERIC_ANSWERS) {
      const result = checkLead(lang === "ko" ? "전세 계약할 때 확정일자 뭐예요? 얼마예요? 1. 2." : "What is a fixed date, how much, and is it allowed?", type, lang, answer);
      expect(result.pass, `${type}: ${answer.slice(0, 40)}`).toBe(false);
    }
  });

  it("takes no meta statement for a verdict, and no spacing difference for another term", () => {
    const meta = "아직 계약서 내용을 받지 못해 위험 조항을 판단할 수 없습니다. 주택임대차보호법 제6조의3을 확인하세요.";
    expect(checkLead("임대인이 계약기간 중에 해지할 수 있나요?", "permissibility", "ko", meta).reason).toMatch(/yes \/ no/);
    expect(checkLead("묵시적갱신이 뭐예요?", "definition", "ko", "**묵시적 갱신** — 묵시적 갱신은 계약이 같은 조건으로 자동 연장되는 것입니다.").pass).toBe(true);
  });

  it("takes 'it depends' only with a rule about the question", () => {
    const q = "집이 팔리면 새 집주인에게 보증금 받을 수 있나요?";
    const unrelated = "법이 정한 조건에 따라 달라집니다. 핵심 규정은 이렇습니다:\n\n근거 (주택임대차보호법 제3조의7): 임대차계약을 체결할 때 임대인은 다음 각 호의 사항을 임차인에게 제시하여야 한다.";
    expect(checkLead(q, "permissibility", "ko", unrelated).reason).toMatch(/not about the question/);
    const related = "법이 정한 조건에 따라 달라집니다. 핵심 규정은 이렇습니다:\n\n근거 (주택임대차보호법 제3조 제4항): 임차주택의 양수인은 임대인의 지위를 승계한 것으로 본다. 집이 팔리더라도 대항력이 있으면 새 집주인에게 보증금을 받습니다.";
    expect(checkLead(q, "permissibility", "ko", related).pass).toBe(true);
    const pointer = "It depends on the conditions the law sets. The key rule:\n\nThe rule (Housing Lease Protection Act Article 6-2(1)): this article governs it; its official Korean text is quoted under the legal basis below.";
    expect(checkLead("Can I end my lease early after it renewed automatically?", "permissibility", "en", pointer).pass).toBe(false);
  });

  it("holds a market answer to the place asked about (a 동 by its district)", () => {
    expect(checkLead("역삼동 아파트 전세 얼마예요?", "amount", "ko", "서울 전세 보증금 중앙값은 4억 3,400만원입니다.").reason).toMatch(/place asked about/);
    expect(checkLead("역삼동 아파트 전세 얼마예요?", "amount", "ko", "강남구 아파트 전세 보증금 중앙값은 9억원입니다.").pass).toBe(true);
    expect(checkLead("How much is a jeonse in Mapo-gu?", "amount", "en", "For Seoul, the median jeonse deposit is ₩434,000,000.").reason).toMatch(/place asked about/);
    // A figure about something else (a loan rate) is not a market figure for the district.
    expect(checkLead("마포구 아파트 매매가 얼마예요?", "amount", "ko", "조건에 맞는 대출 상품: KB 주택담보대출(연 3.9%~5.4%).").pass).toBe(false);
  });

  it("holds a market answer to the deal and the trend asked about", () => {
    expect(checkLead("마포구 아파트 월세 시세는?", "amount", "ko", "마포구 아파트 보증금 중앙값은 1억 3,500만원입니다.").reason).toMatch(/monthly-rent/);
    expect(checkLead("마포구 아파트 월세 시세는?", "amount", "ko", "마포구 아파트 월세 중앙값은 월 325만원(보증금 중앙값 1억 3,500만원)입니다.").pass).toBe(true);
    expect(checkLead("송파구 아파트 매매가 상승률은?", "amount", "ko", "송파구 아파트 매매 중앙값은 19억원입니다.").reason).toMatch(/trend/);
  });

  it("reads the lead up to the first heading and recognises pasted contract text", () => {
    expect(leadOf("첫 줄\n둘째 줄\n\n## 요약\n- x")).toBe("첫 줄\n둘째 줄");
    expect(hasContractText('이 특약 봐줘: "임차인은 전입신고를 하지 않는다"')).toBe(true);
    expect(hasContractText("이 계약서 검토해줘")).toBe(false);
  });
});
