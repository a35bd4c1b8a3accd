// English housing-law vocabulary → the Korean words of the statutes, so an English question finds Korean text.
// Phrases first (longest wins, its words are then not looked up again), then single words.

const PHRASES: [string, string[]][] = [
  ["right to request renewal", ["계약갱신요구권", "계약갱신"]],
  ["renewal request", ["계약갱신요구"]],
  ["fixed date", ["확정일자"]],
  ["top priority", ["최우선변제", "우선변제"]],
  ["priority repayment", ["우선변제"]],
  ["small-sum tenant", ["소액임차인", "보증금 중 일정액"]],
  ["small sum", ["보증금 중 일정액"]],
  ["lease registration", ["임차권등기명령", "임차권등기"]],
  ["register the lease", ["임차권등기명령", "임차권등기"]],
  ["move-in report", ["전입신고", "주민등록"]],
  ["resident registration", ["주민등록"]],
  ["opposing power", ["대항력"]],
  ["dispute mediation", ["분쟁조정"]],
  ["mediation committee", ["분쟁조정위원회"]],
  ["exclusive brokerage", ["전속중개계약"]],
  ["brokerage contract", ["중개계약"]],
  ["brokerage fee", ["중개보수"]],
  ["real estate agent", ["개업공인중개사", "중개"]],
  ["licensed agent", ["개업공인중개사"]],
  ["licensed broker", ["개업공인중개사"]],
  ["court auction", ["경매", "매수신청"]],
  ["registration certificate", ["등기필정보", "등기필증"]],
  ["certificate of registered", ["등기사항증명서"]],
  ["floor area", ["주거전용면적", "면적"]],
  ["price cap", ["분양가상한제", "분양가격"]],
  ["price-capped", ["분양가상한제", "분양가상한제 적용주택"]],
  ["housing association", ["주택조합"]],
  ["housing cooperative", ["주택조합"]],
  ["long-term repair", ["장기수선충당금", "장기수선계획"]],
  ["repair reserve", ["장기수선충당금"]],
  ["management office", ["관리주체", "관리사무소"]],
  ["management fee", ["관리비"]],
  ["maintenance fee", ["관리비"]],
  ["upstairs neighbour", ["층간소음"]],
  ["upstairs neighbor", ["층간소음"]],
  ["inter-floor noise", ["층간소음"]],
  ["public support", ["공공지원민간임대주택"]],
  ["public-support", ["공공지원민간임대주택"]],
  ["private rental", ["민간임대주택"]],
  ["rental business", ["임대사업자"]],
  ["registered landlord", ["임대사업자"]],
  ["private landlord", ["임대사업자"]],
  ["rental housing", ["임대주택"]],
  ["source of funds", ["자금조달", "자금"]],
  ["purchase report", ["부동산거래신고", "거래신고"]],
  ["transaction report", ["부동산거래신고", "거래신고"]],
  ["land transaction permit", ["토지거래허가"]],
  ["officially assessed", ["공시지가", "공시가격"]],
  ["standard land price", ["표준지공시지가"]],
  ["individual land price", ["개별공시지가"]],
  ["housing price", ["주택가격"]],
  ["pre-sale", ["분양"]],
  ["resale restriction", ["전매제한", "전매"]],
  ["subscription", ["청약", "입주자"]],
  ["move out", ["인도", "퇴거"]],
  ["moving out", ["인도", "퇴거"]],
  ["deposit back", ["보증금 반환", "보증금"]],
  ["return the deposit", ["보증금 반환", "보증금"]],
];

