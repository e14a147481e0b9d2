/**
 * The analytics page keeps every filter in the URL, so a view can be bookmarked and shared
 * ("send me the link to the Borgerservice numbers").
 */
import type { AnalyticsFilters } from "../../api/types";
import { addDays, isoDate, lastDays, previousRange } from "../../format";

/** Not bare numbers: the router would JSON-quote "7" in the URL to keep it a string. */
export const PERIODS = ["7d", "30d", "90d", "custom"] as const;
export type Period = (typeof PERIODS)[number];
export const TREND_GROUPS = ["day", "week", "month"] as const;
export type TrendGroup = (typeof TREND_GROUPS)[number];
export const BREAKDOWNS = ["team", "touchpoint", "employee", "channel"] as const;
export type Breakdown = (typeof BREAKDOWNS)[number];
export const CATEGORIES = ["all", "promoter", "passive", "detractor"] as const;
export type CategoryFilter = (typeof CATEGORIES)[number];
export const COMPARISONS = ["previous", "year", "custom"] as const;
export type Comparison = (typeof COMPARISONS)[number];

export type AnalyticsSearch = {
  surveyId?: string;
  period?: Period;
  from?: string;
  to?: string;
  team?: string;
  touchpoint?: string;
  employee?: string;
  channel?: string;
  trend?: TrendGroup;
  breakdown?: Breakdown;
  category?: CategoryFilter;
  q?: string;
  page?: number;
  cmp?: Comparison;
  cmpFrom?: string;
  cmpTo?: string;
};

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function pick<T extends string>(values: readonly T[], value: unknown): T | undefined {
  return values.includes(value as T) ? (value as T) : undefined;
}

function text(value: unknown): string | undefined {
  if (typeof value === "number") return String(value);
  return typeof value === "string" && value.length > 0 ? value : undefined;
}

function date(value: unknown): string | undefined {
  return typeof value === "string" && DATE.test(value) ? value : undefined;
}

export function parseAnalyticsSearch(search: Record<string, unknown>): AnalyticsSearch {
  const page = Number(search.page);
  return {
    surveyId: text(search.surveyId),
    period: pick(PERIODS, String(search.period ?? "")),
    from: date(search.from),
    to: date(search.to),
    team: text(search.team),
    touchpoint: text(search.touchpoint),
    employee: text(search.employee),
    channel: text(search.channel),
    trend: pick(TREND_GROUPS, search.trend),
    breakdown: pick(BREAKDOWNS, search.breakdown),
    category: pick(CATEGORIES, search.category),
    q: text(search.q),
    page: Number.isInteger(page) && page > 1 ? page : undefined,
    cmp: pick(COMPARISONS, search.cmp),
    cmpFrom: date(search.cmpFrom),
    cmpTo: date(search.cmpTo),
  };
}

/**
 * The concrete [from, to) range of the search. A custom range's `to` is the last day the
 * user picked (inclusive, as people read dates); the API's `to` is exclusive, so add a day.
 */
export function rangeOf(search: AnalyticsSearch): { from: string; to: string } {
  const period = search.period ?? "30d";
  if (period === "custom" && search.from && search.to) {
    return { from: search.from, to: isoDate(addDays(new Date(`${search.to}T12:00:00`), 1)) };
  }
  return lastDays(period === "custom" ? 30 : Number.parseInt(period, 10));
}

export function filtersOf(search: AnalyticsSearch): AnalyticsFilters {
  const { from, to } = rangeOf(search);
  return {
    surveyId: search.surveyId,
    from,
    to,
    team: search.team,
    touchpoint: search.touchpoint,
    employee: search.employee,
    channel: search.channel,
  };
}

/** Inclusive last day of a half-open range, for showing dates the way people read them. */
export function lastDayOf(to: string): string {
  return isoDate(addDays(new Date(`${to}T12:00:00`), -1));
}

/** The comparison period: the one just before, the same one a year earlier, or chosen. */
export function comparisonRangeOf(search: AnalyticsSearch): { from: string; to: string } {
  const { from, to } = rangeOf(search);
  const cmp = search.cmp ?? "previous";
  if (cmp === "custom" && search.cmpFrom && search.cmpTo) {
    return {
      from: search.cmpFrom,
      to: isoDate(addDays(new Date(`${search.cmpTo}T12:00:00`), 1)),
    };
  }
  if (cmp === "year") {
    const shift = (value: string) => {
      const day = new Date(`${value}T12:00:00`);
      day.setFullYear(day.getFullYear() - 1);
      return isoDate(day);
    };
    return { from: shift(from), to: shift(to) };
  }
  return previousRange(from, to);
}

export function compareFiltersOf(search: AnalyticsSearch) {
  const previous = comparisonRangeOf(search);
  return { ...filtersOf(search), previousFrom: previous.from, previousTo: previous.to };
}

/** A sensible default grouping for the trend: days for short ranges, weeks, then months. */
export function defaultTrend(search: AnalyticsSearch): TrendGroup {
  const { from, to } = rangeOf(search);
  const days = (new Date(to).getTime() - new Date(from).getTime()) / 86_400_000;
  if (days <= 31) return "day";
  if (days <= 120) return "week";
  return "month";
}
