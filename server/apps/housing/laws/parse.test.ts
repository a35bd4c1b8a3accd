// The parser against every shipped statute export: nothing left unplaced, known provisions verbatim,
// notes kept out of the text, 부칙 apart, and the export's quirks (BOM, CRLF, bare CR, future copies).
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseLaw, paragraphText, splitLines, stripTrailingNotes, type ParsedLaw } from "./parse";
import { identityFromFileName } from "./parse-header";

const DIR = path.resolve(__dirname, "../../../../data/laws");
const FILES = readdirSync(DIR).filter((f) => f.endsWith(".txt"));
const parsed = new Map<string, ParsedLaw>(FILES.map((f) => [f, parseLaw(f, readFileSync(path.join(DIR, f), "utf8"))]));
const byFile = (prefix: string): ParsedLaw => {
  const f = FILES.find((x) => x.startsWith(prefix));
  if (!f) throw new Error(prefix);
  return parsed.get(f)!;
};
const article = (law: ParsedLaw, n: string) => law.articles.find((a) => a.number === n && a.effectiveTo === null)!;

describe("parseLaw over data/laws", () => {
  it("parses all 28 files and places every line", () => {
    expect(FILES).toHaveLength(28);
    for (const [f, law] of parsed) {
      expect(law.unplaced, f).toEqual([]);
      expect(law.articles.length, f).toBeGreaterThan(2);
      expect(law.supplements.length, f).toBeGreaterThanOrEqual(1);
    }
  });

  it("reads the law's identity and header", () => {
    const law = byFile("주택임대차보호법(법률)");
    expect(law).toMatchObject({
      name: "주택임대차보호법", shortName: "주택임대차법", kind: "법률", number: "제19356호", scheduled: false,
      promulgatedOn: "2023-04-18", effectiveFrom: "2023-07-19", revision: "일부개정",
    });
    expect(law.ministries).toEqual(["법무부(법무심의관실) 02-2110-3164", "국토교통부(주택임대차기획팀) 044-201-3348, 4178"]);
    const future = byFile("공인중개사법(예정_법률)");
    expect(future).toMatchObject({ name: "공인중개사법", kind: "법률", scheduled: true, effectiveFrom: "2026-02-15" });
    expect(byFile("주택임대차보호법 시행령").kind).toBe("대통령령");
  });

  it("keeps 주택임대차보호법 제3조 ① and 제7조 verbatim, notes apart", () => {
    const law = byFile("주택임대차보호법(법률)");
    const a3 = article(law, "제3조");
    expect(a3.title).toBe("대항력 등");
    expect(a3.chapter).toBeNull();
    expect(a3.paragraphs.map((p) => p.number)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(a3.paragraphs[0].text).toBe(
      "임대차는 그 등기(登記)가 없는 경우에도 임차인(賃借人)이 주택의 인도(引渡)와 주민등록을 마친 때에는 그 다음 날부터 제삼자에 대하여 효력이 생긴다. 이 경우 전입신고를 한 때에 주민등록이 된 것으로 본다.",
    );
    expect(a3.paragraphs[1].notes).toEqual(["<개정 2015. 1. 6.>"]);
    expect(a3.notes).toEqual(["[전문개정 2008. 3. 21.]"]);
    const a7 = article(law, "제7조");
    expect(a7.title).toBe("차임 등의 증감청구권");
    expect(a7.paragraphs[1]).toEqual({
      number: 2,
      text: "제1항에 따른 증액청구는 약정한 차임이나 보증금의 20분의 1의 금액을 초과하지 못한다. 다만, 특별시ㆍ광역시ㆍ특별자치시ㆍ도 및 특별자치도는 관할 구역 내의 지역별 임대차 시장 여건 등을 고려하여 본문의 범위에서 증액청구의 상한을 조례로 달리 정할 수 있다.",
      items: [], notes: ["<신설 2020. 7. 31.>"],
    });
    expect(a7.paragraphs[0].text.endsWith("1년 이내에는 하지 못한다.")).toBe(true);
  });

  it("reads 의N articles, items (호) and their text", () => {
    const law = byFile("주택임대차보호법(법률)");
    const a = article(law, "제3조의2");
    expect(a).toMatchObject({ base: 3, branch: 2, title: "보증금의 회수", deleted: false });
    const p7 = a.paragraphs[6];
    expect(p7.items).toHaveLength(10);
    expect(p7.items[0]).toEqual({ number: "1", text: "「은행법」에 따른 은행", subItems: [] });
    expect(p7.notes).toEqual(["<신설 2013. 8. 13., 2015. 1. 6., 2016. 5. 29.>"]);
    expect(paragraphText(p7).split("\n")[1]).toBe("1. 「은행법」에 따른 은행");
    expect(article(law, "제3조의4").title).toBe("「민법」에 따른 주택임대차등기의 효력 등");
  });

  it("reads sub-items (목), headings and deleted articles", () => {
    const decree = byFile("민간임대주택에 관한 특별법 시행령");
    const a6 = decree.articles.find((a) => a.number === "제6조")!; // the copy in force until 2026-02-26
    expect(a6.paragraphs[0].items[0].subItems).toEqual([{ label: "가", text: "단독주택: 100호" }, { label: "나", text: "공동주택: 100세대" }]);
    const registry = byFile("부동산등기법");
    expect(article(registry, "제1조").chapter).toBe("제1장 총칙");
    const deleted = [...parsed.values()].flatMap((l) => l.articles).filter((a) => a.deleted);
    expect(deleted.length).toBeGreaterThan(5);
    expect(deleted.every((a) => a.paragraphs.length === 0)).toBe(true);
  });

  it("keeps 부칙 apart: their 제1조 never replaces the body's", () => {
    const law = byFile("주택임대차보호법(법률)");
    expect(law.supplements[0].label).toBe("부칙 <제19520호,2023. 7. 11.>");
    expect(law.supplements[0].text).toBe("이 법은 공포한 날부터 시행한다.");
    expect(article(law, "제1조").title).toBe("목적");
  });

  it("dates an article printed twice with a [시행일] note", () => {
    const law = byFile("공인중개사법(법률)");
    const copies = law.articles.filter((a) => a.number === "제25조");
    expect(copies.map((a) => [a.effectiveFrom, a.effectiveTo])).toEqual([[null, "2026-02-15"], ["2026-02-15", null]]);
  });
});

describe("line handling", () => {
  it("splits BOM + CRLF + bare CR alike", () => {
    expect(splitLines("\uFEFFa\r\nb\rc\nd")).toEqual(["a", "b", "c", "d"]);
  });

  it("parses a file that uses bare CR only", () => {
    const raw = "\uFEFF테스트법\r[시행 2020. 1. 1.] [법률 제1호, 2019. 1. 1., 제정]\r제1조(목적) ① 가나다.<개정 2019. 1. 1.>\r1. 라마\r가. 바사\r";
    const law = parseLaw("테스트법(법률)(제00001호)(20200101).txt", raw);
    expect(law.unplaced).toEqual([]);
    expect(law.articles[0].paragraphs[0]).toEqual({
      number: 1, text: "가나다.", notes: ["<개정 2019. 1. 1.>"],
      items: [{ number: "1", text: "라마", subItems: [{ label: "가", text: "바사" }] }],
    });
  });

  it("reports a line it cannot place", () => {
    const law = parseLaw("테스트법(법률)(제00001호)(20200101).txt", "테스트법\n[시행 2020. 1. 1.] [법률 제1호, 2019. 1. 1., 제정]\n제1장 총칙\n떠도는 줄\n제1조(목적) 본문\n");
    expect(law.unplaced).toEqual([{ line: 4, text: "떠도는 줄" }]);
  });

  it("strips several trailing notes", () => {
    expect(stripTrailingNotes("본문.<개정 2013. 8. 13.> <신설 2015. 1. 6.>")).toEqual({ text: "본문.", notes: ["<개정 2013. 8. 13.>", "<신설 2015. 1. 6.>"] });
    expect(stripTrailingNotes("「법」<별표>")).toEqual({ text: "「법」<별표>", notes: [] });
  });

  it("rejects a file name that is not an export's", () => {
    expect(() => identityFromFileName("notes.txt")).toThrow(/bad_request/);
  });
});
