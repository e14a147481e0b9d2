// The respondent's survey page: vanilla TypeScript, no framework, so it loads fast on any
// phone or reception tablet. All state lives in `state`; `render()` redraws the card, so a
// language switch redraws every text without a reload and without losing the answer.
// Nothing is written to localStorage, sessionStorage or cookies (kiosks are shared devices).
import "./survey.css";
import { loadSurvey, type PublicSurvey, type SubmitResult, submitResponse } from "./api";
import { buildResponseBody, type Draft, readOptions } from "./options";
import { isLang, type Lang, type Strings, strings } from "./strings";

const maxCommentLength = 2000;
const kioskResetSeconds = 5;
/** A kiosk answer left half-way is wiped after this long without a touch or key. */
const kioskIdleMs = 120_000;

type MessageKey = {
  [K in keyof Strings]: Strings[K] extends string ? K : never;
}[keyof Strings];

/** A message is a string key (re-translated on a language switch) or the server's own text. */
type Message = { key: MessageKey } | { text: string };

type View =
  | { kind: "loading" }
  | { kind: "notFound" }
  | { kind: "unavailable" }
  | { kind: "form"; scoreError: boolean; error: Message | null; isSending: boolean }
  | { kind: "thanks"; score: number; endsAt: number };

const options = readOptions(location.pathname, location.search);

const state: {
  lang: Lang;
  hasChosenLang: boolean;
  survey: PublicSurvey | null;
  view: View;
  draft: Draft;
  hasAnswered: boolean;
} = {
  lang: options.lang ?? "da",
  hasChosenLang: Boolean(options.lang),
  survey: null,
  view: { kind: "loading" },
  draft: emptyDraft(),
  hasAnswered: false,
};

function emptyDraft(): Draft {
  return { score: null, comment: "", consentToDisplay: false, name: "" };
}

const root = document.documentElement;
const main = document.getElementById("main") as HTMLElement;
const org = document.getElementById("org") as HTMLElement;
const langButtons = Array.from(document.querySelectorAll<HTMLButtonElement>("[data-lang]"));

// ---------------------------------------------------------------- tiny DOM helper

type Child = Node | string | false | null | undefined;
type Attrs = Record<
  string,
  string | number | boolean | null | undefined | ((event: Event) => void)
>;

function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs?: Attrs | null,
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs ?? {})) {
    if (typeof value === "function") el.addEventListener(name.slice(2), value);
    else if (value === true) el.setAttribute(name, "");
    else if (value !== false && value !== null && value !== undefined)
      el.setAttribute(name, String(value));
  }
  for (const child of children) if (child) el.append(child);
  return el;
}

function icon(paths: string, size = 20): SVGSVGElement {
  const svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
  svg.setAttribute("viewBox", "0 0 24 24");
  svg.setAttribute("width", String(size));
  svg.setAttribute("height", String(size));
  svg.setAttribute("aria-hidden", "true");
  svg.setAttribute("focusable", "false");
  svg.innerHTML = paths;
  return svg;
}

const stroke =
  'fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"';
const heartIcon = `<path ${stroke} d="M12 20s-7-4.35-7-10a4 4 0 0 1 7-2.65A4 4 0 0 1 19 10c0 5.65-7 10-7 10z"/>`;
const infoIcon = `<circle ${stroke} cx="12" cy="12" r="9"/><path ${stroke} d="M12 11v5M12 8h.01"/>`;
const searchIcon = `<circle ${stroke} cx="11" cy="11" r="6"/><path ${stroke} d="m20 20-4.5-4.5"/>`;
const cloudIcon = `<path ${stroke} d="M7 18h10a4 4 0 0 0 .5-7.97A6 6 0 0 0 6 11a3.5 3.5 0 0 0 1 7z"/><path ${stroke} d="m4 4 16 16"/>`;

// ---------------------------------------------------------------- rendering

function t(): Strings {
  return strings[state.lang];
}

function say(message: Message | null): string {
  if (!message) return "";
  return "key" in message ? t()[message.key] : message.text;
}

function question(kind: "score" | "why"): string {
  const own = state.survey?.questions?.[state.lang]?.[kind]?.trim();
  if (own) return own;
  return kind === "score" ? t().defaultScoreQuestion : t().defaultWhyQuestion;
}

let lastRenderedKind: View["kind"] | null = null;

