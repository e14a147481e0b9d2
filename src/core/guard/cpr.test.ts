import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cprBirthYear, isValidCprDate } from "./cpr";
import { findPersonalData, guardText, redact } from "./index";

/** The text of every finding of one kind. */
function found(text: string, kind = "cpr"): string[] {
  return findPersonalData(text)
    .filter((f) => f.kind === kind)
    .map((f) => text.slice(f.start, f.end));
}

describe("CPR century rules", () => {
  it.each([
    [90, 0, 1990],
    [90, 3, 1990],
    [10, 4, 2010],
    [36, 4, 2036],
    [37, 4, 1937],
    [36, 9, 2036],
    [37, 9, 1937],
    [57, 5, 2057],
    [58, 5, 1858],
    [0, 8, 2000],
    [99, 8, 1899],
  ])("YY %i with 7th digit %i is %i", (yy, seventh, year) => {
    expect(cprBirthYear(yy, seventh)).toBe(year);
  });

  it("checks that the date exists in that century", () => {
    expect(isValidCprDate(29, 2, 0, 1)).toBe(false); // 1900 was not a leap year
    expect(isValidCprDate(29, 2, 0, 4)).toBe(true); // 2000 was
    expect(isValidCprDate(29, 2, 56, 5)).toBe(true); // 2056
    expect(isValidCprDate(29, 2, 58, 5)).toBe(false); // 1858
    expect(isValidCprDate(31, 4, 90, 1)).toBe(false);
    expect(isValidCprDate(30, 4, 90, 1)).toBe(true);
    expect(isValidCprDate(0, 1, 90, 1)).toBe(false);
    expect(isValidCprDate(1, 13, 90, 1)).toBe(false);
  });
});

describe("findPersonalData: CPR numbers", () => {
  it.each([
    ["Mit CPR-nummer er 010190-1234, kan I finde min sag?", "010190-1234"],
    ["cpr: 311299 1234 (min mor)", "311299 1234"],
    ["Jeg skrev 0101901234 i feltet, men det blev afvist", "0101901234"],
    ["Min søns CPR er 150315-4321.", "150315-4321"],
    ["Født 29. februar: 290200-4321", "290200-4321"],
    ["Oldefars nummer var 010158-5123", "010158-5123"],
    ["CPR:010190-1234", "010190-1234"],
    ["(010190-1234)", "010190-1234"],
    ["010190-1234", "010190-1234"],
    ["Nummeret er 010190\u00a01234 med hårdt mellemrum", "010190\u00a01234"],
    ["Word lavede det om til 010190–1234 med tankestreg", "010190–1234"],
    ["tlf. 23456789 og cpr 010190-1234", "010190-1234"],
    ["Min datter 241224-4871 fik hjælp med det samme af Julie", "241224-4871"],
    ["I sagen står 311207 9876, det er min fars", "311207 9876"],
    ["Ordre nr. 010190-1234 er mit cpr, skrev jeg ved en fejl", "010190-1234"],
    ["Mit sagsnummer er i brevet, mit cpr er 0101901234", "0101901234"],
    ["sag 0101700000 er mit cpr", "0101700000"],
    ["sag: 0101700000", "0101700000"],
  ])("finds %j", (text, cpr) => {
    expect(found(text)).toEqual([cpr]);
  });

  it.each([
    ["Mødet er 12-05-2023 kl. 12:30 på rådhuset"],
    ["Vi ses 12.05.23 i borgerservice"],
    ["Beløbet er 1.234,50 kr inkl. moms"],
    ["Jeg har betalt 120000 kr for taget"],
    ["Det gælder sag 2023-123456 fra jobcentret"],
    ["Jeg har ordre nr. 1234567890 og mangler varen"],
    ["Jeg har ordre nr. 0101901234 og mangler varen"],
    ["Sagsnummer: 1503851234 er stadig ikke afgjort"],
    ["Faktura #3112991234 er betalt"],
    ["My order number 0202021234 never arrived"],
    ["Ring på 12 34 56 78 mellem 9 og 15"],
    ["Det skete i 1990 og igen i 2023"],
    ["320190-1234 har en dag 32"],
    ["011390-1234 har en måned 13"],
    ["290200-1234 er 29. feb. 1900, som ikke fandtes"],
    ["010190-12345 er et ciffer for langt"],
    ["1010190-1234 er et ciffer for langt foran"],
    ["konto 1234-0101901234 er et kontonummer"],
    ["Kl. 08:15-09:30 er der åbent"],
    ["Journalnummer 12345-6789"],
    ["Tidsrummet 2019-2023 var svært"],
  ])("does not flag %j as CPR", (text) => {
    expect(found(text)).toEqual([]);
  });

  it("treats an 8-digit number as a phone and a 10-digit valid date as CPR", () => {
    const text = "Ring 12345678 eller brug 0101901234";
    expect(found(text, "phone")).toEqual(["12345678"]);
    expect(found(text, "cpr")).toEqual(["0101901234"]);
  });
});

