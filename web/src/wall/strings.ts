/** The wall's languages, from the wall config: Danish first, English second. */
export type Lang = "da" | "en";

export function isLang(value: unknown): value is Lang {
  return value === "da" || value === "en";
}

/** Every text the wall shows, per language. Functions take the numbers or names they name. */
export type Strings = {
  locale: string;
  defaultTitle: string;
  promotersToday: string;
  promotersTodayHint: string;
  thisWeek: string;
  thisWeekHint: string;
  nps: string;
  npsPeriod: string;
  answers: (n: number) => string;
  noAnswers: string;
  /** The sparkline's caption: the ISO weeks it covers. */
  weeks: (from: number, to: number) => string;
  goalOf: (progress: number, goal: number) => string;
  goalLabel: string;
  goalReached: string;
  goalLeft: (n: number) => string;
  feedTitle: string;
  live: string;
  emptyTitle: string;
  emptyBody: string;
  /** The comment as a quote. */
  quote: (text: string) => string;
  /** The card's text when the customer left no comment. */
  scoreFor: (score: number, where: string | null) => string;
  thanks: (name: string) => string;
  scoreLabel: (score: number) => string;
  justNow: string;
  minutesAgo: (n: number) => string;
  hoursAgo: (n: number) => string;
  yesterday: string;
  daysAgo: (n: number) => string;
  reconnecting: string;
  revokedTitle: string;
  revokedBody: string;
};

const da: Strings = {
  locale: "da-DK",
  defaultTitle: "Glade kunder",
  promotersToday: "Glade kunder i\u00a0dag",
  promotersTodayHint: "svarede 9 eller 10",
  thisWeek: "Denne uge",
  thisWeekHint: "siden mandag",
  nps: "NPS",
  npsPeriod: "sidste 30 dage",
  answers: (n) => `${n.toLocaleString("da-DK")} svar`,
  noAnswers: "Ingen svar endnu",
  weeks: (from, to) => `uge ${from}–${to}`,
  goalOf: (progress, goal) => `${progress} af ${goal}`,
  goalLabel: "Mål for ugen",
  goalReached: "Målet er nået!",
  goalLeft: (n) => `${n} mere til målet`,
  feedTitle: "Lige nu",
  live: "Live",
  emptyTitle: "Her kommer de glade kunder",
  emptyBody: "Hver gang nogen giver os 9 eller 10, dukker de op her.",
  quote: (text) => `»${text}«`,
  scoreFor: (score, where) => (where ? `Et ${score}-tal til ${where}` : `Et ${score}-tal!`),
  thanks: (name) => `Tak, ${name}!`,
  scoreLabel: (score) => `Score ${score} af 10`,
  justNow: "lige nu",
  minutesAgo: (n) => `for ${n} min siden`,
  hoursAgo: (n) => `for ${n} ${n === 1 ? "time" : "timer"} siden`,
  yesterday: "i går",
  daysAgo: (n) => `for ${n} dage siden`,
  reconnecting: "Genopretter forbindelsen…",
  revokedTitle: "Denne skærm er ikke længere aktiv",
  revokedBody: "Linket er lukket. Bed en administrator om et nyt link til skærmen.",
};

const en: Strings = {
  locale: "en-GB",
  defaultTitle: "Happy customers",
  promotersToday: "Happy customers today",
  promotersTodayHint: "answered 9 or 10",
  thisWeek: "This week",
  thisWeekHint: "since Monday",
  nps: "NPS",
  npsPeriod: "last 30 days",
  answers: (n) => `${n.toLocaleString("en-GB")} ${n === 1 ? "answer" : "answers"}`,
  noAnswers: "No answers yet",
  weeks: (from, to) => `weeks ${from}–${to}`,
  goalOf: (progress, goal) => `${progress} of ${goal}`,
  goalLabel: "Goal for the week",
  goalReached: "Goal reached!",
  goalLeft: (n) => `${n} to go`,
  feedTitle: "Right now",
  live: "Live",
  emptyTitle: "Happy customers will appear here",
  emptyBody: "Every time someone gives us a 9 or a 10, they show up here.",
  quote: (text) => `“${text}”`,
  scoreFor: (score, where) => (where ? `A ${score} for ${where}` : `A ${score}!`),
  thanks: (name) => `Thank you, ${name}!`,
  scoreLabel: (score) => `Score ${score} of 10`,
  justNow: "just now",
  minutesAgo: (n) => `${n} min ago`,
  hoursAgo: (n) => `${n} ${n === 1 ? "hour" : "hours"} ago`,
  yesterday: "yesterday",
  daysAgo: (n) => `${n} days ago`,
  reconnecting: "Reconnecting…",
  revokedTitle: "This screen is no longer active",
  revokedBody: "The link has been closed. Ask an administrator for a new link for this screen.",
};

export const strings: Record<Lang, Strings> = { da, en };

/** Shown before the wall's language is known (a bad link), so in both languages. */
export const unknownLink = {
  da: "Ukendt eller tilbagekaldt skærm-link",
  en: "Unknown or revoked screen link",
  daBody: "Tjek adressen, eller bed en administrator om et nyt link.",
  enBody: "Check the address, or ask an administrator for a new link.",
};

export const unavailable = {
  da: "Kan ikke hente skærmen lige nu – prøver igen …",
  en: "Cannot load the screen right now – trying again …",
};
