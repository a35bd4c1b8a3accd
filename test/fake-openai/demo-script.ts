// The fake server's default answers for demos and e2e: it recognises which decision a request is
// from by the prompt marker and answers plausibly (the plan from the rules planner, every requested call, a short answer).
import { planQuestion } from "../../server/apps/housing/rules/planner";
import type { RecordedRequest, ScriptedResponse } from "./server";

function between(text: string, start: string, end: string): string | undefined {
  const i = text.indexOf(start);
  if (i < 0) return undefined;
  const j = text.indexOf(end, i + start.length);
  return j < 0 ? undefined : text.slice(i + start.length, j).trim();
}

function demoPlan(text: string): string {
  const query = between(text, "<question>", "</question>") ?? "";
  const teamsJson = between(text, "Teams and their tools (JSON):", "The user's question:") ?? "[]";
  const teams = JSON.parse(teamsJson) as { name: string; tools: string[] }[];
  const plan = planQuestion(query, teams);
  const teamOf = new Map(plan.execution_steps.map((s) => [s.step_id, s.team]));
  return JSON.stringify({
    intent: plan.intent, intent_confidence: plan.intent_confidence, aspects: plan.aspects,
    question_type: plan.questionType, language: plan.language,
    keywords: plan.keywords.slice(0, 12), entities: plan.entities,
    steps: plan.execution_steps.map((s) => ({ team: s.team, description: s.description.slice(0, 300), tools: s.tools, depends_on: s.depends_on.map((d) => teamOf.get(d)).filter(Boolean) })),
    reasoning: "fake model (demo script): the plan the built-in rules would make",
  });
}

function demoOrchestration(text: string): string {
  const ids = [...text.matchAll(/^(r\d+): \{/gm)].map((m) => m[1]);
  return JSON.stringify({
    strategy: ids.length > 1 ? "parallel" : "sequential", confidence: 0.7,
    reasoning: "fake model (demo script): every requested call, independent ones at once",
    calls: ids.map((request) => ({ request })),
  });
}

function demoAnswer(text: string): string {
  const language = /Write in (ko|en)\b/.exec(text)?.[1] ?? "en";
  const resultsJson = between(text, "Tool results (JSON, tool name → output):", "Missing (tools") ?? "{}";
  let tools: string[] = [];
  try {
    tools = Object.keys(JSON.parse(resultsJson) as Record<string, unknown>);
  } catch {
    tools = [];
  }
  const answer = language === "ko"
    ? `**데모 모델의 답변입니다.** 다음 도구 결과를 바탕으로 정리했습니다: ${tools.join(", ") || "없음"}.\n\n- 이 답변은 가짜 OpenAI 서버가 만든 데모용입니다.\n\n일반 정보이며 법률 자문이 아닙니다.`
    : `**An answer from the demo model.** Based on these tool results: ${tools.join(", ") || "none"}.\n\n- This answer comes from the fake OpenAI server, for demos.\n\nGeneral information, not legal advice.`;
  return JSON.stringify({ answer, sources: tools });
}

/** Answers one request by its prompt marker; unknown prompts get a 400 so a mistake is visible. */
export function demoResponse(req: RecordedRequest): ScriptedResponse {
  try {
    switch (req.promptName) {
      case "plan": return { text: demoPlan(req.text) };
      case "orchestrate": return { text: demoOrchestration(req.text) };
      case "respond": return { text: demoAnswer(req.text), chunkDelayMs: 60 };
      default: return { status: 400, rawBody: JSON.stringify({ error: { message: `fake-openai demo: no [prompt:…] marker in the request`, type: "invalid_request_error" } }) };
    }
  } catch (err) {
    return { status: 500, rawBody: JSON.stringify({ error: { message: `fake-openai demo: ${(err as Error).message}`, type: "server_error" } }) };
  }
}
