// legal-search: warm legal_search calls over the whole statute corpus (28 texts), a fixed mix of citations,
// everyday Korean and English questions; p50/p95 of the tool call (ranking, quotes and delegations included).
import { performance } from "node:perf_hooks";
import type { Database } from "../../server/db/client";
import { legalSearchTool } from "../../server/apps/housing/tools/legal-search";
import { percentile, round } from "./stats";

const QUERIES = [
  "주택임대차법 7조", "임대차보호법 제3조의2 2항", "Housing Lease Protection Act article 3", "공인중개사법 시행령 제27조의2",
  "중개수수료는 얼마인가요?", "표준지공시지가란 무엇인가요?", "층간소음 기준이 어떻게 되나요?", "등기부등본은 어떻게 떼나요?",
  "계약갱신요구권은 몇 번 쓸 수 있나요", "집주인이 보증금을 안 돌려줘요", "확정일자는 어디서 받아요?",
  "전월세 신고 안 하면 과태료 얼마예요?", "임대사업자 임대의무기간이 몇 년이에요?", "분양가상한제 아파트 거주의무 기간",
  "아파트 하자보수 기간은 몇 년인가요", "관리비 항목에는 뭐가 있나요", "장기수선충당금은 누가 내나요",
  "매수신청대리인 등록 요건", "등기필정보를 잃어버렸어요", "부동산 거래신고는 며칠 안에 해야 하나요",
  "How do I get my deposit back?", "Can my landlord raise the rent by more than 5 percent?",
  "How long is the builder liable for defects in a new apartment?", "What is the validity period of an exclusive brokerage contract?",
  "Is there a fine for not reporting my rental contract?", "Who pays the long-term repair reserve in an apartment?",
  "공동주택 층간소음의 범위와 기준에 관한 규칙 제3조", "건축물 분양 신고 절차", "개별공시지가 이의신청", "주택조합 탈퇴하면 돈 돌려받나요",
];

export async function runLegalSearch(database: Database, opts: { rounds: number }) {
  const ctx = { db: database.db, language: "ko" as const, runId: "bench-legal-search", signal: new AbortController().signal };
  const call = (q: string) => legalSearchTool.run(legalSearchTool.inputSchema.parse({ query: q }), ctx);
  for (const q of QUERIES) await call(q); // warm: plans cached, corpus stats loaded, pages in memory
  const timings: number[] = [];
  let empty = 0;
  for (let r = 0; r < opts.rounds; r++) {
    for (const q of QUERIES) {
      const t0 = performance.now();
      const out = await call(q);
      timings.push(performance.now() - t0);
      if (out.articles.length === 0) empty++;
    }
  }
  const [{ provisions }] = await database.sql<{ provisions: number }[]>`select count(*)::int as provisions from statute_provisions`;
  const sorted = timings.sort((a, b) => a - b);
  return {
    scenario: "legal-search", queries: QUERIES.length, calls: timings.length, provisions, emptyResults: empty,
    p50Ms: round(percentile(sorted, 50)), p95Ms: round(percentile(sorted, 95)), maxMs: round(sorted[sorted.length - 1]),
  };
}
