// Leads from the law: permissibility (yes / no / it depends, with the rule quoted and its article), procedure
// (numbered steps) and legal explanations — quoting legal_search's `quote` when present, else its summary.
import type { RentIncreaseOutput } from "../../tools/rent-increase-check";
import { ARTICLE_CUES, ARTICLE_VERDICTS, DEPENDS } from "./legal-verdicts";
import { procedureSteps } from "./procedures";
import { asksMoreThan } from "../entities";
import { firstSentences, isObj, NO_LEAD, outputOf, pct, say, str, won, type Lead, type LeadInput, type Loose } from "./lead-types";

export function articlesOf(input: LeadInput): Loose[] {
  const legal = outputOf(input.agg, "legal_search", "legal_search_keyword");
  return isObj(legal) && Array.isArray(legal.articles) ? legal.articles.filter(isObj) : [];
}

function concepts(input: LeadInput): string[] {
  const legal = outputOf(input.agg, "legal_search", "legal_search_keyword");
  return isObj(legal) && Array.isArray(legal.matchedConcepts) ? legal.matchedConcepts.filter((c): c is string => typeof c === "string") : [];
}

/** "주택임대차보호법 제7조 제2항" (Korean) or "Housing Lease Protection Act Article 7(2)" (English). */
function citationOf(a: Loose, l: LeadInput["language"] = "ko"): string {
  const article = str(a.articleNumber) ?? "";
  if (l === "en" && str(a.lawNameEn) && /^제\d+조/.test(article)) {
    const en = article.replace(/^제(\d+)조(?:의(\d+))?$/, (_m, n: string, m?: string) => `Article ${n}${m ? `-${m}` : ""}`);
    return `${str(a.lawNameEn)} ${en}${typeof a.paragraph === "number" ? `(${a.paragraph})` : ""}`;
  }
  const base = str(a.citation) ?? `${str(a.lawName) ?? ""} ${article}`.trim();
  return typeof a.paragraph === "number" ? `${base} 제${a.paragraph}항` : base;
}

/** Our English title, or the English citation where we wrote none (the statute's own title is Korean). */
export function englishTitle(a: Loose): string {
  const t = str(a.titleEn);
  return t && !/[가-힣]/.test(t) ? t : citationOf({ ...a, paragraph: null }, "en");
}

/**
 * The rule as the article states it: the verbatim 항 text when the statute helper supplies it. An English
 * answer leads with our English summary where we wrote one, else names the article and points to the
 * Korean text quoted under the legal basis (statutes exist only in Korean).
 */
export function ruleText(a: Loose, sentences = 2, l: LeadInput["language"] = "ko"): string {
  if (l === "en") {
    const gist = str(a.gistEn);
    if (gist) return firstSentences(gist, sentences, 320);
    return "this article governs it; its official Korean text is quoted under the legal basis below.";
  }
  return firstSentences(str(a.quote) ?? str(a.summary) ?? "", sentences, 320);
}

/**
 * The verdict of the best-ranked article whose subject the question names (legal_search ranks best first);
 * a related article's verdict would answer a different question, so without a cue the answer is "it depends".
 */
function verdictArticle(articles: Loose[], query: string): { article: Loose; verdict: { ko: string; en: string } } {
  for (const a of articles) {
    const key = str(a.citation) ?? "";
    // A paragraph with a verdict of its own (제6조의3 ⑤: damages after a refusal for the landlord's own use) answers
    // before its article's, whose verdict is about another paragraph.
    const own = typeof a.paragraph === "number" ? `${key} 제${a.paragraph}항` : "";
    for (const k of [own, key]) {
      if (k && ARTICLE_VERDICTS[k] && ARTICLE_CUES[k]?.test(query)) return { article: a, verdict: ARTICLE_VERDICTS[k] };
    }
  }
  return { article: articles[0], verdict: DEPENDS };
}

/** A rent-increase check with figures decides the question outright. */
function increaseVerdict(o: RentIncreaseOutput, l: LeadInput["language"]): string | null {
  if (o.increasePercent === null || o.withinCap === null) return null;
  const cap = pct(o.rates.renewalCapPercent);
  if (o.increaseAbove) {
    // "5% 넘게 올려도 돼요?": asked about going past the cap itself (withinCap is false only when N ≥ the cap).
    return o.withinCap === false
      ? say(l, `아니요, 계약갱신요구권으로 갱신하거나 계약 중에 증액을 청구하는 경우라면 ${cap}를 넘게 올릴 수 없고, ${cap}를 넘는 부분은 거절할 수 있습니다. 합의로 새 계약을 맺을 때는 이 상한이 적용되지 않습니다.`,
        `No, if you renew with your renewal right or the landlord claims an increase during the lease: it may not go above the ${cap} cap, and you may refuse the part above it. A new contract agreed afresh is not bound by the cap.`)
      : null;
  }
  return o.withinCap
    ? say(l, `네, 가능합니다. 제안된 인상률 ${pct(o.increasePercent)}는 ${cap} 상한 이내입니다.`, `Yes. The proposed increase of ${pct(o.increasePercent)} is within the ${cap} cap.`)
    : o.basis === "percent"
      ? say(l, `아니요, 계약갱신요구권으로 갱신하거나 계약 중에 증액을 청구하는 경우라면 ${pct(o.increasePercent)} 인상은 ${cap} 상한을 넘어 그대로는 안 되고, ${cap}를 넘는 부분은 거절할 수 있습니다. 합의로 새 계약을 맺을 때는 이 상한이 적용되지 않습니다.`,
        `No, if you renew with your renewal right or the landlord claims an increase during the lease: ${pct(o.increasePercent)} is over the ${cap} cap, and you may refuse the part above it. A new contract agreed afresh is not bound by the cap.`)
      : say(l, `아니요, 그대로는 안 됩니다. 제안된 인상률 ${pct(o.increasePercent)}는 ${cap} 상한을 넘습니다. 환산보증금 기준 ${won(o.maxEquivalentDeposit, l)}까지만 올릴 수 있습니다.`,
        `No, not as proposed. The increase of ${pct(o.increasePercent)} is over the ${cap} cap: the most allowed is ${won(o.maxEquivalentDeposit, l)} as an equivalent deposit.`);
}

