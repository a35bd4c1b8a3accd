// The statutes router through a tRPC caller against the imported statutes: an article by key, versions by date,
// delegations both ways, bad keys as BAD_REQUEST, unknown articles as NOT_FOUND, anonymous callers refused.
import { describe, expect, it } from "vitest";
import { createCallerFactory, router } from "../../../trpc/init";
import { statutesRouter } from "./statutes";
import { createTestUser } from "../../../../test/db";
import { expectTrpcCode, testContext } from "../../../../test/trpc";

const createCaller = createCallerFactory(router({ statutes: statutesRouter }));

async function callerFor(userId: string | null) {
  return createCaller(await testContext(userId));
}

describe("statutes.article", () => {
  it("serves an article by citation key with its paragraphs verbatim and the decree articles under it", async () => {
    const { userId } = await createTestUser();
    const a = await (await callerFor(userId)).statutes.article({ key: "주택임대차보호법 제8조 제1항", asOf: "2026-11-25" });
    expect(a).toMatchObject({ citation: "주택임대차보호법 제8조", title: "보증금 중 일정액의 보호", kind: "법률", effectiveFrom: "2023-07-19" });
    expect(a.paragraphs.map((p) => p.key)).toEqual(["주택임대차보호법 제8조 제1항", "주택임대차보호법 제8조 제2항", "주택임대차보호법 제8조 제3항"]);
    expect(a.delegations.map((d) => d.citation)).toEqual(expect.arrayContaining(["주택임대차보호법 시행령 제10조", "주택임대차보호법 시행령 제11조"]));
    const decree = await (await callerFor(userId)).statutes.article({ key: "주택임대차보호법 시행령 제10조" });
    expect(decree.implements.map((d) => d.citation)).toContain("주택임대차보호법 제8조");
  });

  it("answers with the version in force on the date asked", async () => {
    const { userId } = await createTestUser();
    const caller = await callerFor(userId);
    const before = await caller.statutes.article({ key: "공인중개사법 제25조", asOf: "2025-06-01" });
    const after = await caller.statutes.article({ key: "공인중개사법 제25조", asOf: "2026-11-25" });
    expect([before.effectiveFrom, before.effectiveTo, before.lawNumber]).toEqual(["2024-12-27", "2026-02-15", "제19841호"]);
    expect([after.effectiveFrom, after.effectiveTo, after.scheduled]).toEqual(["2026-02-15", null, true]);
    expect(after.versions.map((v) => v.effectiveFrom)).toEqual(["2024-12-27", "2026-02-15"]);
  });

  it("rejects bad keys and dates, says NOT_FOUND for a missing article, and needs a user", async () => {
    const { userId } = await createTestUser();
    const caller = await callerFor(userId);
    await expectTrpcCode(caller.statutes.article({ key: "hello" }), "BAD_REQUEST");
    await expectTrpcCode(caller.statutes.article({ key: "주택임대차보호법 제7조", asOf: "2026-02-30x" }), "BAD_REQUEST");
    await expectTrpcCode(caller.statutes.article({ key: "주택임대차보호법 제999조" }), "NOT_FOUND");
    await expectTrpcCode(caller.statutes.article({ key: "주택임대차보호법 제7조", asOf: "1990-01-01" }), "NOT_FOUND");
    await expectTrpcCode((await callerFor(null)).statutes.article({ key: "주택임대차보호법 제7조" }), "UNAUTHORIZED");
  });
});
