import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { localeOf } from "./i18n";

export type Formatters = ReturnType<typeof makeFormatters>;

export function makeFormatters(language: string) {
  const locale = localeOf(language);
  const integer = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const signed = new Intl.NumberFormat(locale, {
    maximumFractionDigits: 0,
    signDisplay: "exceptZero",
  });
  const oneDecimal = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const percent = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 0 });
  const pValue = new Intl.NumberFormat(locale, { maximumSignificantDigits: 2 });
  const date = new Intl.DateTimeFormat(locale, { day: "numeric", month: "short", year: "numeric" });
  const dateTime = new Intl.DateTimeFormat(locale, {
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
  });
  const shortDate = new Intl.DateTimeFormat(locale, { day: "numeric", month: "short" });
  const monthYear = new Intl.DateTimeFormat(locale, { month: "short", year: "numeric" });

  return {
    locale,
    int: (value: number) => integer.format(value),
    /** NPS is shown signed and whole: +42, −7, 0. */
    nps: (value: number | null | undefined) =>
      value === null || value === undefined ? "–" : signed.format(Math.round(value)),
    signed: (value: number) => signed.format(Math.round(value)),
    margin: (value: number | null | undefined) =>
      value === null || value === undefined ? "–" : integer.format(Math.round(value)),
    decimal: (value: number) => oneDecimal.format(value),
    percent: (fraction: number) => percent.format(fraction),
    pValue: (value: number) => (value < 0.001 ? `< ${pValue.format(0.001)}` : pValue.format(value)),
    date: (value: string | Date) => date.format(toDate(value)),
    dateTime: (value: string | Date) => dateTime.format(toDate(value)),
    shortDate: (value: string | Date) => shortDate.format(toDate(value)),
    /** "25. okt. – 23. nov. 2026": the year once when both ends share it. */
    range: (from: string | Date, to: string | Date) => {
      const a = toDate(from);
      const b = toDate(to);
      return a.getFullYear() === b.getFullYear()
        ? `${shortDate.format(a)} – ${date.format(b)}`
        : `${date.format(a)} – ${date.format(b)}`;
    },
    monthYear: (value: string | Date) => monthYear.format(toDate(value)),
  };
}

function toDate(value: string | Date): Date {
  if (value instanceof Date) return value;
  // A bare ISO date is a calendar day: read it as local noon so no time zone shifts the day.
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return new Date(`${value}T12:00:00`);
  return new Date(value);
}

export function useFormat(): Formatters {
  const { i18n } = useTranslation();
  return useMemo(() => makeFormatters(i18n.language), [i18n.language]);
}

/** Local calendar date as YYYY-MM-DD (what the API's from/to expect). */
export function isoDate(date: Date): string {
  const y = date.getFullYear();
  const m = String(date.getMonth() + 1).padStart(2, "0");
  const d = String(date.getDate()).padStart(2, "0");
  return `${y}-${m}-${d}`;
}

export function addDays(date: Date, days: number): Date {
  const copy = new Date(date);
  copy.setDate(copy.getDate() + days);
  return copy;
}

/** The last `days` days including today, as a half-open [from, to) range. */
export function lastDays(days: number, today = new Date()): { from: string; to: string } {
  return { from: isoDate(addDays(today, -(days - 1))), to: isoDate(addDays(today, 1)) };
}

/** The equally long range just before [from, to). */
export function previousRange(from: string, to: string): { from: string; to: string } {
  const start = new Date(`${from}T12:00:00`);
  const end = new Date(`${to}T12:00:00`);
  const days = Math.max(1, Math.round((end.getTime() - start.getTime()) / 86_400_000));
  return { from: isoDate(addDays(start, -days)), to: from };
}
