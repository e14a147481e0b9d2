import { isLang, type Lang } from "./strings";

/** Where a response came from; the server accepts exactly these. */
export type Channel = "link" | "qr" | "kiosk" | "email" | "widget";

const channels: readonly Channel[] = ["link", "qr", "kiosk", "email", "widget"];

/** What the page URL says: `/s/{surveyId}?team=&touchpoint=&employee=&channel=&i=&lang=&kiosk=1`. */
export type PageOptions = {
  surveyId: string | null;
  team?: string;
  touchpoint?: string;
  employee?: string;
  channel: Channel;
  invitation?: string;
  lang?: Lang;
  isKiosk: boolean;
};

/** The respondent's answer while they are writing it. */
export type Draft = {
  score: number | null;
  comment: string;
  consentToDisplay: boolean;
  name: string;
};

export type ResponseBody = {
  score: number;
  comment?: string;
  consentToDisplay?: boolean;
  name?: string;
  team?: string;
  touchpoint?: string;
  employee?: string;
  channel: Channel;
  invitation?: string;
  language: Lang;
};

function nonEmpty(value: string | null | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

export function readOptions(pathname: string, search: string): PageOptions {
  const query = new URLSearchParams(search);
  // `?survey=` lets the page run under Vite's dev server at /survey.html.
  const match = /\/s\/([^/]+)\/?$/.exec(pathname);
  let surveyId = nonEmpty(query.get("survey")) ?? null;
  if (match?.[1]) {
    try {
      surveyId = decodeURIComponent(match[1]);
    } catch {
      surveyId = null;
    }
  }
  const isKiosk = query.get("kiosk") === "1" || query.get("kiosk") === "true";
  const invitation = nonEmpty(query.get("i"));
  const asked = query.get("channel");
  const channel: Channel = channels.includes(asked as Channel)
    ? (asked as Channel)
    : isKiosk
      ? "kiosk"
      : invitation
        ? "email"
        : "link";
  const lang = query.get("lang");
  return {
    surveyId,
    team: nonEmpty(query.get("team")),
    touchpoint: nonEmpty(query.get("touchpoint")),
    employee: nonEmpty(query.get("employee")),
    channel,
    invitation,
    lang: isLang(lang) ? lang : undefined,
    isKiosk,
  };
}

/**
 * The POST body: empty optional fields are left out. `consentToDisplay` is sent whenever
 * the survey asks for it, so that withdrawing consent in an invitation edit is explicit.
 */
export function buildResponseBody(
  options: PageOptions,
  draft: Draft & { score: number },
  survey: { askConsent: boolean; askName: boolean },
  language: Lang,
): ResponseBody {
  const body: ResponseBody = { score: draft.score, channel: options.channel, language };
  const comment = nonEmpty(draft.comment);
  if (comment) body.comment = comment;
  if (survey.askConsent) body.consentToDisplay = draft.consentToDisplay;
  const name = survey.askName && !options.isKiosk ? nonEmpty(draft.name) : undefined;
  if (name) body.name = name;
  if (options.team) body.team = options.team;
  if (options.touchpoint) body.touchpoint = options.touchpoint;
  if (options.employee) body.employee = options.employee;
  if (options.invitation) body.invitation = options.invitation;
  return body;
}
