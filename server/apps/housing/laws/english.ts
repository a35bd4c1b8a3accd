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
  // Registry (부동산등기법·규칙)
  ["provisional registration", ["가등기"]],
  ["final registration", ["본등기", "가등기에 의한 본등기"]],
  ["main registration", ["본등기"]],
  ["seal certificate", ["인감증명"]],
  ["seal impression", ["인감증명", "인감"]],
  ["registration application", ["등기신청", "신청정보"]],
  ["apply for registration", ["등기신청"]],
  ["ownership transfer", ["소유권이전", "소유권"]],
  ["transfer of ownership", ["소유권이전", "소유권"]],
  ["preservation registration", ["소유권보존등기", "소유권보존"]],
  ["registry office", ["등기소"]],
  ["registration office", ["등기소"]],
  ["trust registration", ["신탁등기"]],
  ["provisional disposition", ["가처분"]],
  ["provisional seizure", ["가압류"]],
  ["lease right", ["임차권"]],
  ["leasehold right", ["임차권"]],
  ["jeonse right", ["전세권"]],
  ["registered jeonse", ["전세권"]],
  ["transaction price", ["거래가액", "거래가격"]],
  ["purchase price", ["거래가액", "거래가격", "매매"]],
  ["land register", ["등기사항증명서", "등기기록"]],
  ["register extract", ["등기사항증명서"]],
  ["registry extract", ["등기사항증명서"]],
  ["registry certificate", ["등기사항증명서"]],
  ["register certificate", ["등기사항증명서"]],
  ["registration completion", ["등기필정보", "등기완료"]],
  // Published prices (부동산 가격공시에 관한 법률)
  ["official price", ["공시가격", "공시지가"]],
  ["official land price", ["공시지가"]],
  ["publicly announced", ["공시"]],
  ["officially announced", ["공시"]],
  ["announced price", ["공시가격", "공시지가"]],
  ["official apartment price", ["공동주택가격", "공시가격"]],
  ["multi-family housing price", ["공동주택가격"]],
  ["individual housing price", ["개별주택가격"]],
  ["detached house price", ["개별주택가격"]],
  ["standard housing price", ["표준주택가격"]],
  ["reference date", ["공시기준일", "기준일"]],
  ["base date", ["공시기준일", "기준일"]],
  ["property tax", ["과세", "재산세"]],
  // Apartment management (공동주택관리법)
  ["building representative", ["동별 대표자"]],
  ["dong representative", ["동별 대표자"]],
  ["residents' council", ["입주자대표회의"]],
  ["residents council", ["입주자대표회의"]],
  ["residents' representative", ["입주자대표회의"]],
  ["representative meeting", ["입주자대표회의"]],
  ["term of office", ["임기"]],
  ["management rules", ["관리규약"]],
  ["management company", ["주택관리업자"]],
  ["security guard", ["경비원"]],
  ["repair plan", ["장기수선계획"]],
  ["warranty period", ["담보책임기간", "담보책임"]],
  ["defect repair", ["하자보수"]],
  ["secondhand smoke", ["간접흡연"]],
  ["second-hand smoke", ["간접흡연"]],
  ["floor noise", ["층간소음"]],
  ["noise between floors", ["층간소음"]],
  // Supply and sale off-plan (주택법, 건축물의 분양에 관한 법률, 분양가격 규칙)
  ["down payment", ["계약금", "분양대금"]],
  ["interim payment", ["중도금", "분양대금"]],
  ["sale price of the building", ["분양가격", "분양대금"]],
  ["off-plan", ["분양"]],
  ["start construction", ["착공", "분양 시기"]],
  ["starting construction", ["착공", "분양 시기"]],
  ["speculation-overheated", ["투기과열지구"]],
  ["overheated district", ["투기과열지구"]],
  ["adjustment area", ["조정대상지역"]],
  ["regulated area", ["조정대상지역", "투기과열지구"]],
  ["model house", ["견본주택"]],
  ["show house", ["견본주택"]],
  ["use inspection", ["사용검사"]],
  ["completion inspection", ["사용검사"]],
  ["special supply", ["특별공급"]],
  ["subscription account", ["입주자저축", "주택청약종합저축"]],
  ["subscription savings", ["입주자저축", "주택청약종합저축"]],
  ["basic construction cost", ["기본형건축비"]],
  ["optional items", ["선택품목"]],
  ["option items", ["선택품목"]],
  // Private rental housing (민간임대주택에 관한 특별법)
  ["mandatory rental period", ["임대의무기간"]],
  ["rental obligation period", ["임대의무기간"]],
  ["obligatory rental period", ["임대의무기간"]],
  ["rental business operator", ["임대사업자"]],
  ["rental housing business", ["임대사업자", "민간임대주택"]],
  ["rental management business", ["주택임대관리업"]],
  ["standard lease", ["표준임대차계약서", "주택임대차표준계약서"]],
  ["standard contract", ["표준임대차계약서", "표준계약서", "주택임대차표준계약서"]],
  ["deposit guarantee", ["임대보증금에 대한 보증", "보증"]],
  ["special repair reserve", ["특별수선충당금"]],
  ["tenant representative", ["임차인대표회의"]],
  // Who takes over a lease when the tenant dies (주택임대차보호법 제9조) and registry numbers for those without one
  ["not legally married", ["사실상의 혼인 관계", "승계"]],
  ["common-law", ["사실상의 혼인 관계", "승계"]],
  ["de facto", ["사실상의 혼인 관계"]],
  ["take over the lease", ["임차권의 승계", "승계"]],
  ["registration number", ["등록번호", "부동산등기용등록번호"]],
  // Lease (주택임대차보호법) and its reporting
  ["conversion rate", ["월차임 전환", "산정률"]],
  ["temporary use", ["일시사용"]],
  ["short-term", ["일시사용"]],
  ["excess rent", ["초과 차임", "반환청구"]],
  ["lease report", ["주택 임대차 계약의 신고", "임대차 계약"]],
  ["rent contract", ["임대차 계약"]],
  ["tax arrears", ["체납", "납세증명서"]],
  ["unpaid taxes", ["체납", "납세증명서"]],
  // Brokerage and auctions (공인중개사법, 매수신청대리 규칙)
  ["broker's assistant", ["중개보조원"]],
  ["brokerage assistant", ["중개보조원"]],
  ["assistant broker", ["중개보조원"]],
  ["prohibited acts", ["금지행위"]],
  ["fake listing", ["표시ㆍ광고", "부당한 표시"]],
  ["false listing", ["표시ㆍ광고", "부당한 표시"]],
  ["auction agent", ["매수신청대리인", "매수신청대리"]],
  ["bidding agent", ["매수신청대리인", "매수신청대리"]],
  ["bid on my behalf", ["매수신청대리"]],
  ["on my behalf", ["대리"]],
  ["on behalf of", ["대리"]],
  ["trust register", ["신탁원부"]],
  ["trust deed", ["신탁원부"]],
  ["building register", ["건축물대장"]],
  ["building ledger", ["건축물대장"]],
  ["permit zone", ["토지거래허가구역", "허가구역"]],
  ["permission zone", ["토지거래허가구역", "허가구역"]],

  ["return the deposit", ["보증금 반환", "보증금"]],
];

