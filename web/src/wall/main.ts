// The happy-customer wall for the office TV (served at /w/{token}). Vanilla TypeScript, no
// framework: it loads the wall's config and state, then listens to the server-sent event
// stream and celebrates each new promoter. It needs no login and no interaction, and it
// keeps itself right on its own: after a dropped connection it re-reads the state, and it
// re-reads it at midnight and every few minutes so a TV left on for weeks stays correct.
import "./wall.css";
import {
  loadConfig,
  loadState,
  parseEvent,
  parseStats,
  type Stats,
  tokenFromPath,
  type WallConfig,
  type WallEvent,
  wallUrl,
} from "./api";
import { celebrate } from "./celebrate";
import { byId, setText } from "./dom";
import { Feed } from "./feed";
import { clock } from "./format";
import { isLang, type Strings, strings, unavailable, unknownLink } from "./strings";
import { renderStats, renderTrend, setLabels } from "./tiles";

/** Re-read the state this often even when nothing seems wrong. */
const refreshMs = 10 * 60_000;
/** After a state load, replayed events must not be counted twice. */
const settleMs = 500;
const maxRetryMs = 60_000;

const token = tokenFromPath(location.pathname);
const root = document.documentElement;
const screen = byId("screen");
const status = byId("status");

let s: Strings = strings.da;
let stats: Stats = { promotersToday: 0, promotersThisWeek: 0, goal: null, nps: null };
let feed: Feed;
let source: EventSource | null = null;
let stopped = false;
let hadError = false;
let retryMs = 2_000;
let syncing = false;
let syncAgain = false;
let settledAt = 0;
let day = new Date().toDateString();
const hiddenIds = new Set<string>();
const seenIds = new Set<string>();
const timers: number[] = [];

const confettiColours = {
  dark: ["#ffc857", "#ffe3a0", "#ff9f6e", "#7fd8c8", "#ffffff"],
  light: ["#f4b63f", "#ffd98a", "#f28b5b", "#2f9e92", "#fff6dd"],
};

function wait(ms: number): Promise<void> {
  return new Promise((done) => window.setTimeout(done, ms));
}

function backoff(current: number): number {
  return Math.min(maxRetryMs, current * 2) * (0.85 + Math.random() * 0.3);
}

// ---------------------------------------------------------------- full-screen messages

function showMessage(
  kind: "revoked" | "unknown" | "waiting",
  title: string,
  body: string,
  alt?: { title: string; body: string },
): void {
  const message = byId("message");
  message.dataset.kind = kind;
  setText(byId("message-title"), title);
  setText(byId("message-body"), body);
  const altBox = byId("message-alt");
  altBox.hidden = !alt;
  if (alt) {
    setText(byId("message-alt-title"), alt.title);
    setText(byId("message-alt-body"), alt.body);
  }
  message.hidden = false;
  screen.hidden = true;
}

function showUnknown(): void {
  stop();
  document.title = unknownLink.da;
  showMessage("unknown", unknownLink.da, unknownLink.daBody, {
    title: unknownLink.en,
    body: unknownLink.enBody,
  });
}

function showRevoked(): void {
  stop();
  document.title = s.revokedTitle;
  showMessage("revoked", s.revokedTitle, s.revokedBody);
}

function stop(): void {
  stopped = true;
  source?.close();
  source = null;
  for (const id of timers.splice(0)) window.clearInterval(id);
}

// ---------------------------------------------------------------- config and state

function applyConfig(config: WallConfig): void {
  const lang = isLang(config.language) ? config.language : "da";
  s = strings[lang];
  root.lang = lang;
  root.dataset.theme = config.theme;
  const title = config.name ?? s.defaultTitle;
  const scope = [config.touchpoint, config.team].filter(
    (part, i, all): part is string => Boolean(part) && all.indexOf(part) === i && part !== title,
  );
  setText(byId("title"), title);
  setText(byId("subtitle"), [config.organisationName, ...scope].filter(Boolean).join(" · "));
  document.title = config.organisationName ? `${title} – ${config.organisationName}` : title;
  setLabels(s);
}

function render(): void {
  renderStats(stats, s);
  feed.fit(); // the goal tile may have appeared or gone
}

/** Reads /state and makes the screen match it; live items newer than the state stay. */
async function resync(): Promise<void> {
  if (stopped || !token) return;
  if (syncing) {
    syncAgain = true; // the load in flight may predate what we now know
    return;
  }
  syncing = true;
  try {
    const result = await loadState(token);
    if (stopped) return;
    if (!result.ok) {
      if (result.reason === "notFound") showRevoked();
      else timers.push(window.setTimeout(() => void resync(), 15_000));
      return;
    }
    const state = result.value;
    stats = state;
    renderTrend(state.trend, s);
    const recent = state.recent.filter((e) => !hiddenIds.has(e.id));
    const newest = Math.max(0, ...recent.map((e) => e.at));
    const known = new Set(recent.map((e) => e.id));
    const live = feed.events().filter((e) => !known.has(e.id) && e.at > newest);
    for (const e of recent) remember(e.id);
    feed.replace([...live, ...recent].sort((a, b) => b.at - a.at));
    render();
  } finally {
    syncing = false;
    settledAt = Date.now() + settleMs;
    if (syncAgain) {
      syncAgain = false;
      void resync();
    }
  }
}

