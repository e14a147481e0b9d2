/**
 * Shared types of the personal-data and abuse guard. Offsets are UTF-16 code-unit
 * indices into the checked string (what `String.prototype.slice` takes), end exclusive.
 */

/** What a finding is. Personal data kinds first, then abuse. */
export type GuardKind =
  | "cpr"
  | "phone"
  | "email"
  | "address"
  | "account"
  | "iban"
  | "card"
  | "abuse";

/**
 * How bad a finding is. Abuse: mild -> low, strong -> medium, slur -> high.
 * Personal data: cpr/card/iban/account -> high (identity or money), phone/email/address -> medium.
 */
export type GuardSeverity = "low" | "medium" | "high";

/** One span of the input that must not be shown as is. */
export type GuardFinding = { kind: GuardKind; start: number; end: number; severity: GuardSeverity };

/** Where the text is going: the office wall, or a public reply written by an employee. */
export type GuardPurpose = "wall" | "reply";

/** Why a text was changed or blocked, per kind, in words the writer can act on. */
export type GuardReason = { kind: GuardKind; count: number; da: string; en: string };

/** The verdict for one text and one purpose. */
export type GuardResult = {
  /** false when the text must not be published for this purpose, even redacted. */
  allowed: boolean;
  /** The text with every finding replaced by a placeholder. */
  redacted: string;
  /** Non-overlapping, sorted by start, offsets into the input text. */
  findings: GuardFinding[];
  reasons: GuardReason[];
};

/** Every kind, in the order reasons and summaries list them. */
export const guardKinds: readonly GuardKind[] = [
  "cpr",
  "card",
  "iban",
  "account",
  "phone",
  "email",
  "address",
  "abuse",
];

/** Severity of every personal-data kind (abuse grades its own findings). */
export const personalDataSeverity: Record<Exclude<GuardKind, "abuse">, GuardSeverity> = {
  cpr: "high",
  card: "high",
  iban: "high",
  account: "high",
  phone: "medium",
  email: "medium",
  address: "medium",
};
