/**
 * Danish bank accounts: a 4-digit registration number (reg.nr.) and an account number of
 * up to 10 digits. Written with labels ("reg. 1234 konto 1234567890", "kontonr.
 * 1234-1234567890") or bare with a hyphen ("1234-1234567890"). A bare pair needs 7+ account
 * digits and no case/order label in front, so "sag 2023-123456" stays a case number.
 */
import { allMatches } from "./scan";
import type { GuardFinding } from "./types";

const sp = String.raw`[ \u00a0]`;
// "reg", "reg.", "reg.nr.", "reg. nr:", "regnr", "reg.-nr.", "registreringsnummer", "reg.nr. er".
const regLabel = String.raw`(?<!\p{L})reg(?:istrerings)?(?:\.?-?${sp}?(?:nr|nummer)(?!\p{L}))?\.?${sp}{0,2}:?${sp}{0,2}(?:(?:er|is)${sp}{1,2})?`;
// "konto", "kontonr.", "konto nr:", "kontonummer er", "kto.", "account number is".
const kontoLabel = String.raw`(?<!\p{L})(?:konto|kto|account)(?:\.?-?${sp}?(?:nr|nummer|no|number)(?!\p{L}))?\.?${sp}{0,2}:?${sp}{0,2}(?:(?:er|is)${sp}{1,2})?`;
const between = `${sp}{0,2}[,/-]?${sp}{0,2}(?:(?:og|and)${sp}{1,2})?`;

const labelledPatterns = [
  // Registration number, then the account number, optionally labelled itself.
  new RegExp(String.raw`${regLabel}(\d{4}${between}(?:${kontoLabel})?\d{4,10})(?!\d)`, "giud"),
  // An account label followed by reg.nr. and account number, or by a long number alone.
  new RegExp(
    String.raw`${kontoLabel}(\d{4}${sp}{0,2}[-/ ]${sp}{0,2}\d{4,10}|\d{6,14})(?![\d]|[-/]\d)`,
    "giud",
  ),
];

const barePattern = /(?<![\p{L}\p{N}.,/-]|\p{N}[ \u00a0])\d{4}-\d{7,10}(?!\p{N}|[-/.,]\p{N})/gu;

// Labels that make a bare "2023-1234567" a case, order or invoice number, not an account.
const referenceLabel =
  /(?:sag|sagsnr|sagsnummer|j\.?[ ]?nr|journal(?:nr|nummer)?|ordre(?:nr|nummer)?|faktura(?:nr|nummer)?|kunde(?:nr|nummer)?|bilag|ref|reference|id|case|order|invoice|ticket)\.?[ \u00a0:#]{0,3}(?:nr|no)?\.?[ \u00a0:#]{0,3}$/i;

// The labelled patterns start with a look-behind, which the regex engine must try at
// every position; a plain scan for the label words first is much cheaper.
const anyLabel = /reg|konto|kto|account/i;

export function detectAccounts(text: string): GuardFinding[] {
  const found: GuardFinding[] = [];
  for (const pattern of anyLabel.test(text) ? labelledPatterns : []) {
    for (const m of allMatches(pattern, text)) {
      const span = m.indices?.[1];
      if (span) found.push({ kind: "account", start: span[0], end: span[1], severity: "high" });
    }
  }
  for (const m of text.includes("-") ? allMatches(barePattern, text) : []) {
    if (referenceLabel.test(text.slice(Math.max(0, m.index - 24), m.index))) continue;
    found.push({ kind: "account", start: m.index, end: m.index + m[0].length, severity: "high" });
  }
  return found;
}