// --- Property tests -----------------------------------------------------------------------

const words = [
  "jeg",
  "vil",
  "gerne",
  "sige",
  "tak",
  "for",
  "hjælpen",
  "i",
  "dag",
  "Julie",
  "var",
  "meget",
  "venlig",
  "og",
  "hurtig",
  "borgerservice",
  "kommunen",
  "ventetiden",
  "kort",
  "min",
  "sag",
  "blev",
  "løst",
  "på",
  "fem",
  "minutter",
  "det",
  "er",
  "godt",
  "gået",
  "Aarhus",
  "svar",
  "ansøgning",
  "pas",
  "kørekort",
  "rådhuset",
  "medarbejderen",
  "forklarede",
  "alt",
  "klart",
  "fantastisk",
  "service",
  "med",
  "venlig",
  "hilsen",
  "Søren",
  "Ærø",
  "ønsker",
  "åbent",
];
const numbers = ["12:30", "1.234,50 kr", "2023", "12-05-2023", "100 kr", "3", "12.05.23"];
const punctuation = ["", "", "", ".", ",", "!", "?", ":"];

const textArb = fc
  .array(fc.tuple(fc.constantFrom(...words, ...numbers), fc.constantFrom(...punctuation)), {
    maxLength: 40,
  })
  .map((parts) => parts.map(([w, p]) => w + p));

/** A CPR number with an existing date and a 7th digit consistent with its century. */
const cprArb = fc
  .tuple(
    fc.date({
      min: new Date("1858-01-01T00:00:00Z"),
      max: new Date("2057-12-31T00:00:00Z"),
      noInvalidDate: true,
    }),
    fc.integer({ min: 0, max: 999 }),
    fc.constantFrom("-", " ", "", "\u00a0", "–"),
    fc.nat(),
  )
  .map(([date, serial, separator, pick]) => {
    const year = date.getUTCFullYear();
    const yy = year % 100;
    // Every 7th digit that gives this year under the CPR rules.
    const sevenths = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9].filter((d) => cprBirthYear(yy, d) === year);
    const seventh = sevenths[pick % sevenths.length] ?? 0;
    const two = (n: number) => String(n).padStart(2, "0");
    const digits = `${two(date.getUTCDate())}${two(date.getUTCMonth() + 1)}${two(yy)}${seventh}${String(serial).padStart(3, "0")}`;
    return { digits, written: `${digits.slice(0, 6)}${separator}${digits.slice(6)}` };
  })
  .filter(({ digits }) => digits.length === 10);

describe("CPR properties", () => {
  it("finds a valid CPR number anywhere in Danish text and redaction removes it", () => {
    fc.assert(
      fc.property(textArb, cprArb, fc.nat(), ([...parts], cpr, at) => {
        const index = parts.length === 0 ? 0 : at % (parts.length + 1);
        parts.splice(index, 0, cpr.written);
        const text = parts.join(" ");
        const start = text.indexOf(cpr.written);
        const findings = findPersonalData(text);
        const hit = findings.find((f) => f.start <= start && f.end >= start + cpr.written.length);
        expect(hit?.kind).toBe("cpr");
        const redacted = redact(text, findings);
        expect(redacted.replace(/\D/g, "")).not.toContain(cpr.digits);
        expect(guardText(text, "wall").redacted).not.toMatch(/\d{10}/);
      }),
      { numRuns: 500 },
    );
  });
});
