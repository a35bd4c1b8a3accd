// The POST /api/chat body: a message PostgreSQL can store (no NUL, no lone surrogate) and an optional session UUID.
import { z } from "zod";
import { MAX_MESSAGE_LENGTH } from "@/server/supervisor/run";
import { isStorableText } from "@/server/validation";

export const chatRequestSchema = z.object({
  message: z
    .string({ error: "message must be a string" })
    .trim()
    .min(1, "message must not be empty")
    .max(MAX_MESSAGE_LENGTH, `message is longer than ${MAX_MESSAGE_LENGTH} characters`)
    .refine(isStorableText, "message must not contain NUL characters or unpaired surrogates"),
  sessionId: z.uuid({ error: "sessionId must be a UUID" }).transform((s) => s.toLowerCase()).optional(),
}).strict();
