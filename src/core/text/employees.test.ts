import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createEmployeeMatcher, type EmployeeRef } from "./index";

const roster: EmployeeRef[] = [
  { id: "karin", name: "Karin Holm" },
  { id: "lars-m", name: "Lars Møller" },
  { id: "lars-j", name: "Lars Jensen" },
  { id: "sofie", name: "Sofie Nielsen" },
  { id: "soren", name: "Søren Kjær" },
  { id: "julie", name: "Julie Andersen" },
  { id: "bo", name: "Bo Glad" },
  { id: "anne-marie", name: "Anne-Marie Dahl", nicknames: ["Rie"] },
  { id: "kenneth", name: "Kenneth Skov", nicknames: ["Kenn"] },
  { id: "solveig", name: "Solveig Lind", nicknames: ["Sol"] },
  { id: "rose", name: "Rose Kristensen" },
  { id: "thomas", name: "Thomas Holm" },
  { id: "emma", name: "Emma Clarke" },
  { id: "jim", name: "James Wilson", nicknames: ["Jim"] },
];
const matcher = createEmployeeMatcher(roster);
const found = (text: string) => matcher.find(text).map((m) => `${m.id}:${m.sentiment}`);

describe("createEmployeeMatcher", () => {
  it.each([
    ["Karin var utrolig hjælpsom.", ["karin:positive"]],
    ["karin var sød", ["karin:positive"]],
    ["Karins hjælp var guld værd", ["karin:positive"]],
    ["Julies hjælp var guld værd, tak!!", ["julie:positive"]],
    ["Thanks to Julie's patience!", ["julie:positive"]],
    ["Soren var super flink", ["soren:positive"]],
    ["Tak til Søren Kjær for hjælpen", ["soren:positive"]],
    ["Lars Møller var sur og afvisende.", ["lars-m:negative"]],
    ["Lars Jensen lagde bare på.", ["lars-j:negative"]],
    ["Tak til Rie på tandklinikken!", ["anne-marie:positive"]],
    ["Anne-Marie var fantastisk", ["anne-marie:positive"]],
    ["Kenn er bare den bedste 😄", ["kenneth:positive"]],
    ["Sol fra biblioteket er så sød", ["solveig:positive"]],
    ["Bo var super sød ved min mor", ["bo:positive"]],
    ["Jeg snakkede med Bo om ferieplanen.", ["bo:neutral"]],
    ["Bo Glad i receptionen var rigtig sød.", ["bo:positive"]],
    ["Rose var fantastisk til at hjælpe.", ["rose:positive"]],
    ["Jim went above and beyond.", ["jim:positive"]],
    ["Jeg talte med Emma om min skat.", ["emma:neutral"]],
  ])("%s", (text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  it("gives several people their own polarity", () => {
    expect(found("Sofie var sød, men Lars Møller var sur.")).toEqual([
      "sofie:positive",
      "lars-m:negative",
    ]);
    expect(found("Emma was nice, but Jim was rude and didn't listen.")).toEqual([
      "emma:positive",
      "jim:negative",
    ]);
    expect(found("Tak til Karin og Julie for en super behandling.")).toEqual([
      "karin:positive",
      "julie:positive",
    ]);
  });

  it("does not match ordinary words, shared first names or names inside words", () => {
    expect(found("Jeg er glad for at bo i kommunen.")).toEqual([]);
    expect(found("Glad for hjælpen, og solen skinnede.")).toEqual([]);
    expect(found("Solarsystemet er flot, og solen er varm.")).toEqual([]);
    expect(found("Lars var sød.")).toEqual([]); // two employees are called Lars
    expect(found("Holm var sød.")).toEqual([]); // two employees are called Holm
    expect(found("Jeg vil gerne rose personalet.")).toEqual([]);
    expect(found("Karinsvej 12 er adressen.")).toEqual([]);
  });

  it("keeps one mention per employee, the strongest", () => {
    const mentions = matcher.find("Jeg talte med Karin. Karin var fantastisk!");
    expect(mentions).toHaveLength(1);
    expect(mentions[0]).toMatchObject({ id: "karin", sentiment: "positive" });
  });

  it("borrows the next sentence for a bare vocative or a pronoun", () => {
    expect(found("Karin! Tusind tak for i går.")).toEqual(["karin:positive"]);
    expect(found("Jeg var til møde med Sofie. Hun var super sød.")).toEqual(["sofie:positive"]);
  });

  it("reports character offsets of the name", () => {
    const text = "Stor tak til Søren Kjær!";
    const [mention] = matcher.find(text);
    expect(mention && text.slice(mention.start, mention.end)).toBe("Søren Kjær");
  });

  it("never matches a name inside a longer word", () => {
    const names = ["karin", "julie", "kenneth", "sofie", "emma"];
    fc.assert(
      fc.property(
        fc.constantFrom(...names),
        fc.stringMatching(/^[a-zæøå]{1,6}$/),
        fc.stringMatching(/^[a-zæøå]{1,6}$/),
        fc.boolean(),
        (name, before, after, capital) => {
          const word = `${before}${name}${after}`;
          const text = `Jeg mødte ${capital ? word[0]?.toUpperCase() + word.slice(1) : word} i går.`;
          expect(matcher.find(text)).toEqual([]);
        },
      ),
      { numRuns: 300 },
    );
  });
});
