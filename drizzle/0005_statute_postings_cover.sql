-- Statute search reads the postings of a query's terms only: a covering index on term answers it from the
-- index alone (no heap visits once VACUUM has set the visibility map), which keeps legal_search fast.
CREATE INDEX IF NOT EXISTS "statute_postings_term_cover_idx" ON "statute_postings" ("term") INCLUDE ("provision_id", "article_id", "statute_id", "tf", "len", "in_title", "in_heading");
