// Leads for contract work: a review without contract text asks for it (never calls the contract clean);
// with text, the findings by severity; a drafting request says what the draft holds and what is still blank.
import { outputOf, say, type Lead, type LeadInput } from "./lead-types";

const ASK_FOR_CONTRACT = {
  ko: "검토할 계약서 내용을 붙여 넣거나 파일(사진·PDF)로 올려 주시겠어요? 특약사항과 보증금·기간·해지 조항이 특히 중요합니다.",
  en: "Could you paste the contract text or upload it (photo or PDF)? The special clauses and the deposit, term and termination clauses matter most.",
};

/** A question about a document to look at: without one of these words, "send me the contract" answers nothing asked. */
const ABOUT_A_DOCUMENT = /계약서|특약|조항|문구|서류|검토|봐\s*주|봐줘|확인해\s*주|contract|clause|agreement|document|paper|review|check (my|the|this)|look (at|over)/i;

export function reviewLead(input: LeadInput): Lead {
  const l = input.language;
  const analysis = outputOf(input.agg, "contract_analysis");
  const review = outputOf(input.agg, "document_review");
  if (!analysis && !(review && review.reviewed)) {
    // Read as a review but asking no such thing ("my lease renewed automatically, how long does it run?"):
    // leave it to the leads that answer from the law.
    if (!ABOUT_A_DOCUMENT.test(input.query)) return { lines: [], followUp: null };
    return {
      lines: [say(l, "아직 계약서 내용을 받지 못해 위험 조항을 판단할 수 없습니다. 계약서를 보내 주시면 조항별로 위험도와 근거 조문을 짚어 드립니다.",
        "I have not received the contract yet, so I cannot judge its clauses. Send it and I will go through each clause with its risk level and the article behind it.")],
      followUp: ASK_FOR_CONTRACT[l],
    };
  }
  if (analysis && analysis.findings.length > 0) {
    const top = analysis.findings[0];
    return {
      lines: [say(l,
        `위험 조항이 있습니다: 높음 ${analysis.counts.high}건, 중간 ${analysis.counts.medium}건, 낮음 ${analysis.counts.low}건. 가장 중요한 것은 **${top.titleKo}** — ${top.explanationKo} (${top.lawReference})`,
        `There are risky clauses: ${analysis.counts.high} high, ${analysis.counts.medium} medium, ${analysis.counts.low} low. The most important is **${top.titleEn}** — ${top.explanationEn} (${top.lawReference})`)],
      followUp: null,
    };
  }
  // Pattern matching found nothing: say what was checked, not that the contract is safe.
  return {
    lines: [say(l, "보내 주신 문구에서 알려진 위험 조항 유형은 찾지 못했습니다. 다만 이는 정해진 유형만 확인한 결과이며, 계약서 전체가 안전하다는 뜻은 아닙니다.",
      "The text you sent matches none of the known risky-clause patterns. That covers only those patterns; it does not mean the whole contract is safe.")],
    followUp: say(l, "계약서 전체(특히 특약사항)를 보내 주시겠어요? 일부 문구만으로는 보증금 반환·해지 조건을 확인할 수 없습니다.",
      "Could you send the whole contract, especially the special clauses? A fragment does not show the deposit-return and termination terms."),
  };
}

export function draftingLead(input: LeadInput): Lead {
  const l = input.language;
  const draft = outputOf(input.agg, "lease_contract_generator");
  if (!draft) return { lines: [], followUp: null };
  const blanks = draft.missingFields.map((f) => (l === "ko" ? f.labelKo : f.labelEn));
  const lines = [say(l, `임대차 계약서 초안(${draft.filename})을 작성했습니다. 아래에서 전문을 볼 수 있습니다.`, `Here is a lease contract draft (${draft.filename}); the full text is below.`)];
  if (blanks.length > 0) lines.push(say(l, `아직 비어 있는 필수 항목: ${blanks.join(", ")}.`, `Still blank: ${blanks.join(", ")}.`));
  return {
    lines,
    followUp: blanks.length > 0 ? say(l, `${blanks[0]}을(를) 알려주시겠어요? 필수 항목이 비어 있으면 계약서로 쓸 수 없습니다.`, `What is the ${blanks[0]}? The contract cannot be used with mandatory fields blank.`) : null,
  };
}
