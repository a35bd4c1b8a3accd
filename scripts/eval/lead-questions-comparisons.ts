// District comparisons for the lead eval, written in the tenth session after the comparison lead began saying which
// side is lower ("마포구 쪽이 성동구보다 낮습니다"), and scored once: 8/8 (the code before that change, run afterwards: 3/8).
// Never tune on these.
import type { LeadQuestion } from "./lead-questions";

export const COMPARISONS_FRESH: LeadQuestion[] = [
  { q: "강남구랑 서초구 아파트 매매가 비교해 주세요", type: "comparison", lang: "ko" },
  { q: "노원구 vs 도봉구 아파트 전세 어디가 더 싸요?", type: "comparison", lang: "ko" },
  { q: "송파구와 강동구 아파트 월세 차이 알려줘", type: "comparison", lang: "ko" },
  { q: "관악구, 동작구, 영등포구 오피스텔 전세 비교", type: "comparison", lang: "ko" },
  { q: "Compare apartment sale prices in Gangnam-gu and Seocho-gu", type: "comparison", lang: "en" },
  { q: "Which is cheaper for an apartment jeonse, Nowon-gu or Dobong-gu?", type: "comparison", lang: "en" },
  { q: "Songpa-gu vs Gangdong-gu: apartment monthly rent", type: "comparison", lang: "en" },
  { q: "은평구랑 서대문구 빌라 전세 시세 비교해줘", type: "comparison", lang: "ko" },
];
