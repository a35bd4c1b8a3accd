// The lead of a definition question ("LTV가 무엇인가요?"): the glossary's definition of the term asked
// about, with the statute it comes from; a term the glossary lacks falls back to the best law article.
import { englishTitle, ruleText } from "./lead-legal";
import { firstSentences, isObj, outputOf, say, str, type Lead, type LeadInput } from "./lead-types";

export function definitionLead({ agg, language: l, query }: LeadInput): Lead {
  const glossary = outputOf(agg, "glossary_lookup");
  const term = glossary?.terms[0];
  if (term) {
    const basis = term.lawReference ? say(l, ` (근거: ${term.lawReference})`, ` (source: ${term.lawReference})`) : "";
    const lines = [`**${term.term}** — ${term.definition}${basis}`];
    const also = glossary!.terms.slice(1, 3);
    if (also.length > 0) lines.push(also.map((t) => `**${t.term}** — ${firstSentences(t.definition)}`).join("\n\n"));
    return { lines, followUp: null };
  }
  const legal = outputOf(agg, "legal_search", "legal_search_keyword");
  const article = isObj(legal) && Array.isArray(legal.articles) ? legal.articles.find(isObj) : undefined;
  if (article) {
    const title = l === "ko" ? str(article.title) : englishTitle(article);
    // An English answer gets the article's English gist, not the Korean statute text (quoted below the lead).
    const text = l === "ko" ? firstSentences(str(article.quote) ?? str(article.summary) ?? "", 2) : ruleText(article, 2, l);
    return {
      lines: [say(l, `용어집에 정의가 없어 관련 조문으로 답합니다. **${title ?? ""}** — ${text} (${str(article.citation) ?? ""})`,
        `The glossary has no entry for this, so here is the closest article. **${title ?? ""}** — ${text} (${str(article.citation) ?? ""})`)],
      followUp: null,
    };
  }
  // Nothing to define from: let the next composer answer, keeping the question for the term.
  return {
    lines: [],
    followUp: say(l, `어떤 용어를 뜻하시나요? "${query.slice(0, 40)}"에서 용어를 정확히 적어 주시면(예: LTV, 확정일자) 정의와 근거 조문을 찾아 드립니다.`,
      `Which term do you mean? Write it exactly (e.g. LTV, fixed-date stamp) and I will give its definition and the article behind it.`),
  };
}