/** Single English words → statute words. A Map, so a question word named like an Object.prototype key ("constructor") finds nothing. */
const WORDS = new Map<string, string[]>(Object.entries({
  lease: ["임대차"], leases: ["임대차"], rental: ["임대"], rent: ["차임", "임대료"], rents: ["차임"],
  deposit: ["보증금"], deposits: ["보증금"], jeonse: ["전세", "보증금"],
  landlord: ["임대인"], landlords: ["임대인"], lessor: ["임대인"], owner: ["소유자", "임대인"],
  tenant: ["임차인"], tenants: ["임차인"], lessee: ["임차인"], occupant: ["입주자"], resident: ["입주자"], residents: ["입주자"],
  renewal: ["갱신"], renew: ["갱신"], refuse: ["거절"], termination: ["해지"], terminate: ["해지"], cancel: ["해제", "취소"],
  increase: ["증액"], raise: ["증액"], cap: ["상한"], limit: ["한도", "상한"], percent: ["비율"],
  auction: ["경매"], bid: ["매수신청", "입찰"], bidding: ["매수신청"], bank: ["금융기관"],
  registration: ["등기"], register: ["등기"], registry: ["등기"], certificate: ["증명서", "확인서"],
  mortgage: ["저당권", "근저당권"], lien: ["저당권"],
  agent: ["개업공인중개사", "중개"], broker: ["개업공인중개사", "중개"], realtor: ["개업공인중개사"],
  commission: ["중개보수"], brokerage: ["중개"], explain: ["설명", "확인ㆍ설명"], explanation: ["설명"],
  report: ["신고"], reporting: ["신고"], fine: ["과태료"], fines: ["과태료"], penalty: ["과태료", "벌칙"], reward: ["포상금"],
  apartment: ["공동주택", "아파트"], apartments: ["공동주택"], flat: ["주택"], house: ["주택"], home: ["주택"],
  building: ["건축물"], buildings: ["건축물"], defect: ["하자"], defects: ["하자"], builder: ["사업주체"], developer: ["사업주체"],
  warranty: ["담보책임"], liable: ["담보책임", "책임"], inspect: ["사전방문", "점검"], inspection: ["사전방문", "검사"],
  noise: ["층간소음", "소음"], noisy: ["층간소음"], smoking: ["흡연"], smoke: ["흡연"], balcony: ["발코니"], parking: ["주차장"],
  management: ["관리"], manager: ["관리주체", "관리사무소장"], committee: ["위원회"], dispute: ["분쟁"], mediation: ["조정"],
  association: ["조합"], withdraw: ["탈퇴", "취하"], withdrawal: ["탈퇴", "취하"], refund: ["환급", "반환"],
  sale: ["분양", "매매"], sell: ["매매", "양도"], resell: ["전매"], resale: ["전매"], buyer: ["매수인", "수분양자"],
  price: ["가격"], prices: ["가격"], land: ["토지"], assessed: ["공시"], appraisal: ["감정평가"], objection: ["이의신청"],
  winner: ["당첨"], winners: ["당첨"], live: ["거주"], residence: ["거주"], reside: ["거주"],
  area: ["면적"], measured: ["산정"], exclusive: ["전용", "전속"], validity: ["유효기간"], period: ["기간"], term: ["기간", "임기"],
  contract: ["계약"], contracts: ["계약"], clause: ["약정", "특약"], waive: ["포기", "불리한 것"], valid: ["효력"],
  invalid: ["효력"], void: ["효력"], death: ["사망"], die: ["사망"], dies: ["사망"], spouse: ["배우자"], heir: ["상속인"],
  fee: ["수수료", "보수"], fees: ["수수료"], capital: ["자본금"], exam: ["시험"], examination: ["시험"], license: ["자격", "등록"],
  insurance: ["보증보험", "보험"], guarantee: ["보증"], surety: ["보증"], office: ["사무소"], relocate: ["이전"],
  foreigner: ["외국인"], foreigners: ["외국인"], permit: ["허가"], permission: ["허가"], approval: ["승인"],
  remodel: ["리모델링"], remodeling: ["리모델링"], repair: ["수선"], repairs: ["수선"], reserve: ["충당금"],
  cctv: ["영상정보처리기기"], elevator: ["승강기"], security: ["경비"], election: ["선거", "선출"], representative: ["대표"],
  // Single words of the same statutes (registry, prices, management, supply, rental, brokerage).
  rank: ["순위"], ranking: ["순위"], priority: ["순위", "우선"], seal: ["인감"], registrar: ["등기관"], cancellation: ["말소"],
  erase: ["말소"], trust: ["신탁"], ledger: ["대장"], withdrawn: ["취하"], withdrawing: ["취하"],
  announce: ["공시"], announced: ["공시"], announcement: ["공시"], publish: ["공시"], published: ["공시"], tax: ["과세"],
  object: ["이의신청"], appeal: ["이의신청"], objecting: ["이의신청"], correction: ["정정"], correct: ["정정"],
  appraiser: ["감정평가법인"], confirmation: ["확인서"],
  reelected: ["중임", "연임"], consecutive: ["중임", "연임"], audit: ["회계감사"], bylaws: ["관리규약"], guard: ["경비원"],
  officetel: ["오피스텔", "건축물"], officetels: ["오피스텔", "건축물"], "office-tel": ["오피스텔", "건축물"], speculation: ["투기"], overheated: ["투기과열지구"],
  lottery: ["당첨"], occupancy: ["입주"], construction: ["착공", "공사"], completion: ["사용검사", "준공"],
  assistant: ["중개보조원"], advertisement: ["표시ㆍ광고"], advertise: ["표시ㆍ광고"], advertising: ["표시ㆍ광고"], listing: ["표시ㆍ광고", "중개대상물"],
  foreign: ["외국인"], acquire: ["취득"], acquisition: ["취득"], inherit: ["상속", "승계"], inheritance: ["상속"], succeed: ["승계"],
  temporary: ["일시사용"], vacation: ["일시사용"], cooperative: ["조합"], union: ["조합"], arrears: ["체납"],
  footsteps: ["직접충격 소음", "층간소음"], stomping: ["직접충격 소음", "층간소음"], decibel: ["층간소음의 기준"], decibels: ["층간소음의 기준"],
  toilet: ["급수ㆍ배수", "층간소음의 범위"], plumbing: ["급수ㆍ배수"], escrow: ["계약금등의 예치"],
  lost: ["멸실", "없는"], documents: ["서류", "서면"], document: ["서류"], online: ["전산정보처리조직", "인터넷"], electronic: ["전자"],
}));

