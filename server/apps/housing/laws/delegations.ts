// Links a delegating article ("대통령령으로 정한다") to the decree/rule articles that carry it out, found by
// the decree text citing it ("법 제8조제3항에 따라" in 주택임대차보호법 시행령 → 주택임대차보호법 제8조).

export const DELEGATION_RE = /(대통령령|국토교통부령|대법원규칙|총리령|[가-힣]+부령)\s*(으로|이|에서|에)\s*(정|위임|따로)/u;

export interface ProvisionRef {
  law: string;
  article: string;
  text: string;
}

export interface DelegationLink {
  fromLaw: string;
  fromArticle: string;
  toLaw: string;
  toArticle: string;
  basis: string;
}

/** "법 제8조제3항", "영 제10조의2" — not "같은 법 제578조" (another law named just before). */
const REF_RE = /(^|[\s(“"ㆍ,])(법|영)\s?제(\d+)조(?:의(\d+))?(?:제(\d+)항)?/gu;

export function findDelegations(provisions: ProvisionRef[], parentOf: (law: string) => string | null): DelegationLink[] {
  const delegating = new Set<string>();
  for (const p of provisions) if (DELEGATION_RE.test(p.text)) delegating.add(`${p.law}|${p.article}`);
  const links = new Map<string, DelegationLink>();
  for (const p of provisions) {
    const parent = parentOf(p.law);
    if (!parent) continue;
    for (const m of p.text.matchAll(REF_RE)) {
      const before = p.text.slice(Math.max(0, (m.index ?? 0) - 3), (m.index ?? 0) + m[1].length);
      if (/같은\s*$/u.test(before)) continue;
      const target = m[2] === "법" ? parent : p.law.endsWith(" 시행규칙") ? `${parent} 시행령` : null;
      if (!target) continue;
      const article = `제${m[3]}조${m[4] ? `의${m[4]}` : ""}`;
      if (!delegating.has(`${target}|${article}`)) continue;
      const key = `${target}|${article}|${p.law}|${p.article}`;
      if (!links.has(key)) {
        links.set(key, { fromLaw: target, fromArticle: article, toLaw: p.law, toArticle: p.article, basis: m[0].slice(m[1].length) });
      }
    }
  }
  return [...links.values()];
}