function remember(id: string): void {
  seenIds.add(id);
  if (seenIds.size > 2_000) {
    const oldest = seenIds.values().next().value;
    if (oldest !== undefined) seenIds.delete(oldest);
  }
}

// ---------------------------------------------------------------- the live stream

function data(event: Event): unknown {
  try {
    return JSON.parse((event as MessageEvent<string>).data);
  } catch {
    return null;
  }
}

function onResponse(item: WallEvent): void {
  if (hiddenIds.has(item.id) || seenIds.has(item.id) || feed.has(item.id)) return;
  remember(item.id);
  feed.add(item);
  // While a state load is in flight or just landed, replayed events are already counted
  // in it; the `stats` event that follows every answer puts the numbers right either way.
  if (!syncing && Date.now() > settledAt) {
    stats = {
      ...stats,
      promotersToday: stats.promotersToday + 1,
      promotersThisWeek: stats.promotersThisWeek + 1,
      goal: stats.goal && { ...stats.goal, progress: stats.goal.progress + 1 },
    };
    render();
  }
  celebrate(confettiColours[root.dataset.theme === "light" ? "light" : "dark"]);
}

function setReconnecting(on: boolean): void {
  status.hidden = !on;
  setText(status, on ? s.reconnecting : "");
  byId("live").classList.toggle("paused", on);
}

function connect(): void {
  if (stopped || !token) return;
  const es = new EventSource(wallUrl(token, "/stream"));
  source = es;
  es.addEventListener("open", () => {
    retryMs = 2_000;
    setReconnecting(false);
    if (hadError) {
      hadError = false;
      void resync(); // totals and feed may be hours behind
    }
  });
  es.addEventListener("error", () => {
    if (stopped || source !== es) return;
    hadError = true;
    setReconnecting(true);
    // The browser retries by itself (sending Last-Event-ID) unless the server answered
    // with an error status; then it gives up, and we start over after a pause.
    if (es.readyState === EventSource.CLOSED) {
      es.close();
      source = null;
      const delay = retryMs;
      retryMs = backoff(retryMs);
      window.setTimeout(() => void reconnect(), delay);
    }
  });
  es.addEventListener("response", (event) => {
    const item = parseEvent(data(event));
    if (item) onResponse(item);
  });
  es.addEventListener("stats", (event) => {
    const next = data(event);
    if (!next || typeof next !== "object") return;
    const parsed = parseStats(next);
    // A field the event leaves out keeps its value; `goal: null` means the wall has none.
    stats = {
      ...parsed,
      goal: "goal" in next ? parsed.goal : stats.goal,
      nps: parsed.nps ?? stats.nps,
    };
    render();
  });
  es.addEventListener("hide", (event) => {
    const body = data(event) as { id?: unknown } | null;
    const id =
      body && (typeof body.id === "string" || typeof body.id === "number") ? String(body.id) : null;
    if (!id) return;
    hiddenIds.add(id);
    feed.remove(id);
  });
  es.addEventListener("revoked", () => showRevoked());
}

async function reconnect(): Promise<void> {
  if (stopped || !token) return;
  const config = await loadConfig(token);
  if (stopped) return;
  if (!config.ok && config.reason === "notFound") {
    showRevoked();
    return;
  }
  connect();
}

// ---------------------------------------------------------------- clock and timers

function tick(): void {
  const now = new Date();
  const { time, date } = clock(now, s.locale);
  const timeEl = byId<HTMLTimeElement>("clock-time");
  setText(timeEl, time);
  setText(byId("clock-date"), date);
  if (now.toDateString() !== day) {
    day = now.toDateString(); // a new day (and perhaps week): the server's totals reset
    void resync();
  }
}

/** Asks the TV (or the PC behind it) not to dim or sleep while the wall is showing. */
function keepAwake(): void {
  const wakeLock = (
    navigator as Navigator & { wakeLock?: { request(type: "screen"): Promise<unknown> } }
  ).wakeLock;
  if (!wakeLock || stopped || document.visibilityState !== "visible") return;
  wakeLock.request("screen").catch(() => {}); // not allowed here: the screen's own settings rule
}

function startTimers(): void {
  keepAwake();
  document.addEventListener("visibilitychange", keepAwake); // the lock ends when hidden
  tick();
  timers.push(window.setInterval(tick, 1_000));
  timers.push(window.setInterval(() => feed.refreshTimes(), 30_000));
  timers.push(window.setInterval(() => void resync(), refreshMs));
  document.fonts?.ready.then(() => feed.fit());
}

// ---------------------------------------------------------------- start

async function start(): Promise<void> {
  if (!token) {
    showUnknown();
    return;
  }
  let delay = 2_000;
  for (;;) {
    const result = await loadConfig(token);
    if (result.ok) {
      applyConfig(result.value);
      break;
    }
    if (result.reason === "notFound") {
      showUnknown();
      return;
    }
    // The TV may boot before the network is up: wait calmly and try again.
    showMessage("waiting", unavailable.da, "", { title: unavailable.en, body: "" });
    await wait(delay);
    delay = backoff(delay);
  }
  byId("message").hidden = true;
  feed = new Feed(byId<HTMLOListElement>("cards"), byId("empty"), s);
  screen.hidden = false;
  render();
  startTimers();
  connect();
  await resync();
}

void start();
