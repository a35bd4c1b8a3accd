// The 25 Seoul districts (구) with their Korean and English names, short forms and well-known
// neighbourhoods (동), areas and landmark complexes, so "마포", "망원동", "Mapo-gu", "Hongdae" and
// "헬리오시티" all resolve to their district. Names that are ordinary words or shared by several
// districts (능동, 길동, 중동; 신사동 is taken as 강남구's) are left out or resolved to the best-known one.

export interface District {
  /** Official Korean name with 구, e.g. "마포구" — the value planners put in Entities.region. */
  ko: string;
  /** Romanised name without -gu, e.g. "Mapo". */
  en: string;
  /** Extra Korean names: neighbourhoods (동), stations, areas people say instead of the district. */
  koAliases: string[];
  /** Extra romanised names and spellings. */
  enAliases: string[];
  /** The short Korean form (without 구) is ambiguous on its own (중, 동작), so 구 is required. */
  requiresSuffix?: boolean;
  /** The romanised name is ambiguous on its own ("Jung" is a surname), so -gu is required. */
  enRequiresSuffix?: boolean;
}

export const SEOUL_DISTRICTS: readonly District[] = [
  { ko: "종로구", en: "Jongno", koAliases: ["혜화", "광화문", "평창동", "부암동", "삼청동", "사직동", "이화동", "창신동", "숭인동", "명륜동", "청운동", "효자동", "무악동", "교남동", "구기동", "가회동", "익선동", "서촌", "북촌", "인사동"], enAliases: ["Jongro", "Hyehwa", "Gwanghwamun"] },
  { ko: "중구", en: "Jung", koAliases: ["명동", "을지로", "신당동", "충무로", "회현동", "필동", "장충동", "황학동", "중림동", "만리동", "약수동", "다산동", "청구동", "동화동"], enAliases: ["Myeongdong", "Euljiro"], requiresSuffix: true, enRequiresSuffix: true },
  { ko: "용산구", en: "Yongsan", koAliases: ["이태원", "한남동", "이촌동", "후암동", "용산동", "청파동", "효창동", "원효로", "서빙고동", "보광동", "한강로", "남영동", "갈월동", "용문동", "도원동", "동부이촌동"], enAliases: ["Itaewon", "Hannam", "Ichon"] },
  { ko: "성동구", en: "Seongdong", koAliases: ["성수동", "성수", "왕십리", "옥수동", "금호동", "행당동", "응봉동", "마장동", "사근동", "송정동", "용답동", "하왕십리", "서울숲"], enAliases: ["Sungdong", "Seongsu", "Wangsimni"] },
  { ko: "광진구", en: "Gwangjin", koAliases: ["건대", "자양동", "구의동", "광장동", "화양동", "군자동", "중곡동"], enAliases: ["Kwangjin", "Konkuk"] },
  { ko: "동대문구", en: "Dongdaemun", koAliases: ["청량리", "회기", "장안동", "전농동", "답십리", "이문동", "휘경동", "제기동", "용두동", "신설동"], enAliases: ["Cheongnyangni"] },
  { ko: "중랑구", en: "Jungnang", koAliases: ["면목동", "상봉동", "망우동", "묵동", "신내동", "중화동"], enAliases: ["Jungrang", "Sangbong"] },
  { ko: "성북구", en: "Seongbuk", koAliases: ["길음", "정릉", "돈암동", "장위동", "안암동", "보문동", "석관동", "종암동", "월곡동", "성북동", "삼선동", "동선동"], enAliases: ["Sungbuk", "Gireum"] },
  { ko: "강북구", en: "Gangbuk", koAliases: ["수유", "미아동", "우이동", "삼양동", "송중동", "송천동", "인수동"], enAliases: ["Kangbuk", "Suyu"] },
  { ko: "도봉구", en: "Dobong", koAliases: ["창동", "쌍문동", "방학동", "도봉동"], enAliases: ["Chang-dong", "Ssangmun"] },
  { ko: "노원구", en: "Nowon", koAliases: ["상계동", "중계동", "하계동", "공릉동", "월계동"], enAliases: ["Sanggye", "Junggye"] },
  { ko: "은평구", en: "Eunpyeong", koAliases: ["불광동", "응암동", "녹번동", "진관동", "역촌동", "갈현동", "구산동", "대조동", "증산동", "수색동", "은평뉴타운"], enAliases: ["Eunpyung", "Bulgwang"] },
  { ko: "서대문구", en: "Seodaemun", koAliases: ["신촌", "연희동", "홍제동", "북아현동", "남가좌동", "북가좌동", "홍은동", "충정로", "천연동", "창천동", "대현동"], enAliases: ["Sinchon", "Shinchon", "Yeonhui"] },
  { ko: "마포구", en: "Mapo", koAliases: ["홍대", "합정", "망원동", "망원", "연남동", "상암동", "공덕", "아현동", "서교동", "동교동", "성산동", "도화동", "용강동", "대흥동", "염리동", "신수동", "창전동", "상수동", "마포동", "서강동", "마포래미안푸르지오", "마래푸"], enAliases: ["Hongdae", "Hapjeong", "Mangwon", "Yeonnam", "Sangam"] },
  { ko: "양천구", en: "Yangcheon", koAliases: ["목동", "신정동", "신월동"], enAliases: ["Yangchun", "Mokdong", "Mok-dong"] },
  { ko: "강서구", en: "Gangseo", koAliases: ["마곡", "화곡동", "등촌동", "가양동", "발산동", "방화동", "염창동", "공항동"], enAliases: ["Kangseo", "Magok", "Hwagok"] },
  { ko: "구로구", en: "Guro", koAliases: ["신도림", "개봉동", "오류동", "구로동", "고척동", "가리봉동", "천왕동"], enAliases: ["Sindorim"] },
  { ko: "금천구", en: "Geumcheon", koAliases: ["가산동", "독산동", "시흥동"], enAliases: ["Keumcheon", "Gasan", "Doksan"] },
  { ko: "영등포구", en: "Yeongdeungpo", koAliases: ["여의도", "문래동", "당산동", "신길동", "대림동", "양평동", "도림동", "영등포동"], enAliases: ["Yongdeungpo", "Yeouido", "Yoido", "Mullae", "Dangsan"] },
  { ko: "동작구", en: "Dongjak", koAliases: ["노량진", "사당동", "흑석동", "상도동", "대방동", "신대방동"], enAliases: ["Noryangjin", "Sadang", "Heukseok"], requiresSuffix: true },
  { ko: "관악구", en: "Gwanak", koAliases: ["신림동", "신림", "봉천동", "서울대입구", "남현동", "낙성대"], enAliases: ["Kwanak", "Sillim", "Shillim", "Bongcheon"] },
  { ko: "서초구", en: "Seocho", koAliases: ["반포", "방배동", "잠원동", "양재동", "서초동", "내곡동", "우면동", "신원동", "염곡동", "원지동", "래미안퍼스티지", "아크로리버파크"], enAliases: ["Banpo", "Bangbae", "Jamwon", "Yangjae"] },
  { ko: "강남구", en: "Gangnam", koAliases: ["압구정", "대치동", "역삼동", "삼성동", "청담동", "도곡동", "개포동", "논현동", "신사동", "일원동", "수서동", "세곡동", "자곡동", "율현동", "은마아파트", "은마"], enAliases: ["Kangnam", "Apgujeong", "Daechi", "Yeoksam", "Cheongdam", "Gaepo"] },
  { ko: "송파구", en: "Songpa", koAliases: ["잠실", "문정동", "가락동", "방이동", "위례", "석촌동", "송파동", "오금동", "거여동", "마천동", "풍납동", "장지동", "헬리오시티", "잠실엘스", "리센츠", "파크리오"], enAliases: ["Jamsil", "Munjeong", "Garak"] },
  { ko: "강동구", en: "Gangdong", koAliases: ["천호동", "천호", "고덕동", "명일동", "둔촌동", "암사동", "성내동", "상일동", "강일동"], enAliases: ["Kangdong", "Cheonho", "Godeok", "Dunchon"] },
];

