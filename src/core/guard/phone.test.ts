import { describe, expect, it } from "vitest";
import { findPersonalData } from "./index";

function found(text: string, kind = "phone"): string[] {
  return findPersonalData(text)
    .filter((f) => f.kind === kind)
    .map((f) => text.slice(f.start, f.end));
}

describe("findPersonalData: phone numbers", () => {
  it.each([
    ["Ring til mig på 12 34 56 78, så tager vi den", "12 34 56 78"],
    ["tlf. 1234 5678 efter kl. 16", "1234 5678"],
    ["mobil: 12345678", "12345678"],
    ["Mit nummer er +45 12 34 56 78.", "+45 12 34 56 78"],
    ["Skriv en sms til +4528910433", "+4528910433"],
    ["Fra udlandet: 0045 12345678", "0045 12345678"],
    ["Kontakt (+45) 1234 5678 hvis det haster", "(+45) 1234 5678"],
    ["Jeg hedder Ole og har nummer 28 91 04 33", "28 91 04 33"],
    ["Ring 2891-0433 i morgen", "2891-0433"],
    ["Jeg ringede til 71 10 20 30 tre gange", "71 10 20 30"],
    ["nummer 12-34-56-78", "12-34-56-78"],
    ["Min mands telefon (40 50 60 70) virker ikke", "40 50 60 70"],
    ["Kontakt mig:\u00a020\u00a030\u00a040\u00a050", "20\u00a030\u00a040\u00a050"],
  ])("finds %j", (text, phone) => {
    expect(found(text)).toEqual([phone]);
  });

  it("finds two numbers in one text", () => {
    expect(found("ring 12 34 56 78 eller 87 65 43 21")).toEqual(["12 34 56 78", "87 65 43 21"]);
  });

  it.each([
    ["Beløbet var 23456789 kr, det er for meget"],
    ["Det koster kr. 23456789 i alt"],
    ["DKK 23 45 67 89 blev trukket"],
    ["Mødet var 25122023 om aftenen"],
    ["I perioden 2019-2023 var det svært"],
    ["Ordrenummer 1234567890 er forsinket"],
    ["Sagsnummer 123456789"],
    ["Kun 1234567 cifre"],
    ["Et nummer der starter med nul: 01234567"],
    ["Klokken 12:34 ringede de"],
    ["Kortet 4111 1111 1111 1111 blev afvist"],
    ["Varenummer SKU12345678"],
    ["Den 12-05-2023 kl. 12.30"],
    ["12 34 56 78 90 12 er ti cifre i par"],
    ["Rabatten er 12345678%"],
    // 70, 80 and 90 numbers are business lines, never a person's own number.
    ["Ring til borgerservice på 70 10 20 30"],
    ["Gratis på +45 80 20 30 40"],
    ["Betalingslinjen 90 12 34 56"],
  ])("does not flag %j as a phone number", (text) => {
    expect(found(text)).toEqual([]);
  });
});
