/**
 * Danish CPR numbers: DDMMYY-SSSS, written with a hyphen, a space or nothing between the
 * date and the serial. The date must exist in the century the 7th digit gives (rules of
 * the CPR office, 2007). We deliberately do not check modulus 11: numbers issued since
 * 2007 need not pass it. An unseparated ten-digit number labelled as an order, case or
 * invoice number is taken as that label says.
 */
import { allMatches } from "./scan";
import type { GuardFinding } from "./types";

// Digits, then an optional hyphen (ASCII or the Unicode ones word processors insert), a
// space or a no-break space, then four digits. The look-arounds keep us out of longer
// numbers such as "1234-0101901234" (an account) or "010190-1234-5", but allow a space
// before, so "tlf. 12345678 0101901234" still finds the CPR number.
const cprPattern =
  /(?<!\d[-.,/]?)(\d\d)(\d\d)(\d\d)[-\u2010\u2011\u2013 \u00a0]?(\d)\d{3}(?![-.,/]?\d)/g;

/** Full birth year from the two-digit year and the 7th digit (first serial digit). */
export function cprBirthYear(yy: number, seventh: number): number {
  if (seventh <= 3) return 1900 + yy;
  if (seventh === 4 || seventh === 9) return yy <= 36 ? 2000 + yy : 1900 + yy;
  return yy <= 57 ? 2000 + yy : 1800 + yy;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) {
    const isLeap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    return isLeap ? 29 : 28;
  }
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** True when DDMMYY with this 7th digit is a date that exists. */
export function isValidCprDate(dd: number, mm: number, yy: number, seventh: number): boolean {
  if (mm < 1 || mm > 12 || dd < 1) return false;
  return dd <= daysInMonth(cprBirthYear(yy, seventh), mm);
}

// A bare run of ten digits right after an order, case or invoice number label is that
// number, not a CPR number ("ordre nr. 0101901234"). "sag 0101901234" names no number, and
// written DDMMYY-SSSS it stays a CPR number: that is how people write their own.
const referenceLabel =
  /(?:ordre|order|bestillings?|booking|sags?|case|faktura|invoice|kunde|customer|reference|journal|forsendelses?|pakke|tracking|billet|ticket)\s*[-.]?\s*(?:nummer|nr|no|number|num|id|#)\.?\s*[:#]?\s*$/i;

function isLabelledReference(text: string, start: number, written: string): boolean {
  if (!/^\d{10}$/.test(written)) return false;
  return referenceLabel.test(text.slice(Math.max(0, start - 32), start));
}

/** Every CPR-shaped number with an existing date. */
export function detectCpr(text: string): GuardFinding[] {
  const found: GuardFinding[] = [];
  for (const m of allMatches(cprPattern, text)) {
    const [, dd, mm, yy, seventh] = m;
    if (isLabelledReference(text, m.index, m[0])) continue;
    if (isValidCprDate(Number(dd), Number(mm), Number(yy), Number(seventh))) {
      found.push({ kind: "cpr", start: m.index, end: m.index + m[0].length, severity: "high" });
    }
  }
  return found;
}
