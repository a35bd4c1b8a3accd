// The admin sign-in request body.
import { z } from "zod";

export const adminLoginBody = z.object({ password: z.string({ error: "password is required" }).min(1, "password is required").max(1000) }).strict();
