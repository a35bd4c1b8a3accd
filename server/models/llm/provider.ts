// Creates the AI SDK language model for one decision: Chat Completions (works with vLLM, Ollama,
// llama.cpp, LM Studio) or the Responses API, against OpenAI or any compatible base URL.
import "server-only";
import { createOpenAI } from "@ai-sdk/openai";
import type { LanguageModel } from "ai";
import type { DecisionName, LlmConfig } from "./config";

/**
 * Local OpenAI-compatible servers usually ignore the key, but the SDK refuses to send a request
 * without one; this placeholder is sent only when a base URL is configured and no key is.
 */
const KEYLESS_PLACEHOLDER = "no-key";

export function createDecisionModel(config: LlmConfig, decision: DecisionName): LanguageModel {
  const provider = createOpenAI({
    baseURL: config.baseURL,
    apiKey: config.apiKey ?? KEYLESS_PLACEHOLDER,
  });
  const modelId = config.models[decision];
  return config.apiMode === "responses" ? provider.responses(modelId) : provider.chat(modelId);
}