const WORDS: Record<string, string[]> = {
  lease: ["임대차"], leases: ["임대차"], rental: ["임대"], rent: ["차임", "임대료"], rents: ["차임"],
  deposit: ["보증금"], deposits: ["보증금"], jeonse: ["전세", "보증금"],
  landlord: ["임대인"], landlords: ["임대인"], lessor: ["임대인"], owner: ["소유자", "임대인"],
  tenant: ["임차인"], tenants: ["임차인"], lessee: ["임차인"], occupant: ["입주자"], resident: ["입주자"], residents: ["입주자"],
  renewal: ["갱신"], renew: ["갱신"], refuse: ["거절"], termination: ["해지"], terminate: ["해지"], cancel: ["해제", "취소"],
  increase: ["증액"], raise: ["증액"], cap: ["상한"], limit: ["한도", "상한"], percent: ["비율"],
  auction: ["경매"], bid: ["매수신청", "입찰"], bidding: ["매수신청"], bank: ["금융기관"],
  registration: ["등기"], register: ["등기"], registry: ["등기"], certificate: ["증명서"],
  mortgage: ["저당권", "근저당권"], lien: ["저당권"],
  agent: ["개업공인중개사", "중개"], broker: ["개업공인중개사", "중개"], realtor: ["개업공인중개사"],
  commission: ["중개보수"], brokerage: ["중개"], explain: ["설명", "확인ㆍ설명"], explanation: ["설명"],
  report: ["신고"], reporting: ["신고"], fine: ["과태료"], fines: ["과태료"], penalty: ["과태료", "벌칙"], reward: ["포상금"],
  apartment: ["공동주택", "아파트"], apartments: ["공동주택"], flat: ["주택"], house: ["주택"], home: ["주택"],
  building: ["건축물"], buildings: ["건축물"], defect: ["하자"], defects: ["하자"], builder: ["사업주체"], developer: ["사업주체"],
  warranty: ["담보책임"], liable: ["담보책임", "책임"], inspect: ["사전방문", "점검"], inspection: ["사전방문", "검사"],
  noise: ["층간소음", "소음"], noisy: ["층간소음"], smoking: ["흡연"], smoke: ["흡연"], balcony: ["발코니"], parking: ["주차장"],
  management: ["관리"], manager: ["관리주체", "관리사무소장"], committee: ["위원회"], dispute: ["분쟁"], mediation: ["조정"],
  association: ["조합"], withdraw: ["탈퇴"], withdrawal: ["탈퇴"], refund: ["환급", "반환"],
  sale: ["분양", "매매"], sell: ["매매", "양도"], resell: ["전매"], resale: ["전매"], buyer: ["매수인", "수분양자"],
  price: ["가격"], prices: ["가격"], land: ["토지"], assessed: ["공시"], appraisal: ["감정평가"], objection: ["이의신청"],
  winner: ["당첨"], winners: ["당첨"], live: ["거주"], residence: ["거주"], reside: ["거주"],
  area: ["면적"], measured: ["산정"], exclusive: ["전용", "전속"], validity: ["유효기간"], period: ["기간"], term: ["기간"],
  contract: ["계약"], contracts: ["계약"], clause: ["약정", "특약"], waive: ["포기", "불리한 것"], valid: ["효력"],
  invalid: ["효력"], void: ["효력"], death: ["사망"], dies: ["사망"], spouse: ["배우자"], heir: ["상속인"],
  fee: ["수수료", "보수"], fees: ["수수료"], capital: ["자본금"], exam: ["시험"], examination: ["시험"], license: ["자격", "등록"],
  insurance: ["보증보험", "보험"], guarantee: ["보증"], surety: ["보증"], office: ["사무소"], relocate: ["이전"],
  foreigner: ["외국인"], foreigners: ["외국인"], permit: ["허가"], permission: ["허가"], approval: ["승인"],
  remodel: ["리모델링"], remodeling: ["리모델링"], repair: ["수선"], repairs: ["수선"], reserve: ["충당금"],
  cctv: ["영상정보처리기기"], elevator: ["승강기"], security: ["경비"], election: ["선거", "선출"], representative: ["대표"],
  lost: ["멸실", "없는"], documents: ["서류", "서면"], document: ["서류"], online: ["전산정보처리조직", "인터넷"], electronic: ["전자"],
};

/** Korean words for the English words and phrases of a question (lower-cased). */
export function englishExpansions(query: string): string[] {
  let text = ` ${query.toLowerCase().replace(/[^a-z0-9-]+/gu, " ")} `;
  const out = new Set<string>();
  for (const [phrase, ko] of PHRASES) {
    if (!text.includes(` ${phrase} `) && !text.includes(` ${phrase}s `)) continue;
    for (const k of ko) out.add(k);
    text = text.replace(` ${phrase}`, " ");
  }
  for (const w of text.split(" ")) for (const k of WORDS[w] ?? []) out.add(k);
  return [...out];
}
