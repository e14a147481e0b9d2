import type { Strings } from "./strings";

const minute = 60_000;
const hour = 60 * minute;

function startOfDay(ms: number): number {
  const d = new Date(ms);
  d.setHours(0, 0, 0, 0);
  return d.getTime();
}

/** "lige nu", "for 2 min siden", "for 3 timer siden", "i går", "for 4 dage siden". */
export function relativeTime(at: number, now: number, s: Strings): string {
  const age = Math.max(0, now - at);
  if (age < minute) return s.justNow;
  if (age < hour) return s.minutesAgo(Math.floor(age / minute));
  const days = Math.round((startOfDay(now) - startOfDay(at)) / (24 * hour));
  if (days < 1) return s.hoursAgo(Math.floor(age / hour));
  if (days === 1) return s.yesterday;
  return s.daysAgo(days);
}

/** An NPS in points with its sign: "+62", "−8", "0". */
export function formatNps(nps: number): string {
  const rounded = Math.round(nps);
  if (rounded > 0) return `+${rounded}`;
  if (rounded < 0) return `−${Math.abs(rounded)}`;
  return "0";
}

/** "2025-W14" (or "14") -> 14; null when the week cannot be read. */
export function weekNumber(week: string): number | null {
  const match = /(?:W|^)(\d{1,2})$/i.exec(week.trim());
  return match?.[1] ? Number(match[1]) : null;
}

export function clock(now: Date, locale: string): { time: string; date: string } {
  const time = now.toLocaleTimeString(locale, {
    hour: "2-digit",
    minute: "2-digit",
    hour12: false,
  });
  const date = now.toLocaleDateString(locale, { weekday: "long", day: "numeric", month: "long" });
  return { time: time.replace(".", ":"), date };
}