interface RegionPattern {
  district: District;
  regex: RegExp;
  /** Longer names win when two patterns match at the same place ("서대문구" over "대문"). */
  length: number;
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function buildPatterns(): RegionPattern[] {
  const patterns: RegionPattern[] = [];
  for (const district of SEOUL_DISTRICTS) {
    const shortKo = district.ko.slice(0, -1);
    const koNames = [district.ko, ...(district.requiresSuffix ? [] : [shortKo]), ...district.koAliases];
    for (const name of koNames) {
      patterns.push({ district, regex: new RegExp(escapeRegex(name), "g"), length: name.length });
    }
    const enNames = [district.en, ...district.enAliases];
    for (const name of enNames) {
      // "Mapo", "Mapo-gu", "Mapo gu", "Mapogu"; Jung needs its -gu ("Jung" is also a surname).
      const needsGu = district.enRequiresSuffix === true && name === district.en;
      const suffix = needsGu ? "[- ]?gu" : "(?:[- ]?gu)?";
      patterns.push({ district, regex: new RegExp(`\\b${escapeRegex(name)}${suffix}\\b`, "gi"), length: name.length + 3 });
    }
  }
  return patterns;
}

const PATTERNS = buildPatterns();

export interface RegionMatch {
  district: District;
  start: number;
  end: number;
  text: string;
}

/** Every Seoul district mentioned in the text, in order of appearance (overlaps resolved to the longest). */
export function findRegions(text: string): RegionMatch[] {
  const found: RegionMatch[] = [];
  for (const pattern of PATTERNS) {
    pattern.regex.lastIndex = 0;
    for (let m = pattern.regex.exec(text); m; m = pattern.regex.exec(text)) {
      found.push({ district: pattern.district, start: m.index, end: m.index + m[0].length, text: m[0] });
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start));
  const kept: RegionMatch[] = [];
  for (const match of found) {
    const last = kept[kept.length - 1];
    if (last && match.start < last.end) continue;
    kept.push(match);
  }
  return kept;
}

/** The first Seoul district mentioned, as its Korean name with 구 ("마포구"), or undefined. */
export function findRegion(text: string): string | undefined {
  return findRegions(text)[0]?.district.ko;
}

/** Looks up a district by any of its names ("마포", "Mapo-gu", "mapo"); undefined when unknown. */
export function normalizeDistrict(name: string): string | undefined {
  const trimmed = name.trim();
  const match = findRegions(trimmed).find((m) => m.start === 0 && m.end === trimmed.length);
  return match?.district.ko;
}

/** The romanised name of a Korean district ("마포구" → "Mapo-gu"), for English answers. */
export function districtEnglishName(ko: string): string | undefined {
  const district = SEOUL_DISTRICTS.find((d) => d.ko === ko);
  return district ? `${district.en}-gu` : undefined;
}
