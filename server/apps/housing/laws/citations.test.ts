// runs.citations end to end: a housing turn that searches the statutes records its law sources, best first,
// in the run summary (orchestrated and legacy paths alike); a turn without legal search records none.
import { describe, expect, it } from "vitest";
import { createTestUser, testDatabase } from "../../../../test/db";
import { createHousingApp } from "../index";
import { runTurn } from "../../../supervisor/service";

const base = { memory_learning: false, llm_decisions: false, strategy_cache: false };

describe("runs.citations", () => {
  it.each([true, false])("records the cited article first (orchestrator=%s)", async (orchestrator) => {
    const database = await testDatabase();
    const { userId } = await createTestUser();
    const summary = await runTurn(database, {
      userId, message: "주택임대차법 7조 내용 알려줘", flagOverrides: { ...base, orchestrator },
    }, { app: createHousingApp() });
    expect(summary.status).toBe("completed");
    expect(summary.citations[0]).toMatchObject({ source: "law", law: "주택임대차보호법", article: "제7조", paragraph: 1, rank: 1 });
    expect(summary.citations[0].callKey).toMatch(/legal_search/);
    expect(summary.citations.map((c) => c.rank)).toEqual(summary.citations.map((_, i) => i + 1));
  });

  it("routes an everyday statute question by evidence and cites the brokerage act", async () => {
    const database = await testDatabase();
    const { userId } = await createTestUser();
    const summary = await runTurn(database, {
      userId, message: "중개수수료는 얼마인가요?", flagOverrides: { ...base, orchestrator: true },
    }, { app: createHousingApp() });
    expect(summary.toolCalls.map((c) => c.tool)).toContain("legal_search");
    expect(summary.aspects).toContain("legal");
    expect(summary.citations.slice(0, 3).some((c) => c.law?.startsWith("공인중개사법"))).toBe(true);
  });

  it("records no citations when no statute was searched", async () => {
    const database = await testDatabase();
    const { userId } = await createTestUser();
    const summary = await runTurn(database, {
      userId, message: "마포구 아파트 전세 시세가 요즘 어느 정도예요?", flagOverrides: { ...base, orchestrator: true },
    }, { app: createHousingApp() });
    expect(summary.status).toBe("completed");
    expect(summary.citations).toEqual([]);
  });
});
