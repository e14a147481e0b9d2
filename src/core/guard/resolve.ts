/**
 * One finding per span. Detectors run independently and may claim overlapping text
 * ("DK50 0040 0440 1162 43" is an IBAN, and "0040 0440" inside it looks like a phone), so
 * overlapping candidates are merged into one finding that covers all of them (nothing
 * half-hidden) and takes the kind of the most specific detector.
 */
import type { GuardFinding, GuardKind, GuardSeverity } from "./types";

// Most specific first. An "@" or a mod-97 checksum is near proof; a labelled account
// number is explicit; a CPR number's date and century digit rule out more than a Luhn
// digit does ("2023 010190 1234" passes Luhn as a 4-6-4 card one time in ten); a phone is
// only eight digits and an address only a street ending. Abuse is last:
// "idiot@example.dk" is an e-mail address.
const kindRank: Record<GuardKind, number> = {
  email: 0,
  iban: 1,
  account: 2,
  cpr: 3,
  card: 4,
  phone: 5,
  address: 6,
  abuse: 7,
};
const severityRank: Record<GuardSeverity, number> = { low: 0, medium: 1, high: 2 };

function isBetter(a: GuardFinding, b: GuardFinding): boolean {
  if (kindRank[a.kind] !== kindRank[b.kind]) return kindRank[a.kind] < kindRank[b.kind];
  if (a.severity !== b.severity) return severityRank[a.severity] > severityRank[b.severity];
  if (a.end - a.start !== b.end - b.start) return a.end - a.start > b.end - b.start;
  return a.start < b.start;
}

/**
 * Sorted, non-overlapping findings. Deterministic: the result does not depend on the order
 * of the candidates. Empty or inverted spans are dropped.
 */
export function resolveOverlaps(candidates: readonly GuardFinding[]): GuardFinding[] {
  const sorted = candidates
    .filter((f) => f.end > f.start && f.start >= 0)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const resolved: GuardFinding[] = [];
  let i = 0;
  while (i < sorted.length) {
    let best = sorted[i] as GuardFinding;
    const start = best.start;
    let end = best.end;
    let j = i + 1;
    for (; j < sorted.length; j++) {
      const next = sorted[j] as GuardFinding;
      if (next.start >= end) break;
      end = Math.max(end, next.end);
      if (isBetter(next, best)) best = next;
    }
    resolved.push({ kind: best.kind, start, end, severity: best.severity });
    i = j;
  }
  return resolved;
}
