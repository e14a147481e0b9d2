/**
 * E-mail addresses, including the lightly disguised "navn (at) firma.dk" that people use
 * to dodge spam harvesters: a human reader still gets the address, so the wall must not.
 */
import { allMatches } from "./scan";
import type { GuardFinding } from "./types";

const localChar = /[\p{L}\p{N}._%+'-]/u;
const domainChar = /[\p{L}\p{N}.-]/u;
const maxLocal = 64;
const maxDomain = 253;

/**
 * Checks "example.co.uk": at least two labels, none empty, none starting or ending with a
 * hyphen, and a top-level label of two or more letters.
 */
function isDomain(domain: string): boolean {
  const labels = domain.split(".");
  if (labels.length < 2) return false;
  for (const label of labels) {
    if (label === "" || label.startsWith("-") || label.endsWith("-")) return false;
  }
  return /^\p{L}{2,}$/u.test(labels[labels.length - 1] ?? "");
}

// Scanning out from each "@" is linear and has nothing to backtrack; a regex started at
// every character of a long local-part-like run would not be.
function plainAddresses(text: string, found: GuardFinding[]): void {
  let at = text.indexOf("@");
  while (at !== -1) {
    let start = at;
    while (start > 0 && at - start < maxLocal && localChar.test(text[start - 1] ?? "")) start--;
    // A sentence may end right before the address: "skriv.navn@x.dk" is not an address
    // starting with a dot.
    while (start < at && text[start] === ".") start++;
    let end = at + 1;
    while (end < text.length && end - at <= maxDomain && domainChar.test(text[end] ?? "")) end++;
    // "mail mig på navn@firma.dk." ends the sentence, not the domain.
    while (end > at + 1 && (text[end - 1] === "." || text[end - 1] === "-")) end--;
    if (start < at && !text.slice(start, at).endsWith(".") && isDomain(text.slice(at + 1, end))) {
      found.push({ kind: "email", start, end, severity: "medium" });
    }
    at = text.indexOf("@", at + 1);
  }
}

// "navn (at) firma.dk", "navn[at]firma[dot]dk", "navn (snabel-a) firma (punktum) dk".
const at = String.raw`[ \u00a0]?[([{](?:at|snabel-?a)[)\]}][ \u00a0]?`;
const dot = String.raw`(?:\.|[ \u00a0]?[([{](?:dot|punktum)[)\]}][ \u00a0]?)`;
const disguisedPattern = new RegExp(
  String.raw`(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}_%+-](?:[\p{L}\p{N}._%+-]{0,62}[\p{L}\p{N}_%+-])?${at}[\p{L}\p{N}-]{1,63}(?:${dot}[\p{L}\p{N}-]{1,63}){0,4}${dot}\p{L}{2,24}(?![\p{L}\p{N}])`,
  "giu",
);

function disguisedAddresses(text: string, found: GuardFinding[]): void {
  // Cheap pre-check: nearly no text contains a disguised "at", so skip the regex scan.
  if (!/at[)\]}]|a[)\]}]/i.test(text)) return;
  for (const m of allMatches(disguisedPattern, text)) {
    found.push({ kind: "email", start: m.index, end: m.index + m[0].length, severity: "medium" });
  }
}

export function detectEmails(text: string): GuardFinding[] {
  const found: GuardFinding[] = [];
  if (text.includes("@")) plainAddresses(text, found);
  disguisedAddresses(text, found);
  return found;
}