/** Redraws the page; `focus` moves focus to the new view's heading (for screen readers). */
function render(focus = false): void {
  const s = t();
  root.lang = state.lang;
  root.classList.toggle("kiosk", options.isKiosk);
  const orgName = state.survey?.organisationName?.trim() ?? "";
  document.title = orgName ? `${s.pageTitle} – ${orgName}` : s.pageTitle;
  for (const button of langButtons) {
    button.setAttribute("aria-pressed", String(button.dataset.lang === state.lang));
  }
  org.hidden = !orgName;
  org.replaceChildren(
    ...(orgName
      ? [
          h("span", { class: "mark", "aria-hidden": "true" }, orgName.charAt(0).toUpperCase()),
          h("span", null, orgName),
        ]
      : []),
  );

  const view = state.view;
  let content: Node;
  if (view.kind === "loading") content = h("p", { class: "loading", role: "status" }, s.loading);
  else if (view.kind === "notFound")
    content = renderProblem(searchIcon, s.notFoundTitle, s.notFoundBody);
  else if (view.kind === "unavailable") {
    content = renderProblem(
      cloudIcon,
      s.loadErrorTitle,
      s.loadErrorBody,
      h("button", { type: "button", class: "primary", onclick: () => void start() }, s.retry),
    );
  } else if (view.kind === "form") content = renderForm(view);
  else content = renderThanks(view);
  // Animate only a change of step, not a language switch that redraws the same step.
  if (view.kind !== lastRenderedKind && content instanceof HTMLElement)
    content.classList.add("enter");
  lastRenderedKind = view.kind;
  main.replaceChildren(content);

  if (focus) {
    main.querySelector<HTMLElement>("[data-focus]")?.focus({ preventScroll: true });
    window.scrollTo(0, 0);
  }
}

function renderProblem(paths: string, title: string, body: string, action?: Node): Node {
  return h(
    "section",
    { class: "status" },
    h("div", { class: "badge" }, icon(paths, 36)),
    h("h1", { tabindex: -1, "data-focus": true }, title),
    h("p", null, body),
    action,
  );
}

function renderForm(view: Extract<View, { kind: "form" }>): Node {
  const s = t();
  const survey = state.survey as PublicSurvey;
  const draft = state.draft;
  const isEdit = state.hasAnswered && Boolean(options.invitation);
  const hasName = survey.askName && !options.isKiosk;
  const autocomplete = options.isKiosk ? "off" : undefined;

  const options0to10 = Array.from({ length: 11 }, (_, score) =>
    h(
      "div",
      { class: "opt" },
      h("input", {
        type: "radio",
        name: "score",
        id: `score-${score}`,
        value: score,
        required: true,
        checked: draft.score === score,
        onchange: () => {
          state.draft.score = score;
          if (state.view.kind === "form" && state.view.scoreError) {
            state.view.scoreError = false;
            setText("score-error", "");
          }
        },
      }),
      h("label", { for: `score-${score}` }, String(score)),
    ),
  );

  const comment = h("textarea", {
    id: "comment",
    name: "comment",
    rows: 4,
    maxlength: maxCommentLength,
    autocomplete,
    "aria-describedby": "comment-count",
    oninput: (event) => {
      state.draft.comment = (event.target as HTMLTextAreaElement).value;
      updateCount(true);
    },
  });
  comment.value = draft.comment;

  const form = h(
    "form",
    {
      novalidate: true,
      onsubmit: (event) => void onSubmit(event),
      "aria-busy": view.isSending ? "true" : null,
    },
    h(
      "div",
      null,
      isEdit && h("p", { class: "notice" }, icon(infoIcon), h("span", null, s.alreadyAnswered)),
      h("p", { class: "intro" }, s.intro),
      h(
        "fieldset",
        { "aria-describedby": "scale-ends score-error" },
        h(
          "legend",
          null,
          h("h1", { id: "score-question", tabindex: -1, "data-focus": true }, question("score")),
        ),
        h("div", { class: "scale-wrap" }, h("div", { class: "scale" }, ...options0to10)),
        h(
          "p",
          { class: "ends", id: "scale-ends" },
          h("span", null, s.scaleLow),
          h("span", null, s.scaleHigh),
        ),
        h(
          "p",
          { class: "field-error", id: "score-error", role: "alert" },
          view.scoreError ? s.errorScoreMissing : "",
        ),
      ),
    ),
    h(
      "div",
      { class: "field q-why" },
      h(
        "label",
        { for: "comment" },
        question("why"),
        " ",
        h("span", { class: "optional" }, s.optional),
      ),
      comment,
      h(
        "p",
        { class: "count", id: "comment-count" },
        s.charsLeft(maxCommentLength - draft.comment.length),
      ),
      h("p", { class: "sr-only", id: "comment-count-live", "aria-live": "polite" }),
    ),
    survey.askConsent &&
      h(
        "div",
        { class: "check" },
        h("input", {
          type: "checkbox",
          id: "consent",
          name: "consent",
          checked: draft.consentToDisplay,
          "aria-describedby": "consent-hint",
          onchange: (event) => {
            state.draft.consentToDisplay = (event.target as HTMLInputElement).checked;
          },
        }),
        h("label", { for: "consent" }, s.consent),
        h("p", { class: "hint", id: "consent-hint" }, s.consentHint),
      ),
    hasName &&
      h(
        "div",
        { class: "field" },
        h("label", { for: "name" }, s.name, " ", h("span", { class: "optional" }, s.optional)),
        h("input", {
          type: "text",
          id: "name",
          name: "name",
          maxlength: 120,
          autocomplete: "name",
          value: draft.name,
          oninput: (event) => {
            state.draft.name = (event.target as HTMLInputElement).value;
          },
        }),
      ),
    h(
      "div",
      { class: "actions" },
      h("p", { class: "form-error", id: "form-error", role: "alert" }, say(view.error)),
      h(
        "button",
        {
          type: "submit",
          class: "primary",
          id: "submit",
          "aria-disabled": view.isSending ? "true" : null,
        },
        view.isSending ? s.sending : isEdit ? s.submitEdit : s.submit,
      ),
    ),
  );
  return form;
}

