/**
 * The personal-data and abuse guard: the one place that decides what of a citizen's or an
 * employee's text may be shown on the wall or sent as a public reply. Pure code: no I/O,
 * no clock, no configuration.
 */
import { detectAbuse } from "./abuse";
import { detectPersonalData } from "./detect";
import { stabilise } from "./redact";
import type { GuardFinding } from "./types";

export { guardText, summariseFindings } from "./policy";
export { redact } from "./redact";
export type {
  GuardFinding,
  GuardKind,
  GuardPurpose,
  GuardReason,
  GuardResult,
  GuardSeverity,
} from "./types";

/** CPR, phone, e-mail, address, account, IBAN and card findings: sorted, non-overlapping. */
export function findPersonalData(text: string): GuardFinding[] {
  return stabilise(text, detectPersonalData);
}

/** Abuse findings, graded low (mild), medium (strong) or high (slur): sorted, non-overlapping. */
export function findAbuse(text: string): GuardFinding[] {
  return stabilise(text, detectAbuse);
}
