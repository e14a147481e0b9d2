// The three public wall endpoints (docs/api.md, "Happy-customer wall"). Everything from the
// network is checked here, so the rest of the page can trust its types.

export type WallConfig = {
  name: string | null;
  organisationName: string | null;
  team: string | null;
  touchpoint: string | null;
  theme: "dark" | "light";
  language: string | null;
  goalPerWeek: number | null;
};

export type Nps = {
  n: number;
  nps: number | null;
  marginOfError95: number | null;
};

export type Goal = { perWeek: number; progress: number };

export type WallEvent = {
  id: string;
  score: number;
  comment: string | null;
  employee: string | null;
  touchpoint: string | null;
  team: string | null;
  /** Epoch milliseconds. */
  at: number;
};

export type Stats = {
  promotersToday: number;
  promotersThisWeek: number;
  goal: Goal | null;
  nps: Nps | null;
};

export type TrendPoint = { week: string; nps: number | null; n: number };

export type WallState = Stats & { trend: TrendPoint[]; recent: WallEvent[] };

export type Loaded<T> = { ok: true; value: T } | { ok: false; reason: "notFound" | "unavailable" };

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null;

function text(v: unknown): string | null {
  return typeof v === "string" && v.trim() ? v.trim() : null;
}

function num(v: unknown): number | null {
  return typeof v === "number" && Number.isFinite(v) ? v : null;
}

export function wallUrl(token: string, suffix = ""): string {
  return `/api/walls/${encodeURIComponent(token)}${suffix}`;
}

/** The token is the first path segment after /w/ (the page is served at `/w/{token}`). */
export function tokenFromPath(pathname: string): string | null {
  const match = /^\/w\/([^/]+)/.exec(pathname);
  if (!match?.[1]) return null;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return null;
  }
}

async function getJson(url: string): Promise<Loaded<unknown>> {
  try {
    const response = await fetch(url, {
      headers: { accept: "application/json" },
      cache: "no-store",
    });
    if (response.status === 404 || response.status === 410)
      return { ok: false, reason: "notFound" };
    if (!response.ok) return { ok: false, reason: "unavailable" };
    return { ok: true, value: await response.json() };
  } catch {
    return { ok: false, reason: "unavailable" };
  }
}

export function parseConfig(v: unknown): WallConfig {
  const o = isObject(v) ? v : {};
  const goal = num(o.goalPerWeek);
  return {
    name: text(o.name),
    organisationName: text(o.organisationName),
    team: text(o.team),
    touchpoint: text(o.touchpoint),
    theme: o.theme === "light" ? "light" : "dark",
    language: text(o.language),
    goalPerWeek: goal !== null && goal > 0 ? goal : null,
  };
}

function parseNps(v: unknown): Nps | null {
  if (!isObject(v)) return null;
  return { n: num(v.n) ?? 0, nps: num(v.nps), marginOfError95: num(v.marginOfError95) };
}

function parseGoal(v: unknown): Goal | null {
  if (!isObject(v)) return null;
  const perWeek = num(v.perWeek);
  let progress = num(v.progress) ?? 0;
  if (perWeek === null || perWeek <= 0) return null;
  // `progress` is the count of promoters towards the goal; a fraction (0 < p < 1) is read
  // as a share of the goal, in case the server sends it that way.
  if (progress > 0 && progress < 1) progress = Math.round(progress * perWeek);
  return { perWeek: Math.round(perWeek), progress: Math.max(0, Math.round(progress)) };
}

export function parseStats(v: unknown): Stats {
  const o = isObject(v) ? v : {};
  const nps = isObject(o.nps) ? parseNps(o.nps.current) : null;
  return {
    promotersToday: Math.max(0, num(o.promotersToday) ?? 0),
    promotersThisWeek: Math.max(0, num(o.promotersThisWeek) ?? 0),
    goal: parseGoal(o.goal),
    nps,
  };
}

export function parseEvent(v: unknown): WallEvent | null {
  if (!isObject(v)) return null;
  const id = typeof v.id === "number" ? String(v.id) : text(v.id);
  const score = num(v.score);
  if (!id || score === null) return null;
  const at = typeof v.at === "string" || typeof v.at === "number" ? new Date(v.at).getTime() : NaN;
  return {
    id,
    score: Math.round(score),
    comment: text(v.comment),
    employee: text(v.employee),
    touchpoint: text(v.touchpoint),
    team: text(v.team),
    at: Number.isFinite(at) ? at : Date.now(),
  };
}

export function parseState(v: unknown): WallState {
  const o = isObject(v) ? v : {};
  const trendRaw = isObject(o.nps) && Array.isArray(o.nps.trend) ? o.nps.trend : [];
  const trend: TrendPoint[] = trendRaw.filter(isObject).map((p) => ({
    week: typeof p.week === "string" ? p.week : String(p.week ?? ""),
    nps: num(p.n) === 0 ? null : num(p.nps),
    n: num(p.n) ?? 0,
  }));
  const recent = (Array.isArray(o.recent) ? o.recent : [])
    .map(parseEvent)
    .filter((e): e is WallEvent => e !== null);
  return { ...parseStats(o), trend, recent };
}

export async function loadConfig(token: string): Promise<Loaded<WallConfig>> {
  const result = await getJson(wallUrl(token));
  return result.ok ? { ok: true, value: parseConfig(result.value) } : result;
}

export async function loadState(token: string): Promise<Loaded<WallState>> {
  const result = await getJson(wallUrl(token, "/state"));
  return result.ok ? { ok: true, value: parseState(result.value) } : result;
}
