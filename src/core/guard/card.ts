/**
 * Payment card numbers: 13-19 digits, Luhn valid, written in one block or in groups
 * ("4571 1234 5678 9012", Amex "3782 822463 10005"). A random digit string passes Luhn one
 * time in ten, so we also require card-like grouping and refuse a leading zero (no issuer
 * number starts with 0).
 */
import { allMatches } from "./scan";
import type { GuardFinding } from "./types";

// Groups start with a block of four, then two to four blocks of three to six digits,
// separated by one space or hyphen. Bounded quantifiers and a fixed separator set leave
// nothing to backtrack over.
const cardPattern = /(?<!\d)(?:\d{13,19}|\d{4}(?:[ \u00a0-]\d{3,6}){2,4})(?!\d)/g;

/** Luhn (mod 10) check over a string of digits. */
export function isLuhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

function isCardNumber(digits: string): boolean {
  return digits.length >= 13 && digits.length <= 19 && digits[0] !== "0" && isLuhnValid(digits);
}

export function detectCards(text: string): GuardFinding[] {
  const found: GuardFinding[] = [];
  for (const m of allMatches(cardPattern, text)) {
    const groups = m[0].split(/[ \u00a0-]/);
    // A card number is often followed by more digit groups ("... 1111 123" with the
    // security code), so try the longest run of leading groups that is a card number.
    let offset = m[0].length;
    for (let n = groups.length; n >= 1; n--) {
      const digits = groups.slice(0, n).join("");
      if (isCardNumber(digits)) {
        found.push({ kind: "card", start: m.index, end: m.index + offset, severity: "high" });
        break;
      }
      offset -= (groups[n - 1]?.length ?? 0) + 1;
    }
  }
  return found;
}
