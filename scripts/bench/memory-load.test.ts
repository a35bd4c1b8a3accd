// The memory-load scenario at a reduced size: it measures real loadMemory calls over bulk-inserted
// patterns, reports percentiles, and leaves no synthetic rows behind.
import { describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { testDatabase } from "../../test/db";
import { runMemoryLoad } from "./memory-load";

describe("memory-load benchmark", () => {
  it("times loadMemory over bulk-inserted patterns and cleans up", async () => {
    const { db } = await testDatabase();
    // Only the bench's own users: other test files write patterns at the same time.
    const count = async () => Number((await db.execute<{ n: string }>(sql`
      select count(*) as n from execution_patterns
      where user_id in (select md5('ensemble-bench-memory-load:' || g::text)::uuid from generate_series(0, 199) g)`))[0].n);
    const result = await runMemoryLoad(db, { patterns: 20_000, users: 200, samples: 60 });
    expect(result).toMatchObject({ scenario: "memory-load", patterns: 20_000, users: 200 });
    expect(result.p50_ms).toBeGreaterThan(0);
    expect(result.p95_ms).toBeGreaterThanOrEqual(result.p50_ms);
    // Generous: the goal (p95 ≤ 5 ms at 100k patterns) is checked by `npm run bench`, not on a shared test box.
    expect(result.p95_ms).toBeLessThan(100);
    expect(await count()).toBe(0);
  });

  it("rejects nonsense sizes", async () => {
    const { db } = await testDatabase();
    await expect(runMemoryLoad(db, { patterns: 0, users: 1, samples: 1 })).rejects.toThrow(/patterns must be a positive/);
  });
});
