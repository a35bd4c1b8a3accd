// A statute export's identity (from its file name) and its header lines (name, 약칭, [시행 …] [법률 제N호, …],
// ministries); parse.ts reads the body after them.

export type LawKind = "법률" | "대통령령" | "국토교통부령" | "대법원규칙" | "총리령" | "부령";

export interface LawIdentity {
  /** "주택임대차보호법 시행령": the file name before the first "(". */
  name: string;
  kind: LawKind;
  /** 예정_법률: promulgated, in force from effectiveFrom, standing beside the version in force until then. */
  scheduled: boolean;
  /** "제19356호" */
  number: string;
  /** ISO date the version takes effect (the file name's YYYYMMDD). */
  effectiveFrom: string;
}

export interface LawHeader {
  /** "주택임대차법" from "( 약칭: 주택임대차법 )". */
  shortName: string | null;
  /** ISO date of promulgation, from "[법률 제19356호, 2023. 4. 18., 일부개정]". */
  promulgatedOn: string | null;
  /** "일부개정", "타법개정", … */
  revision: string | null;
  ministries: string[];
  /** Further "[시행 …] […]" lines (a rule issued jointly by two ministries has two). */
  otherIssues: string[];
}

const FILE_RE = /^(.+?)\((예정_)?([^()]+)\)\((제\d+호)\)\((\d{4})(\d{2})(\d{2})\)\.txt$/u;

export function identityFromFileName(fileName: string): LawIdentity {
  const base = fileName.split("/").pop() ?? fileName;
  const m = FILE_RE.exec(base.normalize("NFC"));
  if (!m) throw new Error(`bad_request:law_file_name ${base}`);
  return {
    name: m[1].trim(),
    kind: m[3] as LawKind,
    scheduled: m[2] !== undefined,
    number: `제${Number(m[4].slice(1, -1))}호`,
    effectiveFrom: `${m[5]}-${m[6]}-${m[7]}`,
  };
}

/** "2023. 4. 18." → "2023-04-18" */
export function isoFromDotted(s: string): string | null {
  const m = /(\d{4})\.\s*(\d{1,2})\.\s*(\d{1,2})/u.exec(s);
  return m ? `${m[1]}-${m[2].padStart(2, "0")}-${m[3].padStart(2, "0")}` : null;
}

const MINISTRY_RE = /^[^\s()]+\(.*\)\s*[\d,\s-]+$/u;
const BODY_START_RE = /^(제\d+(?:의\d+)?(?:조|편|장|절|관))/u;

/** Reads lines up to the first article or heading; bodyStart is the index of that line. */
export function parseHeader(lines: string[]): { header: LawHeader; bodyStart: number } {
  const header: LawHeader = { shortName: null, promulgatedOn: null, revision: null, ministries: [], otherIssues: [] };
  let i = 0;
  while (i < lines.length && lines[i].trim() === "") i++;
  const short = /\(\s*약칭:\s*([^)]+?)\s*\)/u.exec(lines[i] ?? "");
  if (short) header.shortName = short[1];
  i++;
  let sawIssue = false;
  for (; i < lines.length; i++) {
    const line = lines[i].trim();
    if (line === "") continue;
    if (BODY_START_RE.test(line)) break;
    if (line.startsWith("[시행")) {
      const issue = /\]\s*\[([^\]]+)\]/u.exec(line);
      if (!sawIssue && issue) {
        const parts = issue[1].split(",").map((p) => p.trim());
        header.promulgatedOn = isoFromDotted(issue[1]);
        header.revision = parts.at(-1) ?? null;
        sawIssue = true;
      } else header.otherIssues.push(line);
      continue;
    }
    if (MINISTRY_RE.test(line)) { header.ministries.push(line); continue; }
    break; // anything else is body; parse.ts reports it if it cannot place it
  }
  return { header, bodyStart: i };
}
