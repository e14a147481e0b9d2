/**
 * Replacing findings with readable placeholders, and making that stable.
 *
 * Stability (redact(redact(x)) === redact(x) when findings are recomputed) is not free:
 * detectors look at their neighbours, so hiding one thing can expose another. In
 * "Vestergade 12 23456789" the phone number is glued to the house number and not found;
 * once the address is a placeholder it would be. `stabilise` therefore re-runs detection
 * on the redacted text until nothing new turns up and maps what it finds back to offsets
 * in the original.
 */
import { resolveOverlaps } from "./resolve";
import type { GuardFinding, GuardKind } from "./types";

const placeholders: Record<Exclude<GuardKind, "abuse">, string> = {
  cpr: "[CPR-nummer skjult]",
  phone: "[telefon skjult]",
  email: "[e-mail skjult]",
  address: "[adresse skjult]",
  account: "[kontonummer skjult]",
  iban: "[IBAN skjult]",
  card: "[kortnummer skjult]",
};

const letter = /\p{L}/u;

/**
 * Mild abuse keeps its first letter ("i***") so the wall still reads naturally; strong
 * words and slurs become "[***]" so not even a hint is shown. One real letter and stars
 * is, by design, below what the abuse detector matches, so a placeholder is never found
 * again.
 */
function placeholderFor(finding: GuardFinding, text: string): string {
  if (finding.kind !== "abuse") return placeholders[finding.kind];
  if (finding.severity !== "low") return "[***]";
  for (const c of text.slice(finding.start, finding.end)) {
    if (letter.test(c)) return `${c}***`;
  }
  return "[***]";
}

/** A replaced span: where it was in the original and where its placeholder is now. */
type Piece = { from: number; to: number; outFrom: number; outTo: number };

function applyRedaction(text: string, findings: readonly GuardFinding[]) {
  const clamped = findings.map((f) => ({
    ...f,
    start: Math.max(0, Math.min(text.length, f.start)),
    end: Math.max(0, Math.min(text.length, f.end)),
  }));
  const parts: string[] = [];
  const pieces: Piece[] = [];
  let cursor = 0;
  let outLength = 0;
  for (const f of resolveOverlaps(clamped)) {
    const before = text.slice(cursor, f.start);
    const placeholder = placeholderFor(f, text);
    parts.push(before, placeholder);
    outLength += before.length;
    pieces.push({
      from: f.start,
      to: f.end,
      outFrom: outLength,
      outTo: outLength + placeholder.length,
    });
    outLength += placeholder.length;
    cursor = f.end;
  }
  parts.push(text.slice(cursor));
  return { text: parts.join(""), pieces };
}

/**
 * The text with every finding replaced by its placeholder. Overlapping or unsorted
 * findings are merged first, and spans are clamped to the text.
 */
export function redact(text: string, findings: readonly GuardFinding[]): string {
  return findings.length === 0 ? text : applyRedaction(text, findings).text;
}

/**
 * Maps an offset in the redacted text back to the original. An offset inside a placeholder
 * widens to the whole span it replaced, so nothing is half-hidden.
 */
function toOriginal(pos: number, pieces: readonly Piece[], isEnd: boolean): number {
  // Binary search for the last placeholder starting before `pos` (at or before, for a
  // start), so mapping many findings stays O(n log n).
  let lo = 0;
  let hi = pieces.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const p = pieces[mid] as Piece;
    if (isEnd ? p.outFrom < pos : p.outFrom <= pos) lo = mid + 1;
    else hi = mid;
  }
  const p = pieces[lo - 1];
  if (!p) return pos;
  if (pos < p.outTo || (isEnd && pos === p.outTo)) return isEnd ? p.to : p.from;
  return pos + (p.to - p.outTo);
}

const maxRounds = 4;

/**
 * Findings such that redacting them leaves nothing for `detect` to find. `detect` returns
 * raw candidates; the result is resolved (sorted, non-overlapping).
 *
 * `recheck` picks the detector for the re-run from what was found, so callers can skip
 * detectors that a given kind of placeholder provably cannot affect: the re-run costs as
 * much as the first pass and most texts with findings have only one or two.
 */
export function stabilise(
  text: string,
  detect: (text: string) => GuardFinding[],
  recheck: (
    text: string,
    findings: readonly GuardFinding[],
  ) => (text: string) => GuardFinding[] = () => detect,
): GuardFinding[] {
  let findings = resolveOverlaps(detect(text));
  for (let round = 0; round < maxRounds && findings.length > 0; round++) {
    const { text: redacted, pieces } = applyRedaction(text, findings);
    const extra = recheck(text, findings)(redacted);
    if (extra.length === 0) break;
    const merged = resolveOverlaps([
      ...findings,
      ...extra.map((f) => ({
        ...f,
        start: toOriginal(f.start, pieces, false),
        end: toOriginal(f.end, pieces, true),
      })),
    ]);
    const isSame =
      merged.length === findings.length &&
      merged.every(
        (f, k) =>
          f.start === findings[k]?.start &&
          f.end === findings[k]?.end &&
          f.kind === findings[k]?.kind,
      );
    if (isSame) break;
    findings = merged;
  }
  return findings;
}
