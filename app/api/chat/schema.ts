import { z } from "zod";
import { MAX_MESSAGE_LENGTH } from "@/server/supervisor/run";

export const chatRequestSchema = z.object({
  message: z.string({ error: "message must be a string" }).trim().min(1, "message must not be empty").max(MAX_MESSAGE_LENGTH, `message is longer than ${MAX_MESSAGE_LENGTH} characters`),
  sessionId: z.uuid({ error: "sessionId must be a UUID" }).optional(),
}).strict();
