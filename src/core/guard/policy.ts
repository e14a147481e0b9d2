/**
 * What each purpose allows.
 *
 * - wall (the office TV): personal data is hidden and the comment still shows; mild abuse
 *   is hidden too; strong abuse or a slur keeps the comment off the wall altogether,
 *   because a redacted insult on a screen in front of the team still reads as one.
 * - reply (an employee's public answer): nothing may be hidden on the employee's behalf,
 *   so any personal data or abuse blocks the reply, with reasons that say what to fix.
 */
import { detectEverything, detectPersonalData } from "./detect";
import { redact, stabilise } from "./redact";
import {
  type GuardFinding,
  type GuardKind,
  type GuardPurpose,
  type GuardReason,
  type GuardResult,
  guardKinds,
} from "./types";

type Noun = { da: [one: string, many: string]; en: [one: string, many: string] };

const nouns: Record<GuardKind, Noun> = {
  cpr: { da: ["CPR-nummer", "CPR-numre"], en: ["CPR number", "CPR numbers"] },
  card: { da: ["kortnummer", "kortnumre"], en: ["card number", "card numbers"] },
  iban: { da: ["IBAN-nummer", "IBAN-numre"], en: ["IBAN", "IBANs"] },
  account: {
    da: ["kontonummer", "kontonumre"],
    en: ["bank account number", "bank account numbers"],
  },
  phone: { da: ["telefonnummer", "telefonnumre"], en: ["phone number", "phone numbers"] },
  email: { da: ["e-mailadresse", "e-mailadresser"], en: ["e-mail address", "e-mail addresses"] },
  address: { da: ["adresse", "adresser"], en: ["street address", "street addresses"] },
  abuse: {
    da: ["groft eller krænkende ord", "grove eller krænkende ord"],
    en: ["offensive word", "offensive words"],
  },
};

function reasonFor(
  kind: GuardKind,
  count: number,
  purpose: GuardPurpose,
  isBlocking: boolean,
): GuardReason {
  const form = count === 1 ? 0 : 1;
  const da = `${count} ${nouns[kind].da[form]}`;
  const en = `${count} ${nouns[kind].en[form]}`;
  if (purpose === "reply") {
    return kind === "abuse"
      ? {
          kind,
          count,
          da: `Omformulér ${da}: et offentligt svar skal være venligt og sagligt.`,
          en: `Rephrase ${en}: a public reply must stay friendly and factual.`,
        }
      : {
          kind,
          count,
          da: `Fjern ${da}: personoplysninger må ikke stå i et offentligt svar.`,
          en: `Remove ${en}: personal data must not appear in a public reply.`,
        };
  }
  if (isBlocking) {
    return {
      kind,
      count,
      da: `Kommentaren vises ikke på væggen, fordi den indeholder ${da}.`,
      en: `The comment is not shown on the wall because it contains ${en}.`,
    };
  }
  return {
    kind,
    count,
    da: `${da} er skjult på væggen.`,
    en: `${en} hidden on the wall.`,
  };
}

/** Kinds and counts only, for storing with a response: never the secret itself. */
export function summariseFindings(
  findings: readonly GuardFinding[],
): Partial<Record<GuardKind, number>> {
  const summary: Partial<Record<GuardKind, number>> = {};
  for (const f of findings) summary[f.kind] = (summary[f.kind] ?? 0) + 1;
  return summary;
}

// A character that can be part of a word for the abuse detector.
const wordChar = /[\p{L}\p{M}\p{N}*@$#%!|€_'’]/u;

/**
 * Placeholders of personal data are bracketed words, two or more, that are in neither the
 * abuse lexicon nor its context lists, so in the middle of words they cannot make abuse
 * appear. Two things can: an abuse placeholder (it can shorten a phrase or a spaced-out
 * word to one word), and a placeholder glued to a word ("0101901234lort" becomes
 * "[CPR-nummer skjult]lort", and "lort" is now a word of its own). Only then does the
 * abuse detector, the most expensive one, run again.
 */
function recheckAfter(
  text: string,
  findings: readonly GuardFinding[],
): (text: string) => GuardFinding[] {
  for (const f of findings) {
    if (f.kind === "abuse") return detectEverything;
    if (wordChar.test(text[f.start - 1] ?? "") || wordChar.test(text[f.end] ?? ""))
      return detectEverything;
  }
  return detectPersonalData;
}

/** Checks a text for one purpose: what to show, whether it may be shown, and why. */
export function guardText(text: string, purpose: GuardPurpose): GuardResult {
  const findings = stabilise(text, detectEverything, recheckAfter);
  const isAbuseBlocking = findings.some((f) => f.kind === "abuse" && f.severity !== "low");
  const allowed = purpose === "reply" ? findings.length === 0 : !isAbuseBlocking;
  const summary = summariseFindings(findings);
  const reasons: GuardReason[] = [];
  for (const kind of guardKinds) {
    const count = summary[kind];
    if (count) reasons.push(reasonFor(kind, count, purpose, kind === "abuse" && isAbuseBlocking));
  }
  return { allowed, redacted: redact(text, findings), findings, reasons };
}
