// "How do I …" questions in Korean's "어떻게 …면 되나요" form, for the lead eval, written in the tenth session.
// PROCEDURES_SEEN was written first and scored before any change (6/10); its failures were read. PROCEDURES_FRESH was
// written after understanding.ts began reading the form as a procedure, and scored once: 11/12, the old code 8/12,
// both on a database that still held a dropped experiment's statute terms; on fresh clusters 12/12 against 9/12.
// Four of its questions are controls: "어떻게 되나요" asks what happens or how much, not how to.
// Never tune on PROCEDURES_FRESH.
import type { LeadQuestion } from "./lead-questions";

export const PROCEDURES_SEEN: LeadQuestion[] = [
  { q: "전입신고는 어떻게 하면 되나요?", type: "procedure", lang: "ko" },
  { q: "묵시적 갱신 후에 해지하려면 어떻게 하면 돼요?", type: "procedure", lang: "ko" },
  { q: "보증금 반환 소송은 어떻게 하면 되나요?", type: "procedure", lang: "ko" },
  { q: "디딤돌 대출 어떻게 신청하면 되나요?", type: "procedure", lang: "ko" },
  { q: "임대차 신고는 어떻게 해야 되나요?", type: "procedure", lang: "ko" },
  { q: "내용증명은 어떻게 보내면 돼요?", type: "procedure", lang: "ko" },
  { q: "전세 계약 갱신 거절 통보는 어떻게 하면 되나요?", type: "procedure", lang: "ko" },
  { q: "주택 임대차 분쟁조정 신청 어떻게 하나요?", type: "procedure", lang: "ko" },
  { q: "등기부등본은 어떻게 떼면 되나요?", type: "procedure", lang: "ko" },
  { q: "청년 월세 지원은 어떻게 받으면 돼요?", type: "procedure", lang: "ko" },
];

export const PROCEDURES_FRESH: LeadQuestion[] = [
  { q: "확정일자 받으려면 어떻게 하면 되나요?", type: "procedure", lang: "ko" },
  { q: "전세보증보험 어떻게 가입하면 돼요?", type: "procedure", lang: "ko" },
  { q: "계약 끝나고 이사 나갈 때 보증금은 어떻게 돌려받으면 되나요?", type: "procedure", lang: "ko" },
  { q: "버팀목 대출 연장은 어떻게 해야 하나요?", type: "procedure", lang: "ko" },
  { q: "월세 밀린 세입자 내보내려면 어떻게 해야 돼요?", type: "procedure", lang: "ko" },
  { q: "전월세 신고 어떻게 하면 되죠?", type: "procedure", lang: "ko" },
  { q: "수리 요청은 집주인한테 어떻게 하면 될까요?", type: "procedure", lang: "ko" },
  { q: "임차권등기 해제는 어떻게 하면 됩니까?", type: "procedure", lang: "ko" },
  { q: "전입신고 안 하면 어떻게 되나요?", type: "permissibility", lang: "ko" },
  { q: "계약기간 중에 집주인이 바뀌면 제 보증금은 어떻게 되나요?", type: "permissibility", lang: "ko" },
  { q: "마포구 아파트 전세 시세 어떻게 돼요?", type: "amount", lang: "ko" },
  { q: "신혼부부 전세대출 한도는 어떻게 되나요?", type: "amount", lang: "ko" },
];
