// Seoul's 25 districts with English names, a few dongs each, and the price levels the sample
// generator uses (sale KRW per m² for apartments, and the jeonse-to-sale ratio) — not official figures.

export interface RegionSeed {
  code: string;
  nameKo: string;
  nameEn: string;
  dongs: string[];
  /** Sample generator: apartment sale price per m², in 만원 (10,000 KRW). */
  salePerM2Man: number;
  /** Sample generator: jeonse deposit as a share of the sale price. */
  jeonseRatio: number;
}

export const SEOUL_REGIONS: RegionSeed[] = [
  { code: "11110", nameKo: "종로구", nameEn: "Jongno-gu", dongs: ["평창동", "무악동", "숭인동"], salePerM2Man: 1450, jeonseRatio: 0.55 },
  { code: "11140", nameKo: "중구", nameEn: "Jung-gu", dongs: ["신당동", "황학동", "중림동"], salePerM2Man: 1500, jeonseRatio: 0.56 },
  { code: "11170", nameKo: "용산구", nameEn: "Yongsan-gu", dongs: ["이촌동", "한남동", "문배동"], salePerM2Man: 2500, jeonseRatio: 0.47 },
  { code: "11200", nameKo: "성동구", nameEn: "Seongdong-gu", dongs: ["옥수동", "행당동", "성수동"], salePerM2Man: 1950, jeonseRatio: 0.52 },
  { code: "11215", nameKo: "광진구", nameEn: "Gwangjin-gu", dongs: ["자양동", "광장동", "구의동"], salePerM2Man: 1650, jeonseRatio: 0.54 },
  { code: "11230", nameKo: "동대문구", nameEn: "Dongdaemun-gu", dongs: ["전농동", "답십리동", "휘경동"], salePerM2Man: 1150, jeonseRatio: 0.58 },
  { code: "11260", nameKo: "중랑구", nameEn: "Jungnang-gu", dongs: ["상봉동", "묵동", "신내동"], salePerM2Man: 880, jeonseRatio: 0.6 },
  { code: "11290", nameKo: "성북구", nameEn: "Seongbuk-gu", dongs: ["길음동", "돈암동", "정릉동"], salePerM2Man: 1080, jeonseRatio: 0.6 },
  { code: "11305", nameKo: "강북구", nameEn: "Gangbuk-gu", dongs: ["미아동", "번동", "수유동"], salePerM2Man: 830, jeonseRatio: 0.6 },
  { code: "11320", nameKo: "도봉구", nameEn: "Dobong-gu", dongs: ["창동", "방학동", "쌍문동"], salePerM2Man: 800, jeonseRatio: 0.58 },
  { code: "11350", nameKo: "노원구", nameEn: "Nowon-gu", dongs: ["상계동", "중계동", "하계동"], salePerM2Man: 900, jeonseRatio: 0.56 },
  { code: "11380", nameKo: "은평구", nameEn: "Eunpyeong-gu", dongs: ["불광동", "응암동", "진관동"], salePerM2Man: 1020, jeonseRatio: 0.6 },
  { code: "11410", nameKo: "서대문구", nameEn: "Seodaemun-gu", dongs: ["북아현동", "홍제동", "남가좌동"], salePerM2Man: 1220, jeonseRatio: 0.58 },
  { code: "11440", nameKo: "마포구", nameEn: "Mapo-gu", dongs: ["아현동", "공덕동", "상암동"], salePerM2Man: 1800, jeonseRatio: 0.55 },
  { code: "11470", nameKo: "양천구", nameEn: "Yangcheon-gu", dongs: ["목동", "신정동", "신월동"], salePerM2Man: 1700, jeonseRatio: 0.5 },
  { code: "11500", nameKo: "강서구", nameEn: "Gangseo-gu", dongs: ["마곡동", "등촌동", "화곡동"], salePerM2Man: 1120, jeonseRatio: 0.6 },
  { code: "11530", nameKo: "구로구", nameEn: "Guro-gu", dongs: ["신도림동", "개봉동", "고척동"], salePerM2Man: 960, jeonseRatio: 0.6 },
  { code: "11545", nameKo: "금천구", nameEn: "Geumcheon-gu", dongs: ["독산동", "시흥동", "가산동"], salePerM2Man: 860, jeonseRatio: 0.62 },
  { code: "11560", nameKo: "영등포구", nameEn: "Yeongdeungpo-gu", dongs: ["여의도동", "당산동", "신길동"], salePerM2Man: 1550, jeonseRatio: 0.53 },
  { code: "11590", nameKo: "동작구", nameEn: "Dongjak-gu", dongs: ["흑석동", "사당동", "상도동"], salePerM2Man: 1520, jeonseRatio: 0.55 },
  { code: "11620", nameKo: "관악구", nameEn: "Gwanak-gu", dongs: ["봉천동", "신림동", "남현동"], salePerM2Man: 1000, jeonseRatio: 0.6 },
  { code: "11650", nameKo: "서초구", nameEn: "Seocho-gu", dongs: ["반포동", "잠원동", "방배동"], salePerM2Man: 2950, jeonseRatio: 0.45 },
  { code: "11680", nameKo: "강남구", nameEn: "Gangnam-gu", dongs: ["압구정동", "대치동", "개포동"], salePerM2Man: 3050, jeonseRatio: 0.44 },
  { code: "11710", nameKo: "송파구", nameEn: "Songpa-gu", dongs: ["잠실동", "가락동", "문정동"], salePerM2Man: 2300, jeonseRatio: 0.48 },
  { code: "11740", nameKo: "강동구", nameEn: "Gangdong-gu", dongs: ["고덕동", "명일동", "천호동"], salePerM2Man: 1600, jeonseRatio: 0.52 },
];

/** "마포구" → ["마포", "mapo", "mapo-gu", "mapogu"]; 중구 keeps no one-syllable alias ("중" is too ambiguous). */
export function regionAliases(r: RegionSeed): string[] {
  const shortKo = r.nameKo.replace(/구$/u, "");
  const en = r.nameEn.toLowerCase();
  const shortEn = en.replace(/-gu$/u, "");
  const aliases = [en, en.replace("-", ""), shortEn, `${shortEn} gu`.replace(" ", "")];
  if (shortKo.length >= 2) aliases.unshift(shortKo);
  return [...new Set(aliases)];
}
