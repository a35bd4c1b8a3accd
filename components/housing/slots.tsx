// The housing app's fillings for the run UI's slots: an answer's statute citations, each opening the
// article in the statute panel. Rendered once by the root layout around every page.
"use client";

import type { ReactNode } from "react";
import { AppSlotsProvider, type AppSlots } from "../app-slots";
import { CitationLinks, RunCitationLinks } from "./statute-citations";

const HOUSING_SLOTS: AppSlots = { AnswerSources: RunCitationLinks, RunSources: CitationLinks };

export function HousingSlots({ children }: { children: ReactNode }) {
  return <AppSlotsProvider slots={HOUSING_SLOTS}>{children}</AppSlotsProvider>;
}
