// The running app's labels (intents, teams) and chat greeting for every component below the root layout;
// the layout supplies them, so components never name an app's vocabulary. Unknown values show as they are.
"use client";

import { createContext, useContext, useMemo, type ReactNode } from "react";
import type { AppDisplay } from "@/server/state/app-display";

const AppDisplayContext = createContext<AppDisplay>({ intents: {}, teams: {}, welcome: { title: "", intro: "", examples: [] } });

export function AppDisplayProvider({ display, children }: { display: AppDisplay; children: ReactNode }) {
  return <AppDisplayContext.Provider value={display}>{children}</AppDisplayContext.Provider>;
}

export function useAppLabels() {
  const display = useContext(AppDisplayContext);
  return useMemo(() => ({
    /** The app's intents, in its order (for filters). */
    intents: Object.keys(display.intents),
    intentLabel: (v: string | null | undefined) => (v ? (display.intents[v] ?? v) : ""),
    teamLabel: (v: string) => display.teams[v] ?? v,
    welcome: display.welcome,
  }), [display]);
}