function renderThanks(view: Extract<View, { kind: "thanks" }>): Node {
  const s = t();
  const message =
    view.score >= 9 ? s.thanksPromoter : view.score >= 7 ? s.thanksPassive : s.thanksDetractor;
  const section = h(
    "section",
    { class: "status thanks" },
    h("div", { class: "badge" }, icon(heartIcon, 36)),
    h("h1", { tabindex: -1, "data-focus": true }, s.thanksTitle),
    h("p", null, message),
  );
  if (options.isKiosk) {
    const bar = h("span");
    const elapsed = kioskResetSeconds * 1000 - (view.endsAt - Date.now());
    bar.style.setProperty("--countdown", `${kioskResetSeconds}s`);
    bar.style.animationDelay = `${-Math.max(0, elapsed)}ms`;
    section.append(
      h("p", { class: "countdown", id: "countdown" }, s.nextIn(secondsLeft(view))),
      h("div", { class: "progress", "aria-hidden": "true" }, bar),
      h("button", { type: "button", class: "primary", onclick: resetKiosk }, s.newAnswer),
    );
  } else {
    section.append(h("p", { class: "aside" }, s.closePage));
  }
  if (!options.isKiosk && options.invitation) {
    section.append(
      h(
        "button",
        {
          type: "button",
          class: "secondary",
          onclick: () => {
            state.view = { kind: "form", scoreError: false, error: null, isSending: false };
            render(true);
          },
        },
        s.editAnswer,
      ),
    );
  }
  return section;
}

function setText(id: string, text: string): void {
  const el = document.getElementById(id);
  if (el) el.textContent = text;
}

/** Re-set a live region so that the same message is announced again on a second attempt. */
function announce(id: string, text: string): void {
  setText(id, "");
  window.setTimeout(() => setText(id, text), 60);
}

let countAnnounceTimer = 0;

function updateCount(fromTyping: boolean): void {
  const left = maxCommentLength - state.draft.comment.length;
  setText("comment-count", t().charsLeft(left));
  // The visible count updates on every key; screen readers hear it only near the limit,
  // and only once typing pauses.
  window.clearTimeout(countAnnounceTimer);
  if (fromTyping && left <= 200) {
    countAnnounceTimer = window.setTimeout(
      () => setText("comment-count-live", t().charsLeft(left)),
      900,
    );
  }
}

// ---------------------------------------------------------------- behaviour

async function onSubmit(event: Event): Promise<void> {
  event.preventDefault();
  const view = state.view;
  const survey = state.survey;
  if (view.kind !== "form" || view.isSending || !survey || !options.surveyId) return;
  const score = state.draft.score;
  if (score === null) {
    view.scoreError = true;
    view.error = null;
    setText("form-error", "");
    announce("score-error", t().errorScoreMissing);
    document.getElementById("score-0")?.focus();
    return;
  }
  view.isSending = true;
  view.error = null;
  setSending(true);
  setText("form-error", "");
  const body = buildResponseBody(options, { ...state.draft, score }, survey, state.lang);
  const result = await submitResponse(options.surveyId, body);
  if (result.ok) {
    if (options.invitation) state.hasAnswered = true;
    showThanks(score);
    return;
  }
  // The language may have been switched while sending; work on the current view.
  if (state.view.kind !== "form") return;
  state.view.isSending = false;
  state.view.error = submitError(result);
  setSending(false);
  announce("form-error", say(state.view.error));
}

