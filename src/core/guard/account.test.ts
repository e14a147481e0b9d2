import { describe, expect, it } from "vitest";
import { findPersonalData } from "./index";

function found(text: string, kind = "account"): string[] {
  return findPersonalData(text)
    .filter((f) => f.kind === kind)
    .map((f) => text.slice(f.start, f.end));
}

describe("findPersonalData: bank account numbers", () => {
  it.each([
    ["Pengene skal på reg. 1234 konto 1234567890 tak", "1234 konto 1234567890"],
    ["Reg.nr. 1234, kontonr. 1234567890", "1234, kontonr. 1234567890"],
    ["registreringsnummer 1234 og kontonummer 12345678", "1234 og kontonummer 12345678"],
    ["regnr 5678 kontonr 0001234567", "5678 kontonr 0001234567"],
    ["kontonr. 1234-1234567890 i Danske Bank", "1234-1234567890"],
    ["konto: 1234 1234567890", "1234 1234567890"],
    ["Mit kontonummer er 1234567890", "1234567890"],
    ["Overfør til 1234-1234567890 senest fredag", "1234-1234567890"],
    ["reg 2191 - 1234567", "2191 - 1234567"],
  ])("finds %j", (text, account) => {
    expect(found(text)).toEqual([account]);
  });

  it.each([
    ["Det gælder sag 2023-123456"],
    ["sagsnr. 2023-1234567 i forvaltningen"],
    ["Ordre 2023-1234567 er ikke leveret"],
    ["Faktura nr. 2024-0012345"],
    ["Ring 1234-5678"],
    ["Mødet er 2023-12-05"],
    ["Min bank har reg. 1234 i Aarhus"],
    ["Konto for fritidsaktiviteter er lukket"],
  ])("does not flag %j as an account number", (text) => {
    expect(found(text)).toEqual([]);
  });
});
