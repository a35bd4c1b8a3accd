// Places in the run UI where the running app may render its own view of an answer's sources (the
// housing app: statute links that open the article). The app's client module fills them from the root
// layout; a slot left empty renders nothing, so the chat and admin components never name an app.
"use client";

import { createContext, useContext, type ComponentType, type ReactNode } from "react";

/** A source the answer rests on, as runs.citations stores it; the app knows what its fields mean. */
export interface SourceLike {
  source: string;
  [field: string]: unknown;
}

export interface AppSlots {
  /** Under a finished chat answer: the run id, so the slot can read what it needs (owner only). */
  AnswerSources?: ComponentType<{ runId: string }>;
  /** On the admin run page, with the run's stored citations. */
  RunSources?: ComponentType<{ citations: SourceLike[] }>;
}

const AppSlotsContext = createContext<AppSlots>({});

export function AppSlotsProvider({ slots, children }: { slots: AppSlots; children: ReactNode }) {
  return <AppSlotsContext.Provider value={slots}>{children}</AppSlotsContext.Provider>;
}

export function useAppSlots(): AppSlots {
  return useContext(AppSlotsContext);
}