export interface EnglishExpansion {
  /** Korean words for the multi-word English legal terms found ("provisional registration" → 가등기). */
  fromPhrases: string[];
  /** Korean words for the single English words left over ("deposit" → 보증금). */
  fromWords: string[];
}

/** An English word without its plural "s" ("certificates" → "certificate", "penalties" → "penalty"). */
function singular(word: string): string {
  if (word.length > 4 && word.endsWith("ies")) return `${word.slice(0, -3)}y`;
  if (word.length > 3 && word.endsWith("s") && !/(ss|us|is)$/u.test(word)) return word.slice(0, -1);
  return word;
}

/** Lower case, separators as spaces, no possessive "'s", every word singular: questions and phrases alike. */
const normalText = (text: string): string =>
  text.toLowerCase().replace(/'s\b/gu, "").replace(/[^a-z0-9'-]+/gu, " ").split(" ").map(singular).join(" ");
/** The phrases in normal form, computed once: a question's plural words match them too. */
const SINGULAR_PHRASES: [string, string[]][] = PHRASES.map(([phrase, ko]) => [normalText(phrase), ko]);

/** The Korean words for a (lower-cased) question's English phrases and words, kept apart by where they came from. */
export function englishExpansionParts(query: string): EnglishExpansion {
  let text = ` ${normalText(query)} `;
  const fromPhrases = new Set<string>();
  const fromWords = new Set<string>();
  for (const [phrase, ko] of SINGULAR_PHRASES) {
    if (!text.includes(` ${phrase} `)) continue;
    for (const k of ko) fromPhrases.add(k);
    text = text.replace(` ${phrase}`, " ");
  }
  for (const w of text.split(" ")) {
    if (w === "") continue;
    for (const k of WORDS.get(w) ?? []) fromWords.add(k);
  }
  return { fromPhrases: [...fromPhrases], fromWords: [...fromWords] };
}

/** Korean words for the English words and phrases of a question (lower-cased). */
export function englishExpansions(query: string): string[] {
  const { fromPhrases, fromWords } = englishExpansionParts(query);
  return [...new Set([...fromPhrases, ...fromWords])];
}
