// The statute import against the real database: the seed imported data/laws; a re-import is a no-op; a changed
// or added file replaces or adds its version only; version windows and delegations are rebuilt.
import { mkdtempSync, writeFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { testDatabase } from "../../../../test/db";
import { importLaws, shippedLawsDir } from "./import";

const LAW = "테스트임대차법";
const v1 = (extra = "") => `\uFEFF${LAW}\r\n[시행 2020. 1. 1.] [법률 제1호, 2019. 12. 1., 제정]\r\n법무부(테스트) 02-000-0000\r\n\r\n` +
  `제1조(목적) 이 법은 시험을 목적으로 한다.\r\n제2조(위임) ① 보증금의 범위는 대통령령으로 정한다.${extra}\r\n부칙 <제1호,2019. 12. 1.>\r\n이 법은 공포한 날부터 시행한다.\r\n`;
const decree = `${LAW} 시행령\r\n[시행 2020. 1. 1.] [대통령령 제1호, 2019. 12. 1., 제정]\r\n제1조(보증금의 범위) 법 제2조제1항에 따른 보증금의 범위는 1억원으로 한다.\r\n`;

const dirs: string[] = [];
function dirWith(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), "laws-"));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}

afterAll(async () => {
  const { db } = await testDatabase();
  await db.execute(sql`DELETE FROM statutes WHERE law_name LIKE ${`${LAW}%`}`);
  await db.execute(sql`DELETE FROM statute_delegations WHERE from_law LIKE ${`${LAW}%`}`);
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe("importLaws", () => {
  it("the seed imported all 28 shipped files, and importing them again changes nothing", async () => {
    const { db } = await testDatabase();
    const before = await db.execute<{ n: number; ids: string }>(sql`SELECT count(*)::int AS n, string_agg(id::text, ',' ORDER BY id) AS ids FROM statutes WHERE law_name NOT LIKE ${`${LAW}%`}`);
    expect(before[0].n).toBe(28);
    const report = await importLaws(db, shippedLawsDir());
    expect(report.imported).toEqual([]);
    expect(report.unchanged).toHaveLength(28);
    const after = await db.execute<{ ids: string }>(sql`SELECT string_agg(id::text, ',' ORDER BY id) AS ids FROM statutes WHERE law_name NOT LIKE ${`${LAW}%`}`);
    expect(after[0].ids).toBe(before[0].ids);
    const lease = await db.execute<{ from_article: string; to_article: string }>(sql`
      SELECT from_article, to_article FROM statute_delegations WHERE from_law = '주택임대차보호법' AND from_article = '제8조' ORDER BY to_article`);
    expect(lease.map((r) => r.to_article)).toEqual(expect.arrayContaining(["제10조", "제11조"]));
  });

  it("imports a new law, skips it when unchanged, replaces it when changed, and dates a later version", async () => {
    const { db } = await testDatabase();
    const fileV1 = `${LAW}(법률)(제00001호)(20200101).txt`;
    const fileDecree = `${LAW} 시행령(대통령령)(제00001호)(20200101).txt`;
    const first = await importLaws(db, dirWith({ [fileV1]: v1(), [fileDecree]: decree }));
    expect(first.imported.sort()).toEqual([fileDecree, fileV1].sort());
    expect(first.unplaced).toEqual({});
    const again = await importLaws(db, dirWith({ [fileV1]: v1(), [fileDecree]: decree }));
    expect(again.imported).toEqual([]);

    const links = await db.execute(sql`SELECT from_article, to_law, to_article, basis FROM statute_delegations WHERE from_law = ${LAW}`);
    expect([...links]).toEqual([{ from_article: "제2조", to_law: `${LAW} 시행령`, to_article: "제1조", basis: "법 제2조제1항" }]);

    const changed = await importLaws(db, dirWith({ [fileV1]: v1(" 다만, 예외를 둔다.") }));
    expect(changed.imported).toEqual([fileV1]);
    const text = await db.execute<{ text: string; n: number }>(sql`
      SELECT p.text, (SELECT count(*)::int FROM statutes WHERE law_name = ${LAW}) AS n
      FROM statute_provisions p JOIN statutes s ON s.id = p.statute_id WHERE p.key = ${`${LAW} 제2조 제1항`}`);
    expect(text).toEqual([{ text: "보증금의 범위는 대통령령으로 정한다. 다만, 예외를 둔다.", n: 1 }]);

    const fileV2 = `${LAW}(예정_법률)(제00002호)(20990101).txt`;
    await importLaws(db, dirWith({ [fileV2]: v1().replace("시행 2020. 1. 1.", "시행 2099. 1. 1.") }));
    const versions = await db.execute(sql`
      SELECT effective_from::text, effective_to::text, scheduled FROM statutes WHERE law_name = ${LAW} ORDER BY effective_from`);
    expect([...versions]).toEqual([
      { effective_from: "2020-01-01", effective_to: "2099-01-01", scheduled: false },
      { effective_from: "2099-01-01", effective_to: null, scheduled: true },
    ]);
    const supplements = await db.execute(sql`
      SELECT x.label FROM statute_supplements x JOIN statutes s ON s.id = x.statute_id WHERE s.law_name = ${LAW} ORDER BY s.effective_from`);
    expect(supplements.map((r) => r.label)).toEqual(["부칙 <제1호,2019. 12. 1.>", "부칙 <제1호,2019. 12. 1.>"]);
    // Four imports, each rebuilding the whole corpus's term stats and delegations and running VACUUM ANALYZE:
    // about 5 s each on a quiet machine, more than 30 s together on 2 shared cores.
  }, 180_000);
});