/** The percentage a rent-increase question names ("10% 올리겠다"), if any, and whether it asks about more than it. */
function askedPercent(query: string): { percent: number; above: boolean } | undefined {
  const m = /(\d+(?:\.\d+)?)\s*(%|퍼센트|프로|percent)/iu.exec(query);
  return m ? { percent: Number(m[1]), above: asksMoreThan(query, m.index, m.index + m[0].length) } : undefined;
}

/** Without amounts an increase question is still decided by the cap when it names a percentage over it. */
function capVerdict(query: string, articles: Loose[], l: LeadInput["language"]): { article: Loose; text: string } | null {
  // 제7조 states the cap and its one-year wait; 제6조의3 the cap at renewal.
  const capArticle = articles.find((a) => str(a.citation) === "주택임대차보호법 제7조") ?? articles.find((a) => str(a.citation) === "주택임대차보호법 제6조의3");
  const yearly = str(capArticle?.citation) === "주택임대차보호법 제7조";
  const asked = askedPercent(query);
  if (!capArticle) return null;
  if (asked === undefined) {
    // "한도가 있나요?" / "is there a limit?" is answered by the cap itself.
    if (!/한도|상한|제한|얼마까지|limit|\bcap\b|how much/i.test(query)) return null;
    return { article: capArticle, text: say(l, `네, 한도가 있습니다. 갱신 때나 계약 중 증액은 기존 보증금·월세의 5%를 넘을 수 없습니다${yearly ? ". 계약이나 직전 증액 후 1년 안에는 다시 올릴 수도 없습니다" : ""}.`,
      `Yes, there is a cap: at renewal or during the lease an increase may not exceed 5% of the current deposit or rent${yearly ? ", nor come within a year of the contract or the last increase" : ""}.`) };
  }
  if (asked.percent > 5 || (asked.percent === 5 && asked.above)) {
    return { article: capArticle, text: say(l,
      `아니요, 갱신이나 계약 중 증액이라면 5%를 넘게 올릴 수 없습니다. 요구한 인상률은 상한을 넘으므로 5%를 넘는 부분은 거절할 수 있습니다(새 임차인과의 신규 계약에는 이 상한이 없습니다).`,
      `No: at renewal or during the lease an increase may not exceed 5%, so you can refuse the part above it (the cap does not bind a brand-new contract).`) };
  }
  return { article: capArticle, text: say(l, `네, 5% 이내라면 가능합니다${yearly ? ". 다만 계약이나 직전 증액 후 1년 안에는 다시 올릴 수 없습니다" : ""}.`,
    `Yes, within 5% it is allowed${yearly ? ", though not within a year of the contract or the last increase" : ""}.`) };
}

/** legal_search's entry for the cap's article (for its English name and gist), quoting the cap's own provision. */
function withCapRule(articles: Loose[], cap: NonNullable<RentIncreaseOutput["capRule"]>): Loose {
  const same = articles.find((a) => str(a.lawName) === cap.lawName && str(a.articleNumber) === cap.articleNumber);
  return { ...(same ?? { lawName: cap.lawName, articleNumber: cap.articleNumber }), citation: `${cap.lawName} ${cap.articleNumber}`, paragraph: cap.paragraph, quote: cap.quote };
}

