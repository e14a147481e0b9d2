import { describe, expect, it } from "vitest";
import { isLuhnValid } from "./card";
import { findPersonalData } from "./index";

function found(text: string, kind = "card"): string[] {
  return findPersonalData(text)
    .filter((f) => f.kind === kind)
    .map((f) => text.slice(f.start, f.end));
}

describe("findPersonalData: payment card numbers", () => {
  it.each([
    ["Mit kort 4111 1111 1111 1111 blev trukket to gange", "4111 1111 1111 1111"],
    ["kortnr 4111111111111111", "4111111111111111"],
    ["Mastercard 5555-5555-5555-4444 udløber snart", "5555-5555-5555-4444"],
    ["Amex 3782 822463 10005", "3782 822463 10005"],
    ["Visa 13 cifre: 4222222222222", "4222222222222"],
    ["kort 4111 1111 1111 1111 12/25 cvc 123", "4111 1111 1111 1111"],
    ["4111 1111 1111 1111 123 er kort og kontrolcifre", "4111 1111 1111 1111"],
    ["Dankort 5019 7170 1010 3742", "5019 7170 1010 3742"],
  ])("finds %j", (text, card) => {
    expect(found(text)).toEqual([card]);
  });

  it.each([
    ["Fejl i Luhn 4111 1111 1111 1112"],
    ["Nuller 0000 0000 0000 0000"],
    ["Pakkenummer 1234 5678 9012 3456 er ikke kommet"],
    ["For kort 4111 1111 111"],
    ["Mødet 12-05-2023 kl 12:30"],
    ["20 cifre 41111111111111111111"],
  ])("does not flag %j as a card number", (text) => {
    expect(found(text)).toEqual([]);
  });

  it("checks Luhn", () => {
    expect(isLuhnValid("4111111111111111")).toBe(true);
    expect(isLuhnValid("79927398713")).toBe(true);
    expect(isLuhnValid("79927398710")).toBe(false);
  });
});
