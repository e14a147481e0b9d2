import { describe, expect, it } from "vitest";
import { findAbuse, guardText } from "./index";

/** Each finding as "severity:text". */
function found(text: string): string[] {
  return findAbuse(text).map((f) => `${f.severity}:${text.slice(f.start, f.end)}`);
}

describe("findAbuse: the lexicon with inflections", () => {
  it.each([
    ["Du er en idiot", ["low:idiot"]],
    ["I er nogle idioter på kontoret", ["low:idioter"]],
    ["Idioten i skranken gad ikke hjælpe", ["low:Idioten"]],
    ["Sikke en idiotisk regel", ["low:idiotisk"]],
    ["Det er noget lort", ["low:lort"]],
    ["Hvilken lorteservice!", ["low:lorteservice"]],
    ["Pis og papir det hele", ["low:Pis"]],
    ["Sikke et fjols", ["low:fjols"]],
    ["Din taber", ["low:taber"]],
    ["Du er en kæmpeidiot", ["low:kæmpeidiot"]],
    ["Hold kæft hvor var det langsomt", ["low:Hold kæft"]],
    ["Fuck, jeg glemte mit pas", ["low:Fuck"]],
    ["This is bullshit", ["low:bullshit"]],
    ["you loser", ["low:loser"]],
    ["Hvor er det pissedårligt", ["low:pissedårligt"]],
    ["Det er pisse irriterende", ["low:pisse"]],
  ])("mild: %j", (text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  it.each([
    ["Fuck dig", ["medium:Fuck dig"]],
    ["fuck jer allesammen", ["medium:fuck jer"]],
    ["Fuck you and your service", ["medium:Fuck you"]],
    ["Din kælling i skranken", ["medium:kælling"]],
    ["I er nogle røvhuller", ["medium:røvhuller"]],
    ["dumme svin", ["medium:svin"]],
    ["Sikke en møgkælling", ["medium:møgkælling"]],
    ["What an asshole", ["medium:asshole"]],
    ["Jeg slår dig ihjel", ["medium:slår dig ihjel"]],
    ["Din luder", ["medium:luder"]],
  ])("strong: %j", (text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  it.each([
    ["Skrid hjem, perker", ["high:perker"]],
    ["You retard", ["high:retard"]],
  ])("slur: %j", (text, expected) => {
    expect(found(text)).toEqual(expected);
  });
});

describe("findAbuse: disguises", () => {
  it.each([
    ["f*ck det", ["low:f*ck"]],
    ["f**k det", ["low:f**k"]],
    ["f**king service", ["low:f**king"]],
    ["sh*t happens", ["low:sh*t"]],
    ["du er en i d i o t", ["low:i d i o t"]],
    ["f.u.c.k", ["low:f.u.c.k"]],
    ["sikke noget l0rt", ["low:l0rt"]],
    ["sh!t", ["low:sh!t"]],
    ["1diot", ["low:1diot"]],
    ["iiidiot", ["low:iiidiot"]],
    ["IDIOOOOT!!!", ["low:IDIOOOOT"]],
    ["fuuuuck", ["low:fuuuuck"]],
    ["#idiot", ["low:idiot"]],
    ["*idiot*", ["low:idiot"]],
    ["kællllling", ["medium:kællllling"]],
  ])("%j", (text, expected) => {
    expect(found(text)).toEqual(expected);
  });
});

describe("findAbuse: no false hits", () => {
  it.each([
    ["Scunthorpe United vandt"],
    ["Klassen var på tur"],
    ["The assessment was thorough"],
    ["Analysen viste at alt var fint"],
    ["Jeg læser Dickens"],
    ["Politiet fandt en pistol"],
    ["Skipisten var åben"],
    ["Systemet er idiotsikkert"],
    ["Det var et godt seminar"],
    ["Vi har et marsvin og et vildsvin"],
    ["Tag en spade og en rive med"],
    ["Hvis man taber sin pung, så ring"],
    ["Klovnen i cirkus var sjov"],
    ["Aben i zoo spiste en banan"],
    ["Svin og køer på gården"],
    ["Naar jeg kommer hjem"],
    ["Det var en pikant sauce"],
    ["Hello from Amsterdam"],
    ["Shell station, scrap metal, cockpit"],
    ["Vi fik et kvarter tilbage"],
    ["Ordet fag er fint, og fise er et barneord"],
    ["f*** og i*** er allerede censureret"],
    ["Tak for hjælpen, Julie!"],
  ])("%j", (text) => {
    expect(found(text)).toEqual([]);
  });
});

describe("findAbuse: intensifiers as praise", () => {
  it.each([
    ["Det var pisse godt!"],
    ["pissegodt"],
    ["Pisse, pisse godt gået"],
    ["Det var sindssygt godt"],
    ["fucking godt"],
    ["That was fucking amazing"],
    ["skide godt klaret"],
    ["Det var satans flot"],
    ["fucking mega godt"],
    ["damn good service"],
  ])("%j is not abuse", (text) => {
    expect(found(text)).toEqual([]);
  });

  it("never blocks 'pisse godt' on any purpose", () => {
    for (const purpose of ["wall", "reply"] as const) {
      const result = guardText("Det var pisse godt, tak Julie", purpose);
      expect(result.allowed).toBe(true);
      expect(result.redacted).toBe("Det var pisse godt, tak Julie");
    }
  });

  it("an intensifier before something negative is mild", () => {
    expect(found("fucking langsomt")).toEqual(["low:fucking"]);
  });
});
