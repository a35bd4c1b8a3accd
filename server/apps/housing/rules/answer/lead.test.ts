// The lead composers on hand-built tool outputs, question type set explicitly: what opens the answer for each
// type, the legal lead quoting the statute text when legal_search gives it, and one follow-up at most.
import { describe, expect, it } from "vitest";
import type { AggregatedResults, Intent } from "../../types";
import { composeAnswer } from "../responder";
import { leadOf } from "../../../../../scripts/eval/lead-checks";
import { procedureSteps } from "./procedures";

const agg = (intent: Intent, outputs: Record<string, unknown>, language: "ko" | "en" = "ko"): AggregatedResults =>
  ({ intent, language, entities: {}, outputs, missing: [], degraded: false });

const article = (extra: Record<string, unknown> = {}) => ({
  citation: "주택임대차보호법 제7조", lawName: "주택임대차보호법", lawNameEn: "Housing Lease Protection Act", articleNumber: "제7조",
  title: "차임 등의 증감청구권", titleEn: "Claims to raise or lower rent", summary: "증액은 기존 금액의 20분의 1(5%)을 넘지 못합니다.", category: "rent_increase",
  tenantProtectionTags: [], taxTags: [], effectiveNote: null, score: 1, ...extra,
});
const legal = (a: Record<string, unknown>) => ({ query: "q", mode: "fulltext", matchedConcepts: ["rent_increase"], articles: [a], sample: false, sources: [a.citation] });

const answer = (q: string, type: string, a: AggregatedResults) => composeAnswer(a, a.language, { query: q, questionType: type });

