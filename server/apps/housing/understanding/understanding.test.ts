// The understanding model: trained on the committed corpus, deterministic, small and fast, and it never
// leaves a housing question without a plan while keeping off-topic text off-topic.
import { createHash } from "node:crypto";
import { readFileSync, statSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { INTENTS, QUESTION_TYPES } from "../types";
import { planQuestion } from "../rules/planner";
import { housingTeams } from "../teams";
import { featuriseCorpus, packModel } from "../../../../scripts/intent/model-builder";
import { trainSigmoidLr, trainSoftmaxLr } from "../../../../scripts/intent/learners";
import { ASPECTS, corpusFile, readCorpus, splitOf } from "./corpus";
import { DEFAULT_MODEL_PATH, loadIntentModel, modelFileSchema } from "./linear-model";
import { asksOnlyWhatTermMeans, housingEvidence, jointReading } from "./understand";
import { asksForSteps } from "../rules/question-type";
import { vocabularyFeatures } from "./vocabulary";

const RUNTIME = housingTeams.map((t) => ({ name: t.name, tools: t.tools }));
const TODAY = new Date("2026-11-24T00:00:00Z");
const tools = (q: string) => planQuestion(q, RUNTIME, TODAY).execution_steps.flatMap((s) => s.tools);

describe("the committed model", () => {
  it("is the one trained on the committed train split, and small", () => {
    const file = modelFileSchema.parse(JSON.parse(readFileSync(DEFAULT_MODEL_PATH, "utf8")));
    const trainSha = createHash("sha256").update(readFileSync(corpusFile("train"), "utf8")).digest("hex");
    expect(file.trainedOn.corpusSha256, "retrain: npm run train:intent").toBe(trainSha);
    expect(statSync(DEFAULT_MODEL_PATH).size).toBeLessThan(4 * 1024 * 1024);
    expect(loadIntentModel()).not.toBeNull();
  });

  it("keeps the split fixed by id and the corpus well-formed", () => {
    for (const split of ["train", "dev", "test"] as const) {
      for (const q of readCorpus(corpusFile(split))) expect(splitOf(q.id), q.id).toBe(split);
    }
  });

  it("plans a question in a few milliseconds", () => {
    const dev = readCorpus(corpusFile("dev"));
    planQuestion("warm-up", RUNTIME, TODAY);
    const started = performance.now();
    for (const q of dev) planQuestion(q.q, RUNTIME, TODAY);
    const perQuestion = (performance.now() - started) / dev.length;
    expect(perQuestion).toBeLessThan(10);
  });
});

describe("training", () => {
  it("gives the same weights every time (seeded SGD, fixed order)", () => {
    const rows = readCorpus(corpusFile("train")).slice(0, 150);
    const train = () => {
      const data = featuriseCorpus(rows, 2);
      const o = { epochs: 3, rate: 0.2, l2: 1e-3, seed: 7 };
      const F = data.vocabulary.length;
      const heads = {
        intent: trainSoftmaxLr(data.intent, F, [...INTENTS], o),
        aspects: trainSigmoidLr(data.aspects, F, [...ASPECTS], o),
        qtype: trainSoftmaxLr(data.qtype, F, [...QUESTION_TYPES], o),
      };
      return JSON.stringify(packModel("lr", data.vocabulary, heads, "x", rows.length, { aspect: 0.4 }, 8));
    };
    expect(train()).toBe(train());
  });
});

describe("never a dead end", () => {
  it.each([
    "전세금 5% 인상이 가능한가요?",
    "보증금 반환 안 받으면 어떻게 하나요?",
    "중개수수료는 얼마인가요?",
    "신혼부부 대출 우대 조건은?",
    "카카오뱅크 대출 조건은?",
    "재개발 지역 투자 시 법률과 시세 분석",
    "jeonse deposit 못 받으면?",
    "확정일자받는법",
    "국평이 무슨 뜻이에요",
    "같은 단지면 59랑 84 가격 차이 보통 몇억 나요",
    "도배 장판 새로 해주기로 한 거 특약 문구로 어떻게 써요",
  ])("plans %s", (q) => {
    const plan = planQuestion(q, RUNTIME, TODAY);
    expect(["UNCLEAR", "IRRELEVANT"]).not.toContain(plan.intent);
    expect(plan.aspects.length).toBeGreaterThan(0);
    expect(plan.execution_steps.length).toBeGreaterThan(0);
    expect(QUESTION_TYPES).toContain(plan.questionType);
  });

  it.each(["오늘 날씨 어때?", "파이썬으로 리스트 정렬하는 법", "강남역 근처 점심 맛집 추천", "Recommend a good sushi place in Gangnam", "How do I renew my passport?"])(
    "leaves %s off-topic, with no steps",
    (q) => {
      const plan = planQuestion(q, RUNTIME, TODAY);
      expect(plan.intent).toBe("IRRELEVANT");
      expect(plan.execution_steps).toEqual([]);
      expect(plan.aspects).toEqual([]);
    },
  );
});

describe("every aspect asked is planned", () => {
  it("plans law, market and loan together", () => {
    const plan = planQuestion("마포구 아파트 전세 4억 시세에 맞나요? 대출 한도는 얼마고, 재계약 때 5% 넘게 올려도 되나요?", RUNTIME, TODAY);
    expect(plan.intent).toBe("COMPREHENSIVE");
    expect(plan.aspects).toEqual(expect.arrayContaining(["legal", "market", "loan"]));
    expect(tools("마포구 아파트 전세 4억 시세에 맞나요? 대출 한도는 얼마고, 재계약 때 5% 넘게 올려도 되나요?"))
      .toEqual(expect.arrayContaining(["legal_search", "market_data", "loan_search", "loan_simulator"]));
  });

  it("plans the three parts of the question the end-to-end tests ask (price, loan, keeping the deposit)", () => {
    const q = "마포구 아파트 전세 4억이면 적정한가요? 대출은 얼마나 되고 보증금은 어떻게 지키나요?";
    expect(planQuestion(q, RUNTIME, TODAY).intent).toBe("COMPREHENSIVE");
    expect(tools(q)).toEqual(expect.arrayContaining(["market_data", "legal_search", "loan_search", "market_analysis", "loan_simulator"]));
  });

  it("drafts through the document team and reviews through the analysis team", () => {
    expect(tools("월세 계약서 작성해 주세요. 보증금 1천, 월세 60")).toEqual(expect.arrayContaining(["legal_search", "lease_contract_generator"]));
    expect(tools("계약서 특약에 '수리비는 임차인 부담' 이라고 돼 있는데 검토해 주세요")).toEqual(expect.arrayContaining(["legal_search", "contract_analysis"]));
  });

  it("plans risk with market data, the law and the market analysis", () => {
    expect(tools("빌라 전세 2억 8천인데 매매가가 3억이래요 깡통전세 아닌가요?"))
      .toEqual(expect.arrayContaining(["market_data", "legal_search", "market_analysis"]));
  });
});

describe("intent and aspects read together", () => {
  const probs = (p: Record<string, number>) => (a: string) => p[a] ?? 0;
  const intents = (p: Record<string, number>) => Object.entries(p).map(([intent, v]) => ({ intent: intent as never, p: v }));

  it("calls a question with two confident parts of different work COMPREHENSIVE", () => {
    const r = jointReading(intents({ LEGAL_CONSULT: 0.6, COMPREHENSIVE: 0.3, MARKET_INQUIRY: 0.1 }), probs({ legal: 0.95, market: 0.9 }), 0.3);
    expect(r).toMatchObject({ intent: "COMPREHENSIVE", aspects: ["legal", "market"] });
  });

  it("keeps a single topic with its companion aspect (a contract review that asks what the law says)", () => {
    const r = jointReading(intents({ CONTRACT_REVIEW: 0.7, COMPREHENSIVE: 0.2, LEGAL_CONSULT: 0.1 }), probs({ contract: 0.9, legal: 0.8 }), 0.3);
    expect(r).toMatchObject({ intent: "CONTRACT_REVIEW", aspects: ["legal", "contract"] });
  });

  it("gives COMPREHENSIVE its likeliest second part when the aspects found only one", () => {
    const r = jointReading(intents({ COMPREHENSIVE: 0.97, LOAN_CONSULT: 0.03 }), probs({ loan: 0.9, market: 0.2, legal: 0.1 }), 0.3);
    expect(r).toMatchObject({ intent: "COMPREHENSIVE", aspects: ["market", "loan"] });
  });
});

describe("domain vocabulary", () => {
  it("finds glossary terms and statute concepts written without spaces or in English", () => {
    expect(vocabularyFeatures("묵시적갱신 되면 중도해지 가능?")).toEqual(expect.arrayContaining(["gl:implied_renewal", "lc:implicit_renewal"]));
    expect(vocabularyFeatures("what is the fixed date thing")).toEqual(expect.arrayContaining(["gl:fixed_date", "lc:fixed_date"]));
    expect(vocabularyFeatures("오늘 점심 뭐 먹지")).toEqual([]);
  });

  it("reads a hyphen as a space in a term (\"fixed-date stamp\" names \"fixed date\")", () => {
    expect(vocabularyFeatures("What does fixed-date stamp mean?")).toEqual(expect.arrayContaining(["gl:fixed_date"]));
    expect(housingEvidence("What does fixed-date stamp mean?")).toBe("clearly");
  });

  it("counts housing words the rules lack, not restaurants", () => {
    expect(housingEvidence("국평 시세 얼마예요")).toBe("clearly");
    expect(housingEvidence("내용증명은 어떻게 보내면 돼요?")).toBe("clearly");
    expect(housingEvidence("강남역 근처 점심 맛집 추천")).toBe("no");
  });
});

describe("a question that only asks what a glossary term means", () => {
  const plan = (q: string) => planQuestion(q, RUNTIME, TODAY);

  // The search team looks the glossary up for every definition (teams/search.ts leadTools).
  it("is a definition, whatever topic the term belongs to", () => {
    // Contract terms were read as contract work, and "뭔지"/"무엇을 말하나요" carried no definition cue.
    for (const q of ["위약금이란?", "특약사항이란 무엇입니까", "What is a special clause in a lease contract?", "계약갱신요구권이 뭔지 알려주세요",
      "중개보수란 무엇을 말하나요?", "What does fixed-date stamp mean?"]) {
      const p = plan(q);
      expect(p.questionType, q).toBe("definition");
      expect(["CONTRACT_CREATION", "CONTRACT_REVIEW", "UNCLEAR", "IRRELEVANT"], q).not.toContain(p.intent);
    }
  });

  it("keeps the topic the model gave a term of its own field", () => {
    expect(plan("DTI가 뭔지 설명 좀 해줘")).toMatchObject({ intent: "LOAN_CONSULT", questionType: "definition" });
  });

  it("leaves every other kind of ask about the same terms as it was", () => {
    const none = { contractText: false, placeOrFigure: false };
    expect(asksOnlyWhatTermMeans("특약 써줘", none)).toBe(false);
    expect(asksOnlyWhatTermMeans("계약서 특약 검토해줘", none)).toBe(false);
    expect(asksOnlyWhatTermMeans("LTV가 뭐예요? 5억 집이면 얼마까지 빌려요?", none)).toBe(false);
    expect(asksOnlyWhatTermMeans("확정일자 받는 방법 알려줘", none)).toBe(false);
    expect(asksOnlyWhatTermMeans("특약이 뭔가요?", { contractText: true, placeOrFigure: false })).toBe(false); // a pasted contract is there to be reviewed
    expect(asksOnlyWhatTermMeans("사랑이 뭐예요?", none)).toBe(false); // no glossary term
    expect(plan("Write a special clause that lets me keep a cat").intent).toBe("CONTRACT_CREATION");
    expect(plan("계약서 특약 검토해줘").intent).toBe("CONTRACT_REVIEW");
    expect(plan("오늘 점심 뭐예요?").intent).toBe("IRRELEVANT");
    // A place or a figure asks for the term's value there (the planner passes what the entities found).
    expect(asksOnlyWhatTermMeans("What's the DSR for a 500 million won loan?", { contractText: false, placeOrFigure: true })).toBe(false);
    expect(asksOnlyWhatTermMeans("What's the DSR for a 500 million won loan?", none)).toBe(true);
  });
});

describe("a question asking how to do something", () => {
  const qtype = (q: string) => planQuestion(q, RUNTIME, TODAY).questionType;

  it("is a procedure, whatever the \"되나요\" at its end", () => {
    // The model read these as permissibility or eligibility.
    for (const q of ["계약갱신요구는 어떻게 하면 되나요?", "확정일자는 어떻게 받으면 되나요?", "월세 세액공제 어떻게 받으면 되나요?"]) expect(qtype(q), q).toBe("procedure");
  });

  it("leaves \"어떻게 되나요\" (what happens, how much) and other asks alone", () => {
    expect(asksForSteps("전입신고 안 하면 어떻게 되나요?")).toBe(false);
    expect(asksForSteps("계약 해지하면 보증금은 어떻게 되나요?")).toBe(false);
    expect(qtype("신혼부부 전세대출 한도는 어떻게 되나요?")).not.toBe("procedure");
    // A draft asked for keeps its type.
    expect(qtype("특약 문구는 어떻게 써야 하나요? 반려동물 허용으로 작성해 주세요")).toBe("drafting");
  });
});
