import { describe, expect, it } from "vitest";
import { findPersonalData } from "./index";

function found(text: string, kind = "email"): string[] {
  return findPersonalData(text)
    .filter((f) => f.kind === kind)
    .map((f) => text.slice(f.start, f.end));
}

describe("findPersonalData: e-mail addresses", () => {
  it.each([
    ["Skriv til julie.hansen@aarhus.dk, hun ved det", "julie.hansen@aarhus.dk"],
    ["Mail: info@kommune.dk.", "info@kommune.dk"],
    ["peter+test@sub.example.co.uk er min", "peter+test@sub.example.co.uk"],
    ["søren@hjørring.dk har æøå", "søren@hjørring.dk"],
    ["<ole_77@gmail.com>", "ole_77@gmail.com"],
    ["Send det til navn (at) firma.dk tak", "navn (at) firma.dk"],
    ["navn[at]firma[dot]dk", "navn[at]firma[dot]dk"],
    ["kontakt mig på MARIE.Jensen@Skat.DK", "MARIE.Jensen@Skat.DK"],
    ["min mail er anne-mette@post.tele.dk!", "anne-mette@post.tele.dk"],
  ])("finds %j", (text, email) => {
    expect(found(text)).toEqual([email]);
  });

  it.each([
    ["@JulieHansen tak for hjælpen!"],
    ["Mød os @ rådhuset kl. 10"],
    ["a@b er ikke en adresse"],
    ["user@localhost"],
    ["2 @ 3 kr stykket"],
    ["Send en e-mail til os"],
    ["Hvad er det (at) vi skal?"],
    ["@@@@"],
    ["navn@.dk"],
  ])("does not flag %j as an e-mail address", (text) => {
    expect(found(text)).toEqual([]);
  });
});
