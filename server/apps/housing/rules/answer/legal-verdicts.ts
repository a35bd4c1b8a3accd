// The short answer each core lease article gives to "may I / can they / is there a limit": yes, no or it
// depends, in both languages. The rule itself is quoted from the article (legal_search), never restated here.
type Verdict = { ko: string; en: string };

/** What a question must mention for an article's verdict to be the answer to it (not just a related rule). */
export const ARTICLE_CUES: Record<string, RegExp> = {
  "주택임대차보호법 제7조": /올리|올린|인상|증액|올려|한도|raise|increase|put up/i,
  "주택임대차보호법 시행령 제8조": /올리|인상|증액|raise|increase/i,
  // Renewal, but not an implied (automatic) renewal unless the renewal right itself is asked about: that is 제6조.
  "주택임대차보호법 제6조의3": /^(?!(?=[\s\S]*(묵시|자동|implied|automatic|tacit))(?![\s\S]*(요구|청구|request|right to renew)))[\s\S]*(갱신|재계약|연장|renew|extend)/i,
  "주택임대차보호법 제7조의2": /전환|월세로|convert/i,
  "주택임대차보호법 제10조의2": /초과|더 낸|돌려받|refund|excess|overpaid/i,
  "주택임대차보호법 제10조": /특약|포기|조항|문구|약정|waiv|clause|valid/i,
  "주택임대차보호법 제6조": /자동|묵시|통지|automatic|notice/i,
  // A refusal "to live there myself" followed by letting it to someone else (제6조의3 ⑤).
  "주택임대차보호법 제6조의3 제5항": /(실거주|직접\s*(거주|살|들어)|본인이\s*(산|살|들어)|자기가\s*(산|살)|own use|live (in )?there (himself|herself|themselves)|move in (himself|herself|themselves)).*(다른\s*사람|제3자|남한테|남에게|세\s*(를\s*)?(줬|주|놓)|임대(했|하)|someone else|another tenant|rented|let it|re-?let)|(다른\s*사람|제3자|someone else|another tenant).*(실거주|직접\s*(거주|살)|own use)/i,
  // Ending a lease after an implied renewal, not ending one for arrears or any other reason.
  "주택임대차보호법 제6조의2": /(묵시|자동|implied|automatic|renewed|rolled over).*(해지|나가|이사|중도|먼저|\bend|leave|terminat|move out|early)|(해지|나가|이사|중도|먼저|\bend|leave|terminat|move out|early).*(묵시|자동|implied|automatic|renewed|rolled over)/i,
  "주택임대차보호법 제3조": /팔리|팔면|매매되|바뀌|새 집주인|new owner|sold|sells/i,
  "주택임대차보호법 제3조의2": /경매|공매|우선|배당|auction|priority/i,
  "주택임대차보호법 제3조의3": /임차권등기|등기명령|못 (받|돌려)|안 돌려|registration order|won'?t (pay|return)/i,
  "주택임대차보호법 제8조": /소액|최우선|small deposit|top priority/i,
  "주택임대차보호법 제4조": /기간|2년|1년|term|short/i,
  "주택임대차보호법 제3조의7": /납세|체납|세금|선순위|tax/i,
  // Rent in arrears: the first ground on which a landlord may refuse renewal (제6조의3 ①1; also no implied renewal, 제6조 ③).
  // Whole English words ("later" is not "late"); 못 냈 (did not pay), not 못 내 (못 내리다: cannot lower).
  "주택임대차보호법 제6조의3 제1항": /(월세|차임|rent).*(밀렸|밀린|밀려|밀리|못\s*냈|안\s*냈|연체|\b(late|behind|missed|unpaid|arrears)\b)|(밀렸|밀린|연체|\barrears\b|behind on (the )?rent|\blate (on|with) (the )?rent|missed (the )?rent|unpaid rent)/i,
  "민법 제565조": /계약금|해약|파기|down payment|back(ed)? out/i,
};

