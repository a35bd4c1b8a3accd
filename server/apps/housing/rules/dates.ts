// Calendar dates written in Korean or English ("2025년 3월 1일", "2025.03.01", "March 1, 2025", "3월 1일")
// found in a question, as ISO YYYY-MM-DD strings. Only explicit days count; "next month" is not a date.

const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10,
  nov: 11, november: 11, dec: 12, december: 12,
};
const MONTH_NAMES = Object.keys(MONTHS).sort((a, b) => b.length - a.length).join("|");

interface DateMatch {
  start: number;
  end: number;
  year: number | null;
  month: number;
  day: number;
}

const PATTERNS: { regex: RegExp; read: (m: RegExpExecArray) => Omit<DateMatch, "start" | "end"> }[] = [
  {
    // 2025-03-01, 2025.3.1, 2025/03/01, "2025. 3. 1."
    regex: /(?<!\d)((?:19|20)\d{2})\s*[-./]\s*(\d{1,2})\s*[-./]\s*(\d{1,2})(?!\d)/g,
    read: (m) => ({ year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) }),
  },
  {
    // 2025년 3월 1일, 3월 1일 (year optional)
    regex: /(?:((?:19|20)\d{2})\s*년\s*)?(\d{1,2})\s*월\s*(\d{1,2})\s*일/g,
    read: (m) => ({ year: m[1] ? Number(m[1]) : null, month: Number(m[2]), day: Number(m[3]) }),
  },
  {
    // March 1, 2025 / Mar 1st 2025 / March 1
    regex: new RegExp(`\\b(${MONTH_NAMES})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+((?:19|20)\\d{2}))?\\b`, "gi"),
    read: (m) => ({ year: m[3] ? Number(m[3]) : null, month: MONTHS[m[1].toLowerCase()], day: Number(m[2]) }),
  },
  {
    // 1 March 2025 / 1st of March
    regex: new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?(${MONTH_NAMES})\\b(?:,?\\s+((?:19|20)\\d{2}))?`, "gi"),
    read: (m) => ({ year: m[3] ? Number(m[3]) : null, month: MONTHS[m[2].toLowerCase()], day: Number(m[1]) }),
  },
];

function isValidDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const probe = new Date(Date.UTC(year, month - 1, day));
  return probe.getUTCMonth() === month - 1 && probe.getUTCDate() === day;
}

function iso(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/**
 * Explicit dates in the text as ISO strings, in order, without duplicates. A date without a year
 * ("3월 1일") takes its next occurrence on or after `today`: people name days ahead (a move-in,
 * a contract start), and a past day would usually carry its year.
 */
export function findDates(text: string, today: Date = new Date()): string[] {
  const matches: DateMatch[] = [];
  for (const pattern of PATTERNS) {
    pattern.regex.lastIndex = 0;
    for (let m = pattern.regex.exec(text); m; m = pattern.regex.exec(text)) {
      matches.push({ ...pattern.read(m), start: m.index, end: m.index + m[0].length });
    }
  }
  matches.sort((a, b) => a.start - b.start || b.end - a.end);
  const result: string[] = [];
  let coveredUntil = -1;
  const todayIso = iso(today.getUTCFullYear(), today.getUTCMonth() + 1, today.getUTCDate());
  for (const match of matches) {
    if (match.start < coveredUntil) continue;
    let year = match.year ?? today.getUTCFullYear();
    if (match.year === null && iso(year, match.month, match.day) < todayIso) year += 1;
    if (!isValidDay(year, match.month, match.day)) continue;
    coveredUntil = match.end;
    const value = iso(year, match.month, match.day);
    if (!result.includes(value)) result.push(value);
  }
  return result;
}
