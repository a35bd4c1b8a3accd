// How an app's own vocabulary is shown in the UI: a label per intent and per team, and the greeting of an
// empty chat. Plain data the app supplies (the root layout) and the browser reads through components/app-display.tsx.
export interface AppDisplay {
  /** intent → label, in the order the admin filter lists them. */
  intents: Record<string, string>;
  /** team → label. */
  teams: Record<string, string>;
  /** An empty conversation's greeting: a title, what the app can do, and example questions to start from. */
  welcome: { title: string; intro: string; examples: string[] };
}
