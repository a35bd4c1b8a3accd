// English names and extra aliases of the shipped statutes (the exports carry Korean names and 약칭 only),
// and how a decree or rule finds the act it carries out.

/** English name of each act; a decree is "<act> Enforcement Decree", a rule "<act> Enforcement Rule". */
const ACT_EN: Record<string, { en: string; aliases: string[] }> = {
  "주택임대차보호법": { en: "Housing Lease Protection Act", aliases: ["housing lease act", "lease protection act", "임대차보호법", "주임법", "주택임대차법"] },
  "공인중개사법": { en: "Licensed Real Estate Agents Act", aliases: ["real estate agents act", "licensed agents act", "brokerage act", "중개사법"] },
  "부동산 거래신고 등에 관한 법률": { en: "Act on Report on Real Estate Transactions", aliases: ["real estate transaction report act", "transaction report act", "부동산거래신고법", "거래신고법"] },
  "부동산등기법": { en: "Registration of Real Estate Act", aliases: ["real estate registration act", "registration act", "등기법"] },
  "민간임대주택에 관한 특별법": { en: "Special Act on Private Rental Housing", aliases: ["private rental housing act", "민간임대주택법", "민간임대법"] },
  "주택법": { en: "Housing Act", aliases: [] },
  "공동주택관리법": { en: "Multi-Family Housing Management Act", aliases: ["apartment management act", "multi family housing management act", "공동주택관리"] },
  "건축물의 분양에 관한 법률": { en: "Act on the Sale of Buildings", aliases: ["building sale act", "건축물분양법"] },
  "부동산 가격공시에 관한 법률": { en: "Act on the Public Announcement of Real Estate Values", aliases: ["real estate price disclosure act", "public announcement of values act", "부동산공시법", "가격공시법"] },
};

/** Rules that are no act's 시행규칙 by name: the act they carry out ("법" in their text means it). */
const RULE_PARENT: Record<string, string> = {
  "공동주택 분양가격의 산정 등에 관한 규칙": "주택법",
  "공동주택 층간소음의 범위와 기준에 관한 규칙": "공동주택관리법",
};
const RULE_EN: Record<string, { en: string; aliases: string[] }> = {
  "공동주택 분양가격의 산정 등에 관한 규칙": { en: "Rules on Calculating Sale Prices of Multi-Family Housing", aliases: ["sale price rules", "분양가규칙"] },
  "공동주택 층간소음의 범위와 기준에 관한 규칙": { en: "Rules on Inter-Floor Noise in Multi-Family Housing", aliases: ["inter-floor noise rules", "floor noise rules", "층간소음규칙", "층간소음 규칙"] },
  "공인중개사의 매수신청대리인 등록 등에 관한 규칙": { en: "Rules on Registering Licensed Agents as Auction Bid Agents", aliases: ["auction bid agent rules", "매수신청대리인 규칙"] },
  "부동산등기규칙": { en: "Real Estate Registration Rules", aliases: ["registration rules", "등기규칙"] },
};

/** The act a decree/rule carries out; null for an act (or a rule whose act is not in the corpus). */
export function parentLawOf(name: string): string | null {
  const m = /^(.+?) (시행령|시행규칙)$/u.exec(name);
  if (m) return m[1];
  return RULE_PARENT[name] ?? null;
}

export function englishName(name: string): string {
  const m = /^(.+?) (시행령|시행규칙)$/u.exec(name);
  if (m) return `${ACT_EN[m[1]]?.en ?? m[1]} ${m[2] === "시행령" ? "Enforcement Decree" : "Enforcement Rule"}`;
  return ACT_EN[name]?.en ?? RULE_EN[name]?.en ?? name;
}

/**
 * Every way a question may name the law, lower-case: the name, its spaced-out form, 약칭, English name and aliases.
 * "시행령"/"시행규칙"/"enforcement decree" forms are built from the act's own aliases.
 */
export function lawAliases(name: string, shortName: string | null): string[] {
  const out = new Set<string>([name, name.replace(/\s+/gu, ""), englishName(name)]);
  if (shortName) out.add(shortName);
  const m = /^(.+?) (시행령|시행규칙)$/u.exec(name);
  if (m) {
    const act = ACT_EN[m[1]];
    const suffixKo = m[2];
    const suffixEn = suffixKo === "시행령" ? ["enforcement decree", "decree"] : ["enforcement rule", "enforcement rules"];
    for (const a of act?.aliases ?? []) {
      if (/[a-z]/iu.test(a)) for (const s of suffixEn) out.add(`${a} ${s}`);
      else { out.add(`${a} ${suffixKo}`); out.add(`${a}${suffixKo}`); }
    }
    if (act) for (const s of suffixEn) out.add(`${act.en} ${s}`);
  } else {
    for (const a of ACT_EN[name]?.aliases ?? RULE_EN[name]?.aliases ?? []) out.add(a);
  }
  return [...out].map((a) => a.toLowerCase());
}