/** Keyed by "law article" as legal_search cites it. */
export const ARTICLE_VERDICTS: Record<string, Verdict> = {
  "주택임대차보호법 제7조": { ko: "조건부로 가능합니다: 증액은 기존 금액의 5% 이내여야 하고, 계약이나 직전 증액 후 1년 안에는 다시 올릴 수 없습니다.", en: "Only within limits: an increase may not exceed 5% of the current amount, nor come within a year of the contract or the last increase." },
  "주택임대차보호법 시행령 제8조": { ko: "조건부로 가능합니다: 증액은 5% 이내, 계약·증액 후 1년이 지나야 합니다.", en: "Only within limits: at most 5%, and not within a year of the contract or the last increase." },
  "주택임대차보호법 제6조의3 제5항": { ko: "네, 손해배상을 청구할 수 있습니다: 집주인이 실거주를 이유로 갱신을 거절하고, 갱신되었을 기간 안에 정당한 사유 없이 다른 사람에게 임대했다면 그로 인한 손해를 배상해야 합니다.", en: "Yes, you can claim damages: a landlord who refused renewal to live there and then, within the period the lease would have run, let the home to someone else without a good reason must compensate the loss." },
  "주택임대차보호법 제6조의3 제1항": { ko: "네, 밀린 월세(차임)가 두 달분(2기의 차임액)에 이른 적이 있으면 임대인은 계약갱신 요구를 거절할 수 있고, 그런 경우 묵시적 갱신도 되지 않습니다(제6조 제3항). 계약 기간 중 해지는 민법의 차임 연체 규정이 정합니다: 연체액이 두 달분에 이르면 임대인이 해지할 수 있지만, 그래도 집을 비우게 하려면 법적 절차를 거쳐야 합니다.", en: "Yes: if unpaid rent has reached two months' worth (two periods' rent), the landlord may refuse your renewal request, and the lease does not renew automatically either (Article 6(3)). Ending the lease mid-term falls under the Civil Act's rule on rent arrears: once they reach two months' rent the landlord may terminate, but getting you out still takes legal process." },
  "주택임대차보호법 제6조의3": { ko: "네, 임차인은 한 번 계약갱신을 요구할 수 있고, 임대인은 법이 정한 사유가 없으면 거절할 수 없습니다. 갱신 때 증액은 5% 이내입니다.", en: "Yes: the tenant may request one renewal, which the landlord can refuse only for the reasons the Act lists; the increase at renewal is capped at 5%." },
  "주택임대차보호법 제7조의2": { ko: "보증금을 월세로 바꿀 수는 있지만, 법정 전환율을 넘는 월세는 받을 수 없습니다.", en: "A deposit may be converted into rent, but not at more than the legal conversion rate." },
  "주택임대차보호법 제10조의2": { ko: "네, 상한을 넘겨 낸 보증금·월세는 돌려달라고 청구할 수 있습니다.", en: "Yes: what you paid above the legal caps can be claimed back." },
  "주택임대차보호법 제10조": { ko: "아니요, 법에 어긋나 임차인에게 불리한 약정은 효력이 없습니다.", en: "No: a term that breaches the Act to the tenant's detriment has no effect." },
  "주택임대차보호법 제6조": { ko: "통지 여부에 따라 달라집니다: 기간 안에 아무도 통지하지 않으면 같은 조건으로 2년 자동 갱신됩니다(묵시적 갱신).", en: "It depends on notice: if neither side gives notice in time, the lease renews automatically on the same terms for two years." },
  "주택임대차보호법 제6조의2": { ko: "네, 묵시적 갱신 뒤에는 임차인이 언제든 해지를 통지할 수 있고 3개월 뒤 효력이 생깁니다.", en: "Yes: after an implied renewal the tenant may give notice at any time, effective three months later." },
  "주택임대차보호법 제3조": { ko: "입주와 전입신고를 마쳤다면 집주인이 바뀌어도 계약기간 동안 계속 살 수 있고, 보증금은 새 집주인에게 받을 수 있습니다.", en: "If you have moved in and registered residence, you can stay: a new owner takes over the lease and owes you the deposit." },
  "주택임대차보호법 제3조의2": { ko: "대항요건과 확정일자를 갖췄다면 네, 경매 때 후순위 권리자보다 먼저 보증금을 배당받습니다. 선순위 근저당이 있으면 그보다는 뒤입니다.", en: "If you have opposing power and a fixed-date stamp, yes: at an auction you are paid before later-ranked creditors, though after any earlier mortgage." },
  "주택임대차보호법 제3조의3": { ko: "네, 계약이 끝났는데 보증금을 못 받았다면 임대인 동의 없이 법원에 임차권등기명령을 신청할 수 있습니다.", en: "Yes: once the lease has ended without the deposit being returned, you can apply to the court for a lease registration order without the landlord." },
  "주택임대차보호법 제8조": { ko: "보증금이 소액임차인 기준 이하라면 네, 경매 때 보증금 중 일정액을 선순위 담보권자보다 먼저 받습니다.", en: "If your deposit is under the small-deposit threshold, yes: part of it is paid even before senior mortgages at an auction." },
  "주택임대차보호법 제4조": { ko: "2년 미만으로 정했어도 임차인은 2년을 주장할 수 있습니다. 다만 임차인은 약정한 짧은 기간이 유효하다고 주장할 수도 있습니다.", en: "Even if a shorter term was agreed, the tenant may insist on two years, or rely on the shorter term." },
  "주택임대차보호법 제3조의7": { ko: "네, 임대인은 계약할 때 확정일자 현황과 납세증명서를 보여줄 의무가 있습니다.", en: "Yes: the landlord must show the fixed-date record and tax payment certificates when signing." },
  "민법 제565조": { ko: "중도금을 내기 전이라면 네, 계약금을 포기하거나(매수인·임차인) 두 배로 돌려주고(매도인·임대인) 해제할 수 있습니다.", en: "Before the interim payment, yes: the buyer or tenant may cancel by forfeiting the down payment, the seller or landlord by paying back double." },
};

/** When no article-specific verdict exists: the rule decides, so the honest short answer is "it depends". */
export const DEPENDS: Verdict = { ko: "법이 정한 조건에 따라 달라집니다. 핵심 규정은 이렇습니다:", en: "It depends on the conditions the law sets. The key rule:" };