export function permissibilityLead(input: LeadInput): Lead {
  const l = input.language;
  const articles = articlesOf(input);
  const increase = outputOf(input.agg, "rent_increase_check");
  const decided = increase ? increaseVerdict(increase, l) : null;
  if (articles.length === 0) {
    if (!decided) return NO_LEAD;
    const cap = increase?.capRule ? withCapRule([], increase.capRule) : null;
    return { lines: cap ? [decided, `${say(l, "근거", "The rule")} (${citationOf(cap, l)}): ${ruleText(cap, 2, l)}`] : [decided], followUp: null };
  }
  const askedIncrease = /올리|올린|인상|증액|올려|raise|increase/i.test(input.query);
  const byCap = !decided && askedIncrease ? capVerdict(input.query, articles, l) : null;
  const picked = byCap ? { article: byCap.article, verdict: { ko: byCap.text, en: byCap.text } } : verdictArticle(articles, input.query);
  const { verdict } = picked;
  // A verdict on the increase cap rests on the provision that states the cap: quoted from rent_increase_check when it
  // ran (legal_search ranks a whole article by its best-matching provision, often ① the right to claim).
  const article = (decided || byCap) && increase?.capRule ? withCapRule(articles, increase.capRule) : picked.article;
  // The article's verdict with a paragraph shown that has a verdict of its own (another subject: 제6조의3 ⑤ under
  // "may the landlord refuse renewal?"): name the article rather than quote a paragraph that answers something else.
  // (English quotes our gist of the whole article, not the paragraph.)
  const shownOwn = typeof article.paragraph === "number" ? ARTICLE_VERDICTS[`${str(article.citation)} 제${article.paragraph}항`] : undefined;
  const shownHasOwn = l === "ko" && shownOwn !== undefined && verdict !== shownOwn;
  const rule = shownHasOwn
    ? `근거: ${citationOf({ ...article, paragraph: null }, l)}${str(article.title) ? ` (${str(article.title)})` : ""}`
    : `${say(l, "근거", "The rule")} (${citationOf(article, l)}): ${ruleText(article, 2, l)}`;
  const lines = [decided ?? verdict[l], rule];
  const followUp = askedIncrease && !decided && !byCap
    ? say(l, "지금 보증금·월세와 집주인이 요구한 금액을 알려주시겠어요? 5% 상한 안인지 정확히 계산해 드릴 수 있습니다.",
      "What are your current deposit and rent, and what is the landlord asking for? With those I can check exactly whether it is within the 5% cap.")
    : null;
  return { lines, followUp };
}

export function procedureLead(input: LeadInput): Lead {
  const l = input.language;
  const steps = procedureSteps(input.query, concepts(input), input.agg, l);
  if (steps.length > 0) {
    const cited = articlesOf(input).slice(0, 3).map((a) => citationOf(a, l));
    const basis = cited.length > 0 ? [say(l, `근거 조문: ${cited.join(", ")}`, `Articles: ${cited.join(", ")}`)] : [];
    return { lines: [say(l, "이렇게 진행하세요:", "Here is what to do, in order:"), steps.map((s, i) => `${i + 1}. ${s}`).join("\n"), ...basis], followUp: null };
  }
  const articles = articlesOf(input).slice(0, 4);
  if (articles.length === 0) return NO_LEAD;
  const lines = articles.map((a, i) => `${i + 1}. **${l === "ko" ? str(a.title) : englishTitle(a)}** — ${ruleText(a, 1, l)} (${citationOf(a, l)})`);
  return { lines: [say(l, "관련 규정을 순서대로 따르면 됩니다:", "Follow the rules that apply, in this order:"), lines.join("\n")], followUp: null };
}

const FIGURE = /\d[\d,]*\s*(억|천|만원|%)|₩\d/;

/**
 * An article that states its figures in numbered items ("…금액 이하인 임차인으로 한다. 1. 서울특별시: 1억6천500만원
 * 2. …"): its opening sentence and the item for the place the question names (else the first), quoted as written —
 * a sentence cut would stop at "1." before any figure.
 */
function figureClauses(text: string, query: string): string | null {
  const [head, ...items] = text.split(/\s(?=\d+\.\s)/u);
  const withFigure = items.filter((i) => FIGURE.test(i));
  if (withFigure.length === 0) return null;
  const place = /(서울|경기|인천|부산|대구|광주|대전|울산|세종)/u.exec(query)?.[1];
  const chosen = (place ? withFigure.find((i) => i.includes(place)) : undefined) ?? withFigure[0];
  return `${firstSentences(head, 1, 200)} ${chosen.trim().replace(/\s+\d+\.$/u, "")}`;
}

/** A legal question of another kind ("what happens if…"): the top article's rule, stated first. */
export function legalExplanationLead(input: LeadInput): Lead {
  const l = input.language;
  const articles = articlesOf(input);
  if (articles.length === 0) return NO_LEAD;
  // An amount question ("최우선변제 금액은 얼마?") is answered by the article that states the figures.
  const withFigures = input.type === "amount" ? articles.find((a) => FIGURE.test(str(a.quote) ?? str(a.summary) ?? "")) : undefined;
  const top = withFigures ?? articles[0];
  const second = articles.find((a) => a !== top);
  const title = (a: Loose) => (l === "ko" ? str(a.title) : englishTitle(a)) ?? "";
  const figures = withFigures && l === "ko" ? figureClauses(str(top.quote) ?? str(top.summary) ?? "", input.query) : null;
  const lines = [`**${title(top)}** (${citationOf(top, l)}): ${figures ?? ruleText(top, 2, l)}`];
  if (second && str(second.citation) !== str(top.citation)) lines.push(`**${title(second)}** (${citationOf(second, l)}): ${ruleText(second, 1, l)}`);
  return { lines, followUp: null };
}
