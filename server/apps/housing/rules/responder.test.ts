import { describe, expect, it } from "vitest";
import { getDatabase } from "../../../db/client";
import { planQuestion } from "./planner";
import { RulesResponder } from "./responder";
import { createHousingToolRegistry } from "../tools";
import { createHousingTeamRegistry, housingTeams } from "../teams";
import { runStepsSequentially } from "../teams/run-steps";
import { allowedNumbers, unexplained } from "./answer-numbers";

const tools = createHousingToolRegistry();
const teams = createHousingTeamRegistry();
const teamList = housingTeams.map((t) => ({ name: t.name, tools: t.tools }));
// The rules plan (no model): these tests are about the answer, not about how the question was read.
const plan = (q: string) => planQuestion(q, teamList, new Date("2026-11-24T00:00:00Z"), null);

async function answerFor(query: string) {
  const { db } = await getDatabase();
  const planning = plan(query);
  const run = await runStepsSequentially(planning, query, tools, teams, db);
  const deltas: string[] = [];
  const answer = await new RulesResponder().respond({ query, planning, aggregated: run.aggregated, onDelta: (d) => { deltas.push(d); } });
  return { planning, run, answer, deltas };
}

const CASES: { query: string; language: "ko" | "en"; expect: RegExp[] }[] = [
  { query: "마포구 아파트 전세 4억에 들어가려는데 매매가가 5억이래요. 깡통전세 위험 있나요?", language: "ko",
    expect: [/^- 전세가율 80%/, /전세가율 80%/, /매우 위험/, /## 법적 근거/, /샘플/, /## 출처/] },
  { query: "We're newlyweds with a combined income of 80 million won. How much can we borrow to buy a 700 million won apartment in Mapo-gu?", language: "en",
    expect: [/^You can borrow up to/, /maximum loan/, /LTV/, /Monthly repayments/, /₩/, /illustrative/] },
  { query: "전세 3억인데 재계약하면서 집주인이 3천만원 더 달라고 합니다. 5% 넘는 거 아닌가요?", language: "ko",
    expect: [/인상률은 10%/, /5% 상한을 넘습니다/, /3억 1,500만원/, /주택임대차보호법 제7조/] },
  { query: "마포구 아파트 전세 계약서 작성해줘. 보증금 4억, 2025년 3월 1일부터 2년", language: "ko",
    expect: [/계약서 초안/, /미기재: 임대인 성명/, /4억원/, /## 다음 단계/] },
  { query: "Can you review this clause in my lease: \"The tenant shall not register residence at the address and waives the right to request renewal.\"", language: "en",
    expect: [/^There are risky clauses/, /\[high\]/, /Ban on registering residence/, /Waiver of the renewal right/] },
  { query: "I'm 29 and earn 42 million won a year. Which government jeonse loan programs can I get?", language: "en",
    expect: [/Government programmes/, /Youth Beotimmok/] },
  // The headline question, in both languages: price verdict, jeonse-ratio risk level, loan limit
  // with interest-only repayment, the deposit-protection articles, the guarantees and concrete next steps.
  { query: "마포구 아파트 전세 4억이면 적정한가요? 대출은 얼마나 되고 보증금은 어떻게 지키나요?", language: "ko",
    expect: [/시세보다 낮은 편/, /깡통전세 위험도는 \*\*안전\*\*/, /예상 최대 대출 가능액/, /만기일시 상환이라 매월 이자 66만 6,000원/,
      /본인 자금/, /주택임대차보호법 제3조 \(대항력/, /주택임대차보호법 제3조의[23] /, /전세보증금반환보증\(HUG\)/,
      /전입신고와 확정일자를 같은 날/, /등기부등본/, /임차권등기명령을 신청/] },
  { query: "Is a 400 million won jeonse for an apartment in Mapo-gu fair? How much can I borrow, and how do I protect my deposit?", language: "en",
    expect: [/below the going rate/, /risk level is \*\*safe\*\*/, /estimated maximum loan/, /interest-only: about ₩666,000/,
      /own funds/, /Housing Lease Protection Act Article 3 \(Opposing power\)/, /Housing Lease Protection Act Article 3-[23] /,
      /HUG deposit-return guarantee/, /fixed-date stamp \(확정일자\) the same day/, /land register/, /lease registration order/] },
];

describe("RulesResponder", () => {
  it.each(CASES)("answers from tool outputs only: $query", async ({ query, language, expect: patterns }) => {
    const { planning, run, answer, deltas } = await answerFor(query);
    expect(planning.language).toBe(language);
    expect(answer.source).toBe("rules");
    expect(deltas.length).toBeGreaterThan(2);
    expect(deltas.join("")).toBe(answer.answer);
    for (const p of patterns) expect(answer.answer).toMatch(p);
    const allowed = allowedNumbers([run.aggregated.outputs, run.aggregated.entities]);
    expect(unexplained(answer.answer, allowed)).toEqual([]);
    expect(answer.sources.length).toBeGreaterThan(0);
  });

  it("leads a jeonse loan with the interest-only payment, never the two-year amortisation", async () => {
    for (const query of [
      "마포구 아파트 전세 4억이면 적정한가요? 대출은 얼마나 되고 보증금은 어떻게 지키나요?",
      "Is a 400 million won jeonse for an apartment in Mapo-gu fair? How much can I borrow, and how do I protect my deposit?",
    ]) {
      const { planning, answer } = await answerFor(query);
      expect(planning.intent).toBe("COMPREHENSIVE");
      expect(answer.answer).not.toMatch(/원리금균등|equal payments|960만|9,600,858/);
      // The articles people used to get instead of the core ones.
      expect(answer.answer).not.toMatch(/제12조|Article 12\b/);
    }
  });

  it("states what could not be obtained", async () => {
    const query = "마포구 아파트 전세 4억에 들어가려는데 매매가가 5억이래요. 깡통전세 위험 있나요?";
    const { db } = await getDatabase();
    const planning = plan(query);
    const run = await runStepsSequentially(planning, query, tools, teams, db);
    const { market_data: _dropped, ...outputs } = run.aggregated.outputs;
    const aggregated = { ...run.aggregated, outputs, missing: ["market_data"], degraded: true };
    const answer = await new RulesResponder().respond({ query, planning, aggregated });
    expect(answer.answer).toMatch(/## 확인하지 못한 정보/);
    expect(answer.answer).toMatch(/시세 자료/);
    expect(answer.answer).toMatch(/불완전/);
    expect(unexplained(answer.answer, allowedNumbers([outputs, run.aggregated.entities]))).toEqual([]);
  });

  it("the number check catches an invented figure", () => {
    expect(unexplained("보증금 4억 2,000만원, 금리 3.5%", allowedNumbers({ deposit: 400_000_000, rate: 3.5 }))).toEqual(["4억 2,000만원"]);
    expect(unexplained("₩420,000,000 (420M KRW)", allowedNumbers({ a: 420_000_000 }))).toEqual([]);
    expect(unexplained("월 66만 6,000원", allowedNumbers({ a: 666_000 }))).toEqual([]);
    expect(unexplained("월 66만 6,000원", allowedNumbers({ a: 9_600_858, b: 6_000 }))).toEqual(["66만 6,000원"]);
  });

  it.each([
    ["오늘 저녁 메뉴 추천해줘", "ko", /도와드릴 수 있는 일/],
    ["What's the weather like tomorrow?", "en", /What I can help with/],
  ] as const)("gives guidance for irrelevant questions: %s", async (query, language, heading) => {
    const planning = plan(query);
    expect(planning.execution_steps).toEqual([]);
    const deltas: string[] = [];
    const answer = await new RulesResponder().respond({ query, planning, aggregated: null, onDelta: (d) => { deltas.push(d); } });
    expect(planning.language).toBe(language);
    expect(answer.answer).toMatch(heading);
    expect(deltas.join("")).toBe(answer.answer);
    expect(deltas.length).toBeGreaterThan(1);
  });

  // Whatever the planner called it, a housing question never gets the help text: the rules' steps, or the one
  // fact it lacks. Forced to IRRELEVANT here so the test does not depend on how the planner reads it.
  it.each([
    ["How do I register my residence after moving in?", /^Here is what to do, in order:\n\n1\. /],
    ["시세 알려줘", /^시세는 지역과 거래 종류에 따라[^\n]*\n\n\*\*한 가지 여쭤볼게요:\*\* 어느 구/],
    ["대출 얼마나 나와요?", /한 가지 여쭤볼게요:\*\* 집을 사시려는 건가요/],
  ] as const)("answers a housing question the planner called IRRELEVANT: %s", async (query, expected) => {
    const planning = { ...plan(query), intent: "IRRELEVANT" as const, execution_steps: [] };
    const answer = await new RulesResponder().respond({ query, planning, aggregated: null });
    expect(answer.answer).toMatch(expected);
    expect(answer.answer).not.toMatch(/도와드릴 수 있는 일|What I can help with/);
  });
});