describe("legal leads", () => {
  it("answers permissibility with a verdict and the article's rule, quoting the 항 text when legal_search has it", () => {
    const q = "집주인이 월세를 10% 올리겠다는데 가능한가요?";
    const quoted = answer(q, "permissibility", agg("LEGAL_CONSULT", { legal_search: legal(article({ paragraph: 2, quote: "② 제1항에 따른 증액청구는 약정한 차임이나 보증금의 20분의 1의 금액을 초과하지 못한다." })) }));
    expect(quoted.lead).toMatch(/^아니요/);
    expect(quoted.lead).toMatch(/주택임대차보호법 제7조 제2항\): ② 제1항에 따른 증액청구는/);
    const summarised = answer(q, "permissibility", agg("LEGAL_CONSULT", { legal_search: legal(article()) }));
    expect(summarised.lead).toMatch(/주택임대차보호법 제7조\): 증액은 기존 금액의 20분의 1\(5%\)을 넘지 못합니다/);
  });

  it("quotes the provision that states the cap when rent_increase_check decided it, whichever paragraph legal_search ranked", () => {
    const q = "전세 재계약 때 집주인이 보증금을 5% 넘게 올려도 되나요?";
    const capRule = { citation: "주택임대차보호법 제7조 제2항", lawName: "주택임대차보호법", articleNumber: "제7조", paragraph: 2, quote: "제1항에 따른 증액청구는 약정한 차임이나 보증금의 20분의 1의 금액을 초과하지 못한다." };
    const increase = { rates: { renewalCapPercent: 5, conversionRatePercent: 4.5, baseRatePercent: 2.5, conversionCapPercent: 10, conversionSpreadPercent: 2, used: [] },
      current: { deposit: 0, monthlyRent: 0, equivalentDeposit: 0 }, proposed: null, renewal: true, increasePercent: 5, increaseAbove: true, withinCap: false, basis: "percent",
      maxEquivalentDeposit: 0, maxDepositIfRentUnchanged: 0, maxMonthlyRentIfDepositUnchanged: 0, excessEquivalentDeposit: 0, conversion: null,
      lawReferences: ["주택임대차보호법 제7조 제2항, 제6조의3 제3항"], capRule, notes: [], sources: ["rate_settings", "statute_provisions"] };
    const first = article({ paragraph: 1, quote: "당사자는 약정한 차임이나 보증금이 … 그 증감을 청구할 수 있다." });
    const out = answer(q, "permissibility", agg("LEGAL_CONSULT", { legal_search: legal(first), rent_increase_check: increase }));
    expect(out.lead).toMatch(/^아니요/);
    expect(out.lead).toMatch(/근거 \(주택임대차보호법 제7조 제2항\): 제1항에 따른 증액청구는 약정한 차임이나 보증금의 20분의 1/);
    const en = answer("Can the landlord raise it by more than 5% at renewal?", "permissibility", agg("LEGAL_CONSULT", { legal_search: legal(first), rent_increase_check: increase }, "en"));
    expect(en.lead).toMatch(/The rule \(Housing Lease Protection Act Article 7\(2\)\)/);
    // Without legal_search the cap's provision still backs the verdict.
    const alone = answer(q, "permissibility", agg("LEGAL_CONSULT", { rent_increase_check: increase }));
    expect(alone.lead).toMatch(/근거 \(주택임대차보호법 제7조 제2항\)/);
    // The summary adds what the lead does not say (the one-year wait, the refund), not "more than 5% is over 5%".
    expect(out.parts.join("")).toMatch(/1년 안에는 다시 올릴 수 없습니다.*제10조의2/s);
    expect(out.parts.join("")).not.toMatch(/5%를 넘는 인상은 5% 상한을 넘습니다/);
  });

  it("answers 'is there a limit?' with the cap, even without amounts (the question that used to crash the run)", () => {
    const out = answer("전세 재계약 때 집주인이 보증금을 올려 달라는데 한도가 있나요?", "permissibility", agg("LEGAL_CONSULT", { legal_search: legal(article()) }));
    expect(out.lead).toMatch(/^네, 한도가 있습니다\. 갱신 때나 계약 중 증액은 기존 보증금·월세의 5%를 넘을 수 없습니다/);
    expect(out.lead).toMatch(/근거 \(주택임대차보호법 제7조\)/);
  });

  it("answers an implied renewal from 제6조, not with the renewal right of 제6조의3", () => {
    const renewalRight = article({ citation: "주택임대차보호법 제6조의3", articleNumber: "제6조의3", title: "계약갱신 요구 등", paragraph: 2, quote: "임차인은 제1항에 따른 계약갱신요구권을 1회에 한하여 행사할 수 있다." });
    const implied = article({ citation: "주택임대차보호법 제6조", articleNumber: "제6조", title: "계약의 갱신", paragraph: 2, quote: "제1항의 경우 임대차의 존속기간은 2년으로 본다." });
    const both = { query: "q", mode: "fulltext", matchedConcepts: [], articles: [renewalRight, implied], sample: false, sources: [] };
    const out = answer("묵시적 갱신이 되면 계약 기간은 어떻게 되나요?", "permissibility", agg("LEGAL_CONSULT", { legal_search: both }));
    expect(out.lead).toMatch(/2년 자동 갱신/);
    expect(out.lead).toMatch(/근거 \(주택임대차보호법 제6조 제2항\)/);
    // Asking about the renewal right after an implied renewal is still 제6조의3.
    const right = answer("묵시적 갱신 후에도 갱신요구권을 쓸 수 있나요?", "permissibility", agg("LEGAL_CONSULT", { legal_search: both }));
    expect(right.lead).toMatch(/^네, 임차인은 한 번 계약갱신을 요구할 수 있고/);
  });

  it("answers a refusal for the landlord's own use followed by a new tenant from 제6조의3 ⑤, and quotes ⑤ for nothing else", () => {
    const fifth = article({ citation: "주택임대차보호법 제6조의3", articleNumber: "제6조의3", title: "계약갱신 요구 등", paragraph: 5,
      quote: "임대인이 제1항제8호의 사유로 갱신을 거절하였음에도 불구하고 … 제3자에게 목적 주택을 임대한 경우 임대인은 갱신거절로 인하여 임차인이 입은 손해를 배상하여야 한다.",
      gistEn: "The tenant may request renewal once; the landlord may refuse only on lawful grounds." });
    const damages = answer("집주인이 실거주한다고 갱신 거절했는데 알고보니 다른 사람한테 세 줬어요", "permissibility", agg("LEGAL_CONSULT", { legal_search: legal(fifth) }));
    expect(damages.lead).toMatch(/^네, 손해배상을 청구할 수 있습니다/);
    expect(damages.lead).toMatch(/근거 \(주택임대차보호법 제6조의3 제5항\): 임대인이 제1항제8호의 사유로/);
    const english = answer("The landlord refused to renew saying he'd move in himself, then rented it to someone else", "permissibility", agg("LEGAL_CONSULT", { legal_search: legal(fifth) }, "en"));
    expect(english.lead).toMatch(/^Yes, you can claim damages/);
    // "May the landlord refuse?" is the article's verdict: ⑤ (damages) is not quoted as its rule.
    const refuse = answer("계약갱신 요구했는데 집주인이 거절할 수 있나요?", "permissibility", agg("LEGAL_CONSULT", { legal_search: legal(fifth) }));
    expect(refuse.lead).toMatch(/^네, 임차인은 한 번 계약갱신을 요구할 수 있고/);
    expect(refuse.lead).toMatch(/근거: 주택임대차보호법 제6조의3 \(계약갱신 요구 등\)/);
    expect(refuse.lead).not.toMatch(/손해를 배상/);
  });

  it("answers rent arrears with the refusal ground they are (제6조의3 ①1), not the renewal right", () => {
    const first = article({ citation: "주택임대차보호법 제6조의3", articleNumber: "제6조의3", title: "계약갱신 요구 등", paragraph: 1,
      quote: "제6조에도 불구하고 임대인은 임차인이 제6조제1항 전단의 기간 이내에 계약갱신을 요구할 경우 정당한 사유 없이 거절하지 못한다. 다만, 다음 각 호의 어느 하나에 해당하는 경우에는 그러하지 아니하다. 1. 임차인이 2기의 차임액에 해당하는 금액에 이르도록 차임을 연체한 사실이 있는 경우",
      gistEn: "The tenant may request renewal once; the landlord may refuse only on lawful grounds." });
    const ko = answer("월세를 두 달 밀렸는데 집주인이 바로 나가라고 할 수 있나요?", "permissibility", agg("LEGAL_CONSULT", { legal_search: legal(first) }));
    expect(ko.lead).toMatch(/^네, 밀린 월세\(차임\)가 두 달분\(2기의 차임액\)에 이른 적이 있으면 임대인은 계약갱신 요구를 거절할 수 있고/);
    expect(ko.lead).toMatch(/근거 \(주택임대차보호법 제6조의3 제1항\)/);
    const en = answer("If I pay rent late twice, can my landlord refuse to renew?", "permissibility", agg("LEGAL_CONSULT", { legal_search: legal(first) }, "en"));
    expect(en.lead).toMatch(/^Yes: if unpaid rent has reached two months' worth/);
    // "later" is not "late": a question about the rent without arrears gets no arrears verdict.
    expect(answer("Can my landlord refuse to renew and raise the rent later?", "permissibility", agg("LEGAL_CONSULT", { legal_search: legal(first) }, "en")).lead)
      .not.toMatch(/unpaid rent/);
    // A renewal question without arrears keeps the renewal right's verdict.
    const renew = answer("집주인이 계약갱신을 거절할 수 있나요?", "permissibility", agg("LEGAL_CONSULT", { legal_search: legal(first) }));
    expect(renew.lead).toMatch(/^네, 임차인은 한 번 계약갱신을 요구할 수 있고/);
  });

  it("says it depends when the question names no article's subject", () => {
    const out = answer("Is this allowed?", "permissibility", agg("LEGAL_CONSULT", { legal_search: legal(article({ summary: "Increases may not exceed 5%." })) }, "en"));
    expect(out.lead).toMatch(/^It depends/);
  });

  it("never opens with 'no results' when articles answer", () => {
    const out = answer("전세금 인상 한도는 법으로 정해져 있나요?", "other", agg("LEGAL_CONSULT", { legal_search: legal(article()) }));
    expect(out.lead).not.toMatch(/얻지 못했습니다/);
    expect(out.lead).toMatch(/제7조/);
  });
});

