import { describe, expect, it } from "vitest";
import { getDatabase } from "../../../db/client";
import { planQuestion } from "../rules/planner";
import { createHousingToolRegistry } from "../tools";
import { createHousingTeamRegistry, housingTeams } from ".";
import { runStepsSequentially } from "./run-steps";

const tools = createHousingToolRegistry();
const teams = createHousingTeamRegistry();
const teamList = housingTeams.map((t) => ({ name: t.name, tools: t.tools }));
const plan = (q: string) => planQuestion(q, teamList, new Date("2026-11-24T00:00:00Z"));

const QUESTIONS = [
  "마포구 아파트 전세 4억에 들어가려는데 매매가가 5억이래요. 깡통전세 위험 있나요?",
  "We're newlyweds with a combined income of 80 million won. How much can we borrow to buy a 700 million won apartment in Mapo-gu?",
  "전세 3억인데 재계약하면서 집주인이 3천만원 더 달라고 합니다. 5% 넘는 거 아닌가요?",
  "마포구 아파트 전세 계약서 작성해줘. 보증금 4억, 2025년 3월 1일부터 2년",
  "계약서 특약에 '임차인은 퇴거 시 도배 장판 비용을 전액 부담한다'라고 되어 있는데 이거 서명해도 되나요?",
  "I'm 29 and earn 42 million won a year. Which government jeonse loan programs can I get?",
];

describe("housing teams", () => {
  it("every team's tools are registered tools", () => {
    for (const team of housingTeams) for (const tool of team.tools) expect(tools.has(tool)).toBe(true);
  });

  it.each(QUESTIONS)("proposes valid, linked requests for: %s", (q) => {
    const planning = plan(q);
    expect(planning.execution_steps.length).toBeGreaterThan(0);
    for (const step of planning.execution_steps) {
      const requests = teams.get(step.team).proposeTools(step, planning, q);
      expect(requests.length).toBeGreaterThan(0);
      expect(requests.filter((r) => r.required)).toHaveLength(1);
      for (const r of requests) {
        expect(step.tools).toContain(r.tool);
        expect(r).toMatchObject({ team: step.team, stepId: step.step_id });
        // Inputs from other tools are optional: the arguments alone must validate.
        const parsed = tools.get(r.tool).inputSchema.safeParse(r.args);
        expect(parsed.success, `${r.tool}: ${parsed.success ? "" : parsed.error.message}`).toBe(true);
        for (const source of Object.values(r.inputsFrom ?? {})) expect(planning.execution_steps.some((s) => s.tools.includes(source))).toBe(true);
      }
    }
  });

  it("links market_analysis to market_data and asks market_data for every transaction type", () => {
    const planning = plan(QUESTIONS[0]);
    const analysis = planning.execution_steps.find((s) => s.team === "analysis")!;
    const search = planning.execution_steps.find((s) => s.team === "search")!;
    const request = teams.get("analysis").proposeTools(analysis, planning, QUESTIONS[0]).find((r) => r.tool === "market_analysis")!;
    expect(request.inputsFrom).toEqual({ market: "market_data" });
    expect(request.args).toMatchObject({ deposit: 400_000_000, price: 500_000_000 });
    const market = teams.get("search").proposeTools(search, planning, QUESTIONS[0]).find((r) => r.tool === "market_data")!;
    expect(market.args).toMatchObject({ region: "마포구", propertyType: "apartment" });
    expect(market.args.transactionType).toBeUndefined();
  });

  it("summarize reports quality as the share of the step's tools obtained", () => {
    const planning = plan(QUESTIONS[1]);
    const step = planning.execution_steps.find((s) => s.team === "analysis")!;
    expect(step.tools.length).toBeGreaterThanOrEqual(2);
    const [first, ...rest] = step.tools;
    const result = teams.get("analysis").summarize(step, { [first]: { ok: true } }, []);
    expect(result).toMatchObject({ team: "analysis", stepId: "step_analysis" });
    expect(result.quality).toBeCloseTo(1 / step.tools.length, 2);
    // Only calls that ran and failed are missing; tools never called (no input for them) are not.
    expect(result.missing).toEqual([]);
    expect(teams.get("analysis").summarize(step, { [first]: { ok: true } }, [rest[0]]).missing).toEqual([rest[0]]);
    expect(teams.get("analysis").summarize(step, {}, []).quality).toBe(0);
  });

  it.each(QUESTIONS)("runs end to end against the database: %s", async (q) => {
    const { db } = await getDatabase();
    const planning = plan(q);
    const run = await runStepsSequentially(planning, q, tools, teams, db);
    expect(run.failures).toEqual({});
    for (const step of planning.execution_steps) expect(run.teamResults[step.team].quality).toBe(1);
  });
});
