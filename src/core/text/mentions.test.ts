// Table tests for who is named and what the writer thinks of each: the clause around the
// name, pronouns that point back, contrasts between colleagues, and the hard name cases.
import { describe, expect, it } from "vitest";
import { createEmployeeMatcher, type EmployeeRef } from "./index";

const roster: EmployeeRef[] = [
  { id: "julie", name: "Julie Hansen", nicknames: ["Juju"] },
  { id: "lars-n", name: "Lars Nielsen" },
  { id: "lars-bo", name: "Lars Bo Jensen" },
  { id: "bo", name: "Bo Vinter" },
  { id: "zoe", name: "Zoë Müller", nicknames: ["Zoe"] },
  { id: "sofie", name: "Sofie Larsen" },
  { id: "mads", name: "Mads Frost" },
  { id: "kim", name: "Kim Berg" },
  { id: "henrik", name: "Henrik Lund" },
  { id: "anne-marie", name: "Anne-Marie Holm-Petersen" },
  { id: "line", name: "Line Bach" },
  { id: "jc", name: "Jens Christian Møller", nicknames: ["JC"] },
  { id: "tommy", name: "Thomas Kjær", nicknames: ["Tommy"] },
  { id: "rita", name: "Rita Sund" },
  { id: "grace", name: "Grace Kim" },
  { id: "will", name: "Will Turner" },
];
const matcher = createEmployeeMatcher(roster);
const found = (text: string) => matcher.find(text).map((m) => `${m.id}:${m.sentiment}`);

describe("per-person sentiment", () => {
  it.each<[string, string[]]>([
    // pronoun carry-over
    ["Jeg talte med Rita. Hun var fantastisk.", ["rita:positive"]],
    ["Jeg talte med Rita i går. Hun var ikke særlig hjælpsom.", ["rita:negative"]],
    ["I spoke to Rita. She was lovely and explained everything.", ["rita:positive"]],
    [
      "We got our mortgage through Henrik Lund and Anne-Marie Holm-Petersen. They were honest and never pushed us.",
      ["henrik:positive", "anne-marie:positive"],
    ],
    ["Julie og Sofie tog imod os. De var begge super søde.", ["julie:positive", "sofie:positive"]],
    // a short verdict or an opinion-led sentence after the name
    ["Rita lånte mig en lader mens jeg handlede. Sådan!", ["rita:positive"]],
    ["Julie Hansen walked me through it. Kind, calm and quick.", ["julie:positive"]],
    // the name's own clause, not the writer's mood elsewhere in the sentence
    ["I came in confused and Julie Hansen helped me with everything.", ["julie:positive"]],
    ["Sofie var sød, men Lars var totalt uinteresseret", ["sofie:positive"]],
    // names joined by "og" share what follows
    ["JC og Tommy fik styr på vores forsinkede bestilling.", ["jc:positive", "tommy:positive"]],
    [
      "Hverken Julie eller Sofie kunne svare på mit spørgsmål",
      ["julie:negative", "sofie:negative"],
    ],
    // a contrast between two named colleagues
    [
      "Mads Frost var sur og afvisende, men Sofie Larsen fandt varen på lageret til mig.",
      ["mads:negative", "sofie:positive"],
    ],
    [
      "Rita was helpful but Julie Hansen told me the opposite the next day and now my application is rejected.",
      ["rita:positive", "julie:negative"],
    ],
    // a promise is not praise
    [
      "Henrik Lund lovede en bedre rente. Det blev aldrig til noget og nu svarer han ikke.",
      ["henrik:negative"],
    ],
    // neutral mentions stay neutral
    ["Jeg talte med Rita om en reklamation, hun undersøger sagen", ["rita:neutral"]],
    ["Hvad er Julie Hansens mail? Jeg har glemt at skrive den ned", ["julie:neutral"]],
  ])("%s", (text, expected) => {
    expect(found(text)).toEqual(expected);
  });
});

describe("who is named", () => {
  it.each<[string, string[]]>([
    // a first name that is also a nickname of the same person
    ["Zoë fra børnebiblioteket er guld værd", ["zoe:positive"]],
    ["Zoe fra biblioteket sagde at bogen kommer om to uger", ["zoe:neutral"]],
    // first and middle name, and a surname initial, settle a shared first name
    ["Kan varmt anbefale Lars Bo som sagsbehandler.", ["lars-bo:positive"]],
    ["Lars N. var ikke til at tale med, han afbrød mig hele tiden", ["lars-n:negative"]],
    // a bare shared first name refers to the one already named in full
    [
      "Fik forskellige svar af Lars Nielsen og Julie Hansen. Julie havde ret, men Lars burde vide bedre.",
      ["julie:positive", "lars-n:negative"],
    ],
    ["Lars var sød.", []],
    // a lower-case full name whose parts are ordinary words
    ["line bach var sur og afvisende", ["line:negative"]],
    // strangers, places and other people with a colleague's name
    ["Lytter til Kim Larsen i bussen, hvad hører I andre?", []],
    ["My neighbour Mrs Larsen says the library has a free evening, is that true?", []],
    ["Larsens Plads er lukket pga vejarbejde", []],
    ["min bror bor i Lund og siger de har andre regler", []],
    ["Will the office be open on Friday?", []],
    ["Frost på vejene i morgen, regn med forsinkelser", []],
    // a colleague's first name right after another's is a list, not a surname
    ["Tak til Sofie Julie og Rita!", ["sofie:positive", "julie:positive", "rita:positive"]],
  ])("%s", (text, expected) => {
    expect(found(text)).toEqual(expected);
  });
});