describe("procedure steps", () => {
  it("gives the signing checklist for making a contract, not for every question that mentions one", () => {
    const none = agg("LEGAL_CONSULT", {});
    for (const q of ["전세 계약할 때 주의할 점 순서대로 알려줘", "계약서 쓰기 전에 뭘 확인해야 하나요?", "What should I check before signing a lease?"]) {
      expect(procedureSteps(q, [], none, "ko").length, q).toBeGreaterThan(0);
    }
    // Filing a contract is answered from its articles (부동산 거래신고법), not with a checklist for signing one.
    for (const q of ["Do I have to report my jeonse contract to the district office?", "전월세 계약 신고는 어떻게 하나요?"]) {
      expect(procedureSteps(q, [], none, "en"), q).toEqual([]);
    }
  });
});

describe("other leads", () => {
  it("asks for the contract when none was given, and never calls it clean", () => {
    const out = answer("이 계약서 검토하고 위험 요소 분석해줘", "review", agg("CONTRACT_REVIEW", {}));
    expect(out.lead).toMatch(/계약서 내용을 받지 못해/);
    const text = out.parts.join("");
    expect(text).toMatch(/붙여 넣거나 파일/);
    expect(text).not.toMatch(/위험 조항 패턴이 발견되지 않았습니다/);
    expect(text.match(/한 가지 여쭤볼게요/g)).toHaveLength(1);
  });

  it("answers from the law, not with a request for the contract, when a 'review' asks about no document", () => {
    const sixth = article({ citation: "주택임대차보호법 제6조", articleNumber: "제6조", title: "계약의 갱신", paragraph: 1,
      quote: "임대인이 임대차기간이 끝나기 6개월 전부터 2개월 전까지의 기간에 임차인에게 갱신거절의 통지를 하지 아니한 경우에는 그 기간이 끝난 때에 전 임대차와 동일한 조건으로 다시 임대차한 것으로 본다.",
      gistEn: "If neither side gives notice in time, the lease renews on the same terms for two years (implied renewal)." });
    const out = answer("My lease renewed automatically because neither of us said anything. How long does it run now?", "review",
      agg("CONTRACT_REVIEW", { legal_search: legal(sixth) }, "en"));
    expect(out.lead).not.toMatch(/have not received the contract/);
    expect(out.lead).toMatch(/Article 6/);
    // Asked to look at a contract, it still asks for the text.
    expect(answer("Can you review my lease contract?", "review", agg("CONTRACT_REVIEW", { legal_search: legal(sixth) }, "en")).lead)
      .toMatch(/have not received the contract/);
  });

  it("leads a definition with the glossary entry", () => {
    const glossary = { query: "LTV가 무엇인가요?", sample: false, sources: [], terms: [{ key: "ltv", term: "LTV(주택담보인정비율)", termKo: "LTV", termEn: "LTV", definition: "LTV는 주택 가격 대비 대출금의 비율입니다.", lawReference: "은행업감독규정", category: "finance", matched: "ltv", synonyms: [] }] };
    const policy = { matches: [], counts: { eligible: 0, possible: 15, ineligible: 0 }, capitalArea: null, missingProfile: [], sources: ["policy_programs"] };
    const out = answer("LTV가 무엇인가요?", "definition", agg("LOAN_CONSULT", { glossary_lookup: glossary, loan_search: { products: [], sample: true, sources: [] }, policy_matcher: policy }));
    expect(out.lead).toMatch(/^\*\*LTV\(주택담보인정비율\)\*\* — LTV는 주택 가격 대비 대출금의 비율입니다/);
    // The programme list answers "what can I get", not "what is LTV": it is left out.
    expect(out.parts.join("")).not.toMatch(/정책 금융|policy_matcher/);
  });

  it("shows a calculation with its inputs, or asks for the one input it lacks", () => {
    const done = { kind: "yield", computed: true, inputs: [{ label: "매매가", value: 500_000_000, unit: "krw" }], results: [{ label: "연 표면 수익률", value: 4, unit: "percent" }], formula: "f", missing: [], lawReference: null, sample: false, sources: [] };
    expect(answer("수익률 계산해줘", "calculation", agg("MARKET_INQUIRY", { housing_calculator: done })).lead).toMatch(/\*\*연 표면 수익률 4%\*\*.*\n입력값: 매매가 5억원/s);
    const short = { ...done, computed: false, inputs: [], results: [], missing: ["price"] };
    const text = answer("수익률 계산해줘", "calculation", agg("MARKET_INQUIRY", { housing_calculator: short })).parts.join("");
    expect(text).toMatch(/한 가지 여쭤볼게요:\*\* 매매가\(집값\)가 얼마인가요/);
  });

  it("leads a monthly-rent market question with the rent and the deposit beside it, and a trend question with the change", () => {
    const market = {
      region: { id: 1, nameKo: "마포구", nameEn: "Mapo-gu" }, propertyType: "apartment", transactionType: null, areaM2Min: null, areaM2Max: null,
      period: { from: "2025-11", to: "2026-10", months: 12 }, totalCount: 10, approximate: false, sample: true, ignoredFilters: [], sources: [], complex: null,
      stats: [{ transactionType: "monthly", count: 10, amount: { avg: 1, min: 1, max: 1, median: 135_000_000 }, monthlyRent: { avg: 1, min: 1, max: 1, median: 3_250_000 }, avgAreaM2: 80, avgAmountPerM2: 1 }],
      trend: [],
      movement: [{ transactionType: "monthly", fromMonths: { from: "2025-11", to: "2026-01" }, toMonths: { from: "2026-08", to: "2026-10" }, fromMedian: 100_000_000, toMedian: 110_000_000, changePercent: 10, fromCount: 20, toCount: 25, volumeChangePercent: 25, fromMonthlyRent: 3_000_000, toMonthlyRent: 3_300_000 }],
    };
    const level = answer("마포구 아파트 월세 시세는?", "amount", agg("MARKET_INQUIRY", { market_data: market }));
    expect(level.lead).toMatch(/월세 중앙값은 월 325만원\(보증금 중앙값 1억 3,500만원\)/);
    const trend = answer("마포구 아파트 월세 최근 추이는?", "amount", agg("MARKET_INQUIRY", { market_data: market }));
    expect(trend.lead).toMatch(/10% 상승.*거래량은 20건 → 25건/s);
    expect(level.parts.join("")).not.toMatch(/전체 유형|서울 전체/);
  });

  it("sets districts side by side for a comparison and says which is lower", () => {
    const row = (median: number, count: number) => ({ transactionType: "jeonse", count, amount: { avg: 1, min: 1, max: 1, median }, monthlyRent: null, avgAreaM2: 80, avgAmountPerM2: 1 });
    const market = {
      region: { id: 1, nameKo: "마포구", nameEn: "Mapo-gu" }, propertyType: "apartment", transactionType: "jeonse", areaM2Min: null, areaM2Max: null,
      period: { from: "2025-11", to: "2026-10", months: 12 }, totalCount: 20, approximate: false, sample: true, ignoredFilters: [], sources: [], complex: null,
      stats: [row(870_000_000, 20)], trend: [], movement: [],
      comparison: [{ region: { id: 2, nameKo: "성동구", nameEn: "Seongdong-gu" }, totalCount: 30, stats: [row(950_000_000, 30)] }],
    };
    const a = { ...agg("MARKET_INQUIRY", { market_data: market }), entities: { region: "마포구", transactionType: "jeonse" as const } };
    const lead = answer("마포구랑 성동구 아파트 전세 비교해줘", "comparison", a).lead;
    expect(lead).toMatch(/마포구 8억 7,000만원, 성동구 9억 5,000만원/);
    expect(lead).toMatch(/마포구 쪽이 성동구보다 낮습니다/);
    const en = answer("Compare apartment jeonse in Mapo-gu and Seongdong-gu", "comparison", { ...a, language: "en" as const }).lead;
    expect(en).toMatch(/Mapo-gu is lower than Seongdong-gu/);
    // Three districts: the lowest and the highest; equal medians are said to be the same.
    const three = { ...market, comparison: [...market.comparison, { region: { id: 3, nameKo: "용산구", nameEn: "Yongsan-gu" }, totalCount: 9, stats: [row(1_100_000_000, 9)] }] };
    expect(answer("마포구 성동구 용산구 아파트 전세 비교", "comparison", { ...a, outputs: { market_data: three } }).lead).toMatch(/마포구 쪽이 가장 낮고, 용산구 쪽이 가장 높습니다/);
    const same = { ...market, comparison: [{ ...market.comparison[0], stats: [row(870_000_000, 30)] }] };
    expect(answer("마포구랑 성동구 아파트 전세 비교해줘", "comparison", { ...a, outputs: { market_data: same } }).lead).toMatch(/모두 같습니다/);
  });

  it("leads with the deal asked about even when the price analysis ran; the analysis leads a risk question", () => {
    const market = {
      region: { id: 1, nameKo: "용산구", nameEn: "Yongsan-gu" }, propertyType: "apartment", transactionType: null, areaM2Min: null, areaM2Max: null,
      period: { from: "2025-11", to: "2026-10", months: 12 }, totalCount: 30, approximate: false, sample: true, ignoredFilters: [], sources: [], complex: null,
      stats: [
        { transactionType: "jeonse", count: 20, amount: { avg: 1, min: 1, max: 1, median: 1_100_000_000 }, monthlyRent: null, avgAreaM2: 80, avgAmountPerM2: 1 },
        { transactionType: "monthly", count: 10, amount: { avg: 1, min: 1, max: 1, median: 150_000_000 }, monthlyRent: { avg: 1, min: 1, max: 1, median: 3_100_000 }, avgAreaM2: 80, avgAmountPerM2: 1 },
      ],
      trend: [], movement: [],
    };
    const risk = { level: "safe", labelKo: "안전", labelEn: "safe", adviceKo: "", adviceEn: "", minRatio: 0, maxRatio: 60 };
    const analysis = { region: { nameKo: "용산구", nameEn: "Yongsan-gu" }, period: market.period, fairness: [], jeonseRatio: null, riskBands: [], sample: true, approximate: false, missing: [], sources: [],
      marketJeonseRatio: { ratioPercent: 46.3, deposit: 1_100_000_000, salePrice: 2_376_000_000, basis: "market", risk } };
    const a = { ...agg("MARKET_INQUIRY", { market_data: market, market_analysis: analysis }, "en"), entities: { transactionType: "monthly" as const } };
    expect(answer("How much is monthly rent for an apartment in Yongsan-gu?", "amount", a).lead).toMatch(/median monthly rent is ₩3,100,000/);
    // The planner reads this question's own entities: the district and a jeonse.
    const risky = { ...a, entities: { region: "용산구", transactionType: "jeonse" as const } };
    expect(answer("Is a jeonse in Yongsan-gu risky?", "other", risky).lead).toMatch(/46\.3%/);
    // Without a district the Seoul-wide ratio gives figures but no verdict on anyone's deposit.
    expect(answer("Is a jeonse risky?", "other", { ...a, entities: { transactionType: "jeonse" as const } }).lead).not.toMatch(/46\.3%/);
  });

  it("answers a clause's validity asked without the contract with the law's verdict, then asks for the text", () => {
    const waiver = article({ citation: "주택임대차보호법 제10조", articleNumber: "제10조", title: "강행규정", summary: "이 법에 위반된 약정으로서 임차인에게 불리한 것은 효력이 없다." });
    const out = answer("갱신요구권 포기 특약은 유효한가요?", "review", agg("CONTRACT_REVIEW", { legal_search: legal(waiver) }));
    expect(out.lead).toMatch(/^아니요, 법에 어긋나 임차인에게 불리한 약정은 효력이 없습니다/);
    expect(out.lead).toMatch(/주택임대차보호법 제10조/);
    expect(out.parts.join("")).toMatch(/한 가지 여쭤볼게요:\*\* 검토할 계약서 내용을 붙여 넣거나/);
  });

  it("quotes the numbered item with the figure for a legal amount, for the place asked about", () => {
    const range = article({ citation: "주택임대차보호법 시행령 제11조", articleNumber: "제11조", title: "우선변제를 받을 임차인의 범위",
      quote: "법 제8조에 따라 우선변제를 받을 임차인은 보증금이 다음 각 호의 구분에 의한 금액 이하인 임차인으로 한다. 1. 서울특별시: 1억6천500만원 2. 세종특별자치시: 1억4천500만원" });
    const out = answer("세종시 소액임차인 기준 금액은 얼마예요?", "amount", agg("LEGAL_CONSULT", { legal_search: legal(range) }));
    expect(out.lead).toMatch(/금액 이하인 임차인으로 한다\. 2\. 세종특별자치시: 1억4천500만원/);
  });

  it("lets the other leads answer a sum the calculator does not know, asking which sum once", () => {
    const market = { region: null, propertyType: null, transactionType: "jeonse", areaM2Min: null, areaM2Max: null, period: { from: "2025-11", to: "2026-10", months: 12 }, totalCount: 5,
      approximate: false, sample: true, ignoredFilters: [], sources: [], complex: null, trend: [], movement: [],
      stats: [{ transactionType: "jeonse", count: 5, amount: { avg: 1, min: 1, max: 1, median: 434_000_000 }, monthlyRent: null, avgAreaM2: 80, avgAmountPerM2: 1 }] };
    const out = answer("이거 계산 좀 해줘", "calculation", agg("MARKET_INQUIRY", { market_data: market }));
    expect(out.lead).not.toMatch(/특정하지 못했습니다/);
    expect(out.parts.join("").match(/한 가지 여쭤볼게요/g)).toHaveLength(1);
  });

  it("puts the lead first: the first line of the answer is never a heading", () => {
    const out = answer("전세금 인상 한도는?", "amount", agg("LEGAL_CONSULT", { legal_search: legal(article()) }));
    expect(leadOf(out.parts.join(""))).toBe(out.lead);
    expect(out.parts[0].startsWith("#")).toBe(false);
  });
});
