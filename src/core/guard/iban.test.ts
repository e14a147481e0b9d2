import { describe, expect, it } from "vitest";
import { isValidIban } from "./iban";
import { findPersonalData } from "./index";

function found(text: string, kind = "iban"): string[] {
  return findPersonalData(text)
    .filter((f) => f.kind === kind)
    .map((f) => text.slice(f.start, f.end));
}

describe("findPersonalData: IBANs", () => {
  it.each([
    ["Overfør til DK50 0040 0440 1162 43 tak", "DK50 0040 0440 1162 43"],
    ["IBAN: DK5000400440116243.", "DK5000400440116243"],
    ["dk50 0040 0440 1162 43 skrevet med småt", "dk50 0040 0440 1162 43"],
    ["Min britiske konto GB82 WEST 1234 5698 7654 32", "GB82 WEST 1234 5698 7654 32"],
    ["Tysk: DE89 3704 0044 0532 0130 00", "DE89 3704 0044 0532 0130 00"],
    ["Norsk NO93 8601 1117 947 virker", "NO93 8601 1117 947"],
    ["Svensk SE45 5000 0000 0583 9825 7466", "SE45 5000 0000 0583 9825 7466"],
    ["Hollandsk NL91ABNA0417164300", "NL91ABNA0417164300"],
  ])("finds %j", (text, iban) => {
    expect(found(text)).toEqual([iban]);
  });

  it.each([
    ["Forkert kontrolciffer DK50 0040 0440 1162 44"],
    ["For kort DK50 0040 0440 1162 4"],
    ["For langt DK50 0040 0440 1162 431"],
    ["Ukendt land XX50 0040 0440 1162 43"],
    ["Model DK50 er en bil"],
    ["Varenummer AB12 3456 7890"],
  ])("does not flag %j as an IBAN", (text) => {
    expect(found(text)).toEqual([]);
  });

  it("validates with mod 97", () => {
    expect(isValidIban("DK5000400440116243")).toBe(true);
    expect(isValidIban("DK5100400440116243")).toBe(false);
    expect(isValidIban("GB82WEST12345698765432")).toBe(true);
    expect(isValidIban("GB82WEST1234569876543")).toBe(false);
  });

  it("hides the IBAN, not the phone-like digit groups inside it", () => {
    const findings = findPersonalData("DK50 0040 0440 1162 43");
    expect(findings.map((f) => f.kind)).toEqual(["iban"]);
  });
});
