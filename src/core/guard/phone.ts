/**
 * Danish phone numbers: eight digits written as one block, in pairs or as two blocks of
 * four, with or without a country code: +45, 0045 or (+45). Subscriber numbers start with
 * 2-9, but people write made-up and mistyped ones starting with 1 too ("12 34 56 78"), so
 * only a leading 0 is refused. Year ranges ("2019-2023") and dates ("25122023") are not
 * phone numbers.
 */
import { allMatches } from "./scan";
import type { GuardFinding } from "./types";

// One separator kind per number: "12 34-56 78" is not how anyone writes a phone number,
// and refusing mixed separators keeps dates such as "12-05-2023" out.
const countryCode = String.raw`(?:(?:\+|00)45|\((?:\+|00)45\))[ \u00a0-]?`;
const subscriber = String.raw`[1-9]\d(?:\d{6}|([ \u00a0-])\d\d\1\d\d\1\d\d|\d\d[ \u00a0-]\d{4})`;

// Not glued to letters or to a longer number (a digit, or a digit and one separator, on
// either side): "1234 5678 9012 3456" is a card, "SKU12345678" a product code.
const phonePattern = new RegExp(
  String.raw`(?<![\p{L}\d+]|\d[ \u00a0.,/-])(?:${countryCode})?${subscriber}(?![\p{L}\d]|[ \u00a0.,/-]\d)`,
  "gu",
);

// An amount is not a phone number: "kr. 23456789", "23456789 kr", "DKK 23 45 67 89".
const currencyBefore = /(?:kr\.?|dkk|eur|€|\$|£)[ \u00a0]?$/i;
const currencyAfter = /^[ \u00a0]?(?:kr\b|kroner|dkk|eur|euro|€|,-|%)/i;

const isYear = (digits: string) => digits.startsWith("19") || digits.startsWith("20");

function isDateOrYears(number: string): boolean {
  const digits = number.replace(/\D/g, "");
  if (digits.length !== 8) return false;
  // "2019-2023", "1990 2000"
  if (/\d{4}\D\d{4}$/.test(number) && isYear(digits.slice(0, 4)) && isYear(digits.slice(4))) {
    return true;
  }
  // "25122023": DDMMYYYY with a plausible year.
  if (/^\d{8}$/.test(number) && isYear(digits.slice(4))) {
    const day = Number(digits.slice(0, 2));
    const month = Number(digits.slice(2, 4));
    return month >= 1 && month <= 12 && day >= 1 && day <= 31;
  }
  return false;
}

// 70, 80 and 90 numbers are shared-cost, free and premium business lines (Danish
// numbering plan): never a person's own number, and public bodies put them in every
// reply ("ring til os på 70 10 20 30"), so they are not personal data.
const isBusinessLine = (subscriber: string) => /^[789]0/.test(subscriber);

export function detectPhones(text: string): GuardFinding[] {
  const found: GuardFinding[] = [];
  for (const m of allMatches(phonePattern, text)) {
    const start = m.index;
    const end = start + m[0].length;
    if (currencyBefore.test(text.slice(Math.max(0, start - 5), start))) continue;
    if (currencyAfter.test(text.slice(end, end + 7))) continue;
    if (isDateOrYears(m[0])) continue;
    if (isBusinessLine(m[0].replace(/\D/g, "").slice(-8))) continue;
    found.push({ kind: "phone", start, end, severity: "medium" });
  }
  return found;
}
