import { describe, expect, it } from "vitest";
import { getDatabase } from "../../../db/client";
import { contractAnalysisTool, findContractRisks, loadContractRiskRules } from "./contract-analysis";
import type { ToolRunContext } from "../../../tools/types";

async function ctx(): Promise<ToolRunContext> {
  const { db } = await getDatabase();
  return { db, signal: new AbortController().signal, language: "ko", runId: "test" };
}
const run = async (text: string) => contractAnalysisTool.run(contractAnalysisTool.inputSchema.parse({ text }), await ctx());

const RISKY = `제1조 임차인은 전입신고를 하지 않기로 한다.
제2조 보증금은 새로운 임차인이 입주한 후에 반환한다.
제3조 임차인은 퇴거 시 도배, 장판 등 원상복구 비용을 전부 부담한다.
제4조 보일러 등 모든 수리 비용은 임차인이 부담한다.
제5조 임차인은 계약갱신요구권을 행사하지 않기로 한다.
제6조 관리비는 임대인이 정하는 바에 따라 별도 부과한다.`;

describe("contract_analysis", () => {
  it("flags the risky clauses with severity, explanation and law article", async () => {
    const out = await run(RISKY);
    contractAnalysisTool.outputSchema.parse(out);
    const codes = out.findings.map((f) => f.code);
    expect(codes).toEqual(expect.arrayContaining([
      "move_in_report_ban", "deposit_return_delay", "excessive_restoration", "repair_cost_shift", "renewal_right_waiver", "unclear_maintenance_fee",
    ]));
    expect(out.findings[0].severity).toBe("high");
    expect(out.overall).toBe("high");
    const ban = out.findings.find((f) => f.code === "move_in_report_ban")!;
    expect(ban.lawReference).toMatch(/제3조/);
    expect(ban.excerpt).toMatch(/전입신고/);
    expect(out.counts.high + out.counts.medium + out.counts.low).toBe(out.findings.length);
    expect(out.rulesChecked).toBeGreaterThanOrEqual(20);
  });

  it("reads English contract text too", async () => {
    const out = await run("The tenant shall not register residence at the address. The deposit will be returned after a new tenant moves in. The tenant waives the right to request renewal.");
    expect(out.findings.map((f) => f.code)).toEqual(expect.arrayContaining(["move_in_report_ban", "deposit_return_delay", "renewal_right_waiver"]));
  });

  it("flags a deposit returned months after the lease ends, in Korean and English", async () => {
    expect((await run("임대인은 보증금을 계약 종료 후 6개월 이내에 반환한다")).findings.map((f) => f.code)).toContain("deposit_return_delay");
    expect((await run("The deposit shall be returned within 3 months after the end of the lease.")).findings.map((f) => f.code)).toContain("deposit_return_delay");
  });

  it("finds nothing in a fair clause and English text without patterns", async () => {
    const fair = await run("임대인은 계약 종료일에 보증금 전액을 반환한다. 임차인은 전입신고를 할 수 있다.");
    expect(fair.findings).toEqual([]);
    expect(fair.overall).toBe("none");
  });

  it("exposes the matching as a pure function over the stored rules", async () => {
    const { db } = await getDatabase();
    const rules = await loadContractRiskRules(db);
    expect(findContractRisks("차임을 1회 연체하면 임대인은 즉시 계약을 해지할 수 있다.", rules).map((f) => f.code)).toContain("termination_on_single_arrear");
    expect(findContractRisks("아무 문제 없는 문장입니다.", rules)).toEqual([]);
  });

  it("rejects bad input", () => {
    expect(contractAnalysisTool.inputSchema.safeParse({ text: "짧음" }).success).toBe(false);
    expect(contractAnalysisTool.inputSchema.safeParse({}).success).toBe(false);
    expect(contractAnalysisTool.inputSchema.safeParse({ text: 42 }).success).toBe(false);
  });
});
