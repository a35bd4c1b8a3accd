// Statute text for the chat and admin UIs (user tier, admins too): one article by citation key, in the version in force on
// a date (default today in Korea), with its provisions verbatim and the decree articles that carry it out.
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { statuteArticle, todayIso, parseCitationKey, type StatuteArticleView } from "../laws/article";
import { publicProcedure, router } from "../../../trpc/init";

/** Chat users and admins (the admin run page shows the same articles); anonymous callers are refused. */
const readerProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.userId && !ctx.admin) throw new TRPCError({ code: "UNAUTHORIZED", message: "unauthorized:user" });
  return next();
});

const articleInput = z.object({
  /** "주택임대차보호법 제3조의2" or a provision key "주택임대차보호법 제3조의2 제2항". */
  key: z.string().trim().min(3).max(200).refine((k) => parseCitationKey(k) !== null, "not a citation key"),
  asOf: z.iso.date().optional(),
});

export const statutesRouter = router({
  article: readerProcedure.input(articleInput).query(async ({ ctx, input }): Promise<StatuteArticleView> => {
    const article = await statuteArticle(ctx.database.db, input.key, input.asOf ?? todayIso());
    if (!article) throw new TRPCError({ code: "NOT_FOUND", message: "not_found:statute_article" });
    return article;
  }),
});
