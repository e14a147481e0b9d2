/**
 * Runs the detectors. Each returns raw candidates; `stabilise` resolves overlaps and makes
 * sure redacting them does not uncover more.
 */
import { detectAbuse } from "./abuse";
import { detectAccounts } from "./account";
import { detectAddresses } from "./address";
import { detectCards } from "./card";
import { detectCpr } from "./cpr";
import { detectEmails } from "./email";
import { detectIbans } from "./iban";
import { detectPhones } from "./phone";
import type { GuardFinding } from "./types";

const digit = /\d/;

export function detectPersonalData(text: string): GuardFinding[] {
  // Everything but e-mail needs a digit; most feedback has none, so this one scan saves
  // six.
  if (!digit.test(text)) return detectEmails(text);
  return [
    ...detectEmails(text),
    ...detectIbans(text),
    ...detectCards(text),
    ...detectAccounts(text),
    ...detectCpr(text),
    ...detectPhones(text),
    ...detectAddresses(text),
  ];
}

export function detectEverything(text: string): GuardFinding[] {
  return [...detectPersonalData(text), ...detectAbuse(text)];
}
