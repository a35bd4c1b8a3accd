// Seeds the glossary (term definitions) and the brokerage-fee brackets: upserted at every start,
// and rows no longer in the seed are removed so the tables say exactly what the seed says.
import { notInArray } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { brokerageFeeRates, glossaryTerms } from "../schema/glossary";
import { BROKERAGE_FEE_RATES, GLOSSARY_TERMS } from "./data/glossary";
import { excludedColumns } from "./rules";

export async function seedGlossary(db: Db): Promise<void> {
  const terms = GLOSSARY_TERMS.map((t) => ({ ...t, aliases: (t.aliases ?? []).map((a) => a.toLowerCase()), lawReference: t.lawReference ?? null, concept: t.concept ?? null }));
  await db.insert(glossaryTerms).values(terms).onConflictDoUpdate({ target: glossaryTerms.key, set: excludedColumns(glossaryTerms, ["key"]) });
  await db.delete(glossaryTerms).where(notInArray(glossaryTerms.key, terms.map((t) => t.key)));
  await db.insert(brokerageFeeRates).values(BROKERAGE_FEE_RATES).onConflictDoUpdate({
    target: [brokerageFeeRates.dealKind, brokerageFeeRates.minAmount], set: excludedColumns(brokerageFeeRates, ["dealKind", "minAmount"]),
  });
}
