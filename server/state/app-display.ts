// How an app's own vocabulary is shown in the UI: a label per intent and per team. Plain data the app
// supplies (AppDefinition.display) and the browser reads through components/app-display.tsx.
export interface AppDisplay {
  /** intent → label, in the order the admin filter lists them. */
  intents: Record<string, string>;
  /** team → label. */
  teams: Record<string, string>;
}
