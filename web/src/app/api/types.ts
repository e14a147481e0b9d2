/** Shapes of the HTTP API as documented in docs/api.md. */

export type Role = "admin" | "manager" | "employee";
export type Language = "da" | "en";
export type Channel = "link" | "qr" | "kiosk" | "email" | "widget";
export const CHANNELS: Channel[] = ["link", "qr", "kiosk", "email", "widget"];
export type Category = "promoter" | "passive" | "detractor";
export type Sentiment = "positive" | "neutral" | "negative";

export type Me = {
  user: { id: string; name: string; email: string };
  organisation: { id: string; slug: string; name: string };
  role: Role;
};

export type SetupStatus = { needsSetup: boolean };

export type Named = { id: string; name: string };
export type Employee = {
  id: string;
  name: string;
  team: string | null;
  managerId: string | null;
  nicknames: string[];
};
export type User = { id: string; name: string; email: string; role: Role };
export type ApiToken = {
  id: string;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
};
export type Items<T> = { items: T[] };

export type QuestionText = { score: string; why: string };
export type Questions = Record<Language, QuestionText>;

export type Survey = {
  id: string;
  name: string;
  language: Language;
  questions: Questions;
  askConsent: boolean;
  askName: boolean;
  publicUrl: string;
  kioskUrl: string;
  createdAt: string;
  responseCount: number;
};

export type SurveyInput = {
  name: string;
  language: Language;
  questions?: Questions;
  askConsent?: boolean;
  askName?: boolean;
};

export type Nps = {
  n: number;
  promoters: number;
  passives: number;
  detractors: number;
  /** null when n = 0 */
  nps: number | null;
  marginOfError95: number | null;
};

export type NpsGroup = Nps & { key: string | null };
export type NpsWithGroups = Nps & { groups?: NpsGroup[] };

export type NpsComparison = {
  current: Nps;
  previous: Nps;
  difference: number | null;
  marginOfError95: number | null;
  significant: boolean;
  pValue: number | null;
};

export type Distribution = { n: number; counts: number[] };

export type ResponseItem = {
  id: string;
  surveyId: string;
  score: number;
  comment: string | null;
  name: string | null;
  consentToDisplay: boolean;
  team: string | null;
  touchpoint: string | null;
  employee: string | null;
  channel: string | null;
  language: string | null;
  sentiment: Sentiment | null;
  /** How the answer appears on the walls, and why not when it does not. */
  wallStatus: WallStatus;
  /** Hidden from every wall by a manager or admin. */
  hidden: boolean;
  /** What the guard found in the comment: kinds and counts only, e.g. `{phone: 1}`. */
  guard: GuardCounts;
  createdAt: string;
};

export type WallStatus =
  | "shown"
  | "score-only"
  | "redacted"
  | "held-back"
  | "hidden"
  | "not-promoter";

export const GUARD_KINDS = [
  "cpr",
  "phone",
  "email",
  "address",
  "account",
  "iban",
  "card",
  "abuse",
] as const;
export type GuardKind = (typeof GUARD_KINDS)[number];
export type GuardCounts = Partial<Record<GuardKind, number>>;

export type WallTheme = "dark" | "light";

/** A read-only wall link for the office TV. */
export type Wall = {
  id: string;
  name: string;
  team: string | null;
  touchpoint: string | null;
  goalPerWeek: number | null;
  theme: WallTheme;
  language: Language;
  url: string;
  streamUrl: string;
  createdAt: string;
};

export type WallInput = {
  name?: string;
  team?: string;
  touchpoint?: string;
  goalPerWeek?: number | null;
  theme?: WallTheme;
  language?: Language;
};

export type WallUpdate = Omit<WallInput, "team" | "touchpoint">;

export type ResponsePage = { total: number; items: ResponseItem[] };

/** Filters shared by every analytics endpoint. */
export type AnalyticsFilters = {
  surveyId?: string;
  from?: string;
  to?: string;
  team?: string;
  touchpoint?: string;
  employee?: string;
  channel?: string;
  sentiment?: string;
};