function submitError(result: Exclude<SubmitResult, { ok: true }>): Message {
  switch (result.reason) {
    case "invalid":
      // The server's messages are for developers; respondents get them in their language.
      if (result.field === "score") return { key: "errorScoreMissing" };
      if (result.field === "comment") return { key: "errorCommentTooLong" };
      if (result.field === "name") return { key: "errorNameTooLong" };
      if (result.field === "invitation") return { key: "errorInvitation" };
      return result.message ? { text: result.message } : { key: "errorGeneric" };
    case "tooMany":
      return { key: "errorTooMany" };
    case "closed":
      return { key: "errorClosed" };
    case "offline":
      return { key: "errorOffline" };
    default:
      return { key: "errorGeneric" };
  }
}

function setSending(isSending: boolean): void {
  const button = document.getElementById("submit");
  const form = button?.closest("form");
  if (!button || !form) return;
  const isEdit = state.hasAnswered && Boolean(options.invitation);
  if (isSending) {
    button.setAttribute("aria-disabled", "true");
    form.setAttribute("aria-busy", "true");
  } else {
    button.removeAttribute("aria-disabled");
    form.removeAttribute("aria-busy");
  }
  button.textContent = isSending ? t().sending : isEdit ? t().submitEdit : t().submit;
}

let countdownTimer = 0;

function secondsLeft(view: Extract<View, { kind: "thanks" }>): number {
  return Math.max(0, Math.ceil((view.endsAt - Date.now()) / 1000));
}

function showThanks(score: number): void {
  state.view = { kind: "thanks", score, endsAt: Date.now() + kioskResetSeconds * 1000 };
  render(true);
  if (!options.isKiosk) return;
  // The answer is sent; wipe it from memory now rather than when the countdown ends.
  state.draft = emptyDraft();
  window.clearInterval(countdownTimer);
  countdownTimer = window.setInterval(() => {
    if (state.view.kind !== "thanks") return;
    const left = secondsLeft(state.view);
    if (left <= 0) resetKiosk();
    else setText("countdown", t().nextIn(left));
  }, 250);
}

/** Back to a blank form for the next person at the desk, in the kiosk's own language. */
function resetKiosk(): void {
  window.clearInterval(countdownTimer);
  window.clearTimeout(idleTimer);
  state.draft = emptyDraft();
  state.lang = options.lang ?? state.survey?.language ?? "da";
  state.view = { kind: "form", scoreError: false, error: null, isSending: false };
  render(true);
}

let idleTimer = 0;

function isDirty(): boolean {
  const d = state.draft;
  return d.score !== null || d.comment !== "" || d.consentToDisplay || d.name !== "";
}

function watchKioskIdle(): void {
  const restart = () => {
    window.clearTimeout(idleTimer);
    idleTimer = window.setTimeout(() => {
      if (state.view.kind === "form" && !state.view.isSending && isDirty()) resetKiosk();
    }, kioskIdleMs);
  };
  for (const type of ["pointerdown", "keydown", "input"]) {
    document.addEventListener(type, restart, { passive: true, capture: true });
  }
}

function switchLanguage(lang: Lang): void {
  if (lang === state.lang) return;
  state.lang = lang;
  state.hasChosenLang = true;
  render(false);
}

async function start(): Promise<void> {
  state.view = { kind: "loading" };
  render(false);
  if (!options.surveyId) {
    state.view = { kind: "notFound" };
    render(true);
    return;
  }
  const result = await loadSurvey(options.surveyId, options.invitation);
  if (!result.ok) {
    state.view = { kind: result.reason };
    render(true);
    return;
  }
  const survey = result.survey;
  state.survey = survey;
  if (!state.hasChosenLang && isLang(survey.language)) state.lang = survey.language;
  const previous = survey.previous;
  if (previous && options.invitation) {
    state.hasAnswered = true;
    state.draft = {
      score: typeof previous.score === "number" ? previous.score : null,
      comment: previous.comment ?? "",
      consentToDisplay: Boolean(previous.consentToDisplay),
      name: previous.name ?? "",
    };
  }
  state.view = { kind: "form", scoreError: false, error: null, isSending: false };
  // No focus move on first load: on a kiosk a focused field would pop up the keyboard.
  render(false);
}

for (const button of langButtons) {
  button.addEventListener("click", () => {
    const lang = button.dataset.lang;
    if (isLang(lang)) switchLanguage(lang);
  });
}
if (options.isKiosk) watchKioskIdle();
void start();
