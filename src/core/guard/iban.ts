/**
 * IBANs: a known country code, two check digits and the national account number, with or
 * without spaces, accepted only when the ISO 13616 mod-97 check passes. Requiring the
 * exact length of the country keeps "DK50 0040 0440 1162 43 kr" from swallowing the amount.
 */
import { allMatches } from "./scan";
import type { GuardFinding } from "./types";

// ISO 13616 registry lengths (SWIFT IBAN registry), total characters including country
// code and check digits.
const ibanLengths: ReadonlyMap<string, number> = new Map(
  [
    "AD24 AE23 AL28 AT20 AZ28 BA20 BE16 BG22 BH22 BR29 BY28 CH21 CR22 CY28 CZ24 DE22",
    "DK18 DO28 EE20 EG29 ES24 FI18 FO18 FR27 GB22 GE22 GI23 GL18 GR27 GT28 HR21 HU28",
    "IE22 IL23 IQ23 IS26 IT27 JO30 KW30 KZ20 LB28 LC32 LI21 LT20 LU20 LV21 LY25 MC27",
    "MD24 ME22 MK19 MR27 MT31 MU30 NL18 NO15 PK24 PL28 PS29 PT25 QA29 RO24 RS22 SA24",
    "SC31 SE24 SI19 SK24 SM27 ST25 SV28 TL23 TN24 TR26 UA29 VA22 VG24 XK20",
  ]
    .join(" ")
    .split(" ")
    .map((entry): [string, number] => [entry.slice(0, 2), Number(entry.slice(2))]),
);

// Where an IBAN can start: two letters and two digits, not inside a word.
const ibanStart = /(?<![\p{L}\p{N}])[A-Za-z]{2}\d\d/gu;
const isAlnum = (c: string | undefined) => c !== undefined && /^[A-Za-z0-9]$/.test(c);

/** ISO 7064 mod 97-10 over the rearranged IBAN; true when the remainder is 1. */
export function isValidIban(compact: string): boolean {
  const iban = compact.toUpperCase();
  const length = ibanLengths.get(iban.slice(0, 2));
  if (length === undefined || iban.length !== length || !/^[A-Z]{2}\d\d[A-Z0-9]+$/.test(iban)) {
    return false;
  }
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const c of rearranged) {
    const code = c.charCodeAt(0);
    // Letters count as two digits, A = 10 ... Z = 35.
    const value = code >= 65 ? code - 55 : code - 48;
    remainder = value >= 10 ? (remainder * 100 + value) % 97 : (remainder * 10 + value) % 97;
  }
  return remainder === 1;
}

export function detectIbans(text: string): GuardFinding[] {
  const found: GuardFinding[] = [];
  for (const m of allMatches(ibanStart, text)) {
    const length = ibanLengths.get(m[0].slice(0, 2).toUpperCase());
    if (length === undefined) continue;
    // Collect `length` alphanumerics, allowing one space between characters, as in the
    // printed form "DK50 0040 0440 1162 43".
    let compact = m[0];
    let end = m.index + 4;
    while (compact.length < length && end < text.length) {
      const c = text[end];
      if (isAlnum(c)) {
        compact += c;
        end++;
      } else if ((c === " " || c === "\u00a0") && isAlnum(text[end + 1])) {
        end++;
      } else {
        break;
      }
    }
    // Too short, or glued to more characters: not this IBAN.
    if (compact.length !== length || isAlnum(text[end])) continue;
    if (isValidIban(compact)) {
      found.push({ kind: "iban", start: m.index, end, severity: "high" });
    }
  }
  return found;
}
