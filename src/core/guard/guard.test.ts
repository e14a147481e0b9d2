import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  findAbuse,
  findPersonalData,
  type GuardFinding,
  guardText,
  redact,
  summariseFindings,
} from "./index";
import { resolveOverlaps } from "./resolve";

describe("redact", () => {
  it("replaces each kind with a readable placeholder", () => {
    const text =
      "CPR 010190-1234, tlf 12 34 56 78, mail a.b@c.dk, Vestergade 12, reg. 1234 konto 1234567890, DK50 0040 0440 1162 43, kort 4111 1111 1111 1111";
    expect(redact(text, findPersonalData(text))).toBe(
      "CPR [CPR-nummer skjult], tlf [telefon skjult], mail [e-mail skjult], [adresse skjult], reg. [kontonummer skjult], [IBAN skjult], kort [kortnummer skjult]",
    );
  });

  it("keeps the first letter of mild abuse and hides strong abuse and slurs entirely", () => {
    const text = "Din idiot, fuck dig, perker";
    expect(redact(text, findAbuse(text))).toBe("Din i***, [***], [***]");
  });

  it("merges overlapping and unsorted findings and clamps spans to the text", () => {
    const findings: GuardFinding[] = [
      { kind: "phone", start: 6, end: 12, severity: "medium" },
      { kind: "cpr", start: 4, end: 8, severity: "high" },
      { kind: "email", start: 20, end: 99, severity: "medium" },
    ];
    expect(redact("0123456789abcdefghijklmn", findings)).toBe(
      "0123[CPR-nummer skjult]cdefghij[e-mail skjult]",
    );
  });

  it("returns the text unchanged without findings", () => {
    expect(redact("Tak for hjælpen", [])).toBe("Tak for hjælpen");
  });

  it("is stable when hiding one thing uncovers another", () => {
    // The phone number is glued to the house number; once the address is hidden it is
    // not glued to anything.
    const text = "Vestergade 12 23456789";
    const once = guardText(text, "wall").redacted;
    expect(guardText(once, "wall").redacted).toBe(once);
    expect(once).not.toMatch(/\d{8}/);
  });
});

describe("overlap resolution", () => {
  it("keeps one finding per span, of the most specific kind", () => {
    const resolved = resolveOverlaps([
      { kind: "phone", start: 5, end: 14, severity: "medium" },
      { kind: "iban", start: 0, end: 22, severity: "high" },
      { kind: "abuse", start: 30, end: 35, severity: "low" },
      { kind: "email", start: 28, end: 40, severity: "medium" },
    ]);
    expect(resolved).toEqual([
      { kind: "iban", start: 0, end: 22, severity: "high" },
      { kind: "email", start: 28, end: 40, severity: "medium" },
    ]);
  });

  it("does not depend on the order of the candidates", () => {
    const findingArb = fc.record({
      kind: fc.constantFrom(
        "cpr",
        "phone",
        "email",
        "address",
        "account",
        "iban",
        "card",
        "abuse" as const,
      ),
      start: fc.integer({ min: 0, max: 60 }),
      end: fc.integer({ min: 0, max: 80 }),
      severity: fc.constantFrom("low", "medium", "high" as const),
    });
    fc.assert(
      fc.property(fc.array(findingArb, { maxLength: 12 }), fc.nat(), (findings, seed) => {
        const shuffled = [...findings].sort(
          (a, b) => ((a.start * 31 + seed) % 7) - ((b.start * 31 + seed) % 7),
        );
        expect(resolveOverlaps(shuffled)).toEqual(resolveOverlaps(findings));
      }),
    );
  });
});

describe("guardText: wall", () => {
  it("hides personal data and still shows the comment", () => {
    const result = guardText("Tak til Julie! Ring gerne på 12 34 56 78", "wall");
    expect(result.allowed).toBe(true);
    expect(result.redacted).toBe("Tak til Julie! Ring gerne på [telefon skjult]");
    expect(result.reasons).toEqual([
      {
        kind: "phone",
        count: 1,
        da: "1 telefonnummer er skjult på væggen.",
        en: "1 phone number hidden on the wall.",
      },
    ]);
  });

  it("hides mild abuse and still shows the comment", () => {
    const result = guardText("Jeg følte mig som en idiot, men Julie hjalp mig", "wall");
    expect(result.allowed).toBe(true);
    expect(result.redacted).toBe("Jeg følte mig som en i***, men Julie hjalp mig");
  });

  it("blocks strong abuse and slurs", () => {
    for (const text of ["Fuck dig", "Din kælling", "perker", "pikhoved"]) {
      const result = guardText(text, "wall");
      expect(result.allowed, text).toBe(false);
      expect(result.reasons[0]?.da).toContain("vises ikke på væggen");
    }
  });

  it("allows plain praise untouched", () => {
    const text = "Julie huskede min kones fødselsdag. Fantastisk service, 10 ud af 10!";
    expect(guardText(text, "wall")).toEqual({
      allowed: true,
      redacted: text,
      findings: [],
      reasons: [],
    });
  });
});

describe("guardText: reply", () => {
  it("blocks any personal data and says what to fix in Danish and English", () => {
    const result = guardText(
      "Hej Ole, vi har rettet CPR 010190-1234 og 010190-4321 i sagen",
      "reply",
    );
    expect(result.allowed).toBe(false);
    expect(result.reasons).toEqual([
      {
        kind: "cpr",
        count: 2,
        da: "Fjern 2 CPR-numre: personoplysninger må ikke stå i et offentligt svar.",
        en: "Remove 2 CPR numbers: personal data must not appear in a public reply.",
      },
    ]);
  });

  it("blocks any abuse, even mild", () => {
    const result = guardText("Det var noget lort, undskyld", "reply");
    expect(result.allowed).toBe(false);
    expect(result.reasons.map((r) => r.kind)).toEqual(["abuse"]);
    expect(result.reasons[0]?.en).toBe(
      "Rephrase 1 offensive word: a public reply must stay friendly and factual.",
    );
  });

  it("allows a friendly reply", () => {
    const result = guardText(
      "Tak for de pæne ord! Vi giver rosen videre til Julie. /Mette, Borgerservice",
      "reply",
    );
    expect(result.allowed).toBe(true);
  });

  it("lists reasons per kind, in a fixed order", () => {
    const result = guardText(
      "idiot, ring 12 34 56 78 eller skriv a@b.dk, cpr 010190-1234",
      "reply",
    );
    expect(result.reasons.map((r) => [r.kind, r.count])).toEqual([
      ["cpr", 1],
      ["phone", 1],
      ["email", 1],
      ["abuse", 1],
    ]);
  });
});

describe("guardText: ordinary feedback", () => {
  // Numbers, times, amounts, dates and street-like words that are not personal data.
  it.each([
    ["Jeg ventede 5 minutter og fik mit pas med det samme. 10 ud af 10!"],
    ["Bussen kom kl. 7.45 som den skulle, og chaufføren var sød."],
    ["Jeg har været kunde i 25 år og det var første gang jeg blev så godt behandlet."],
    ["Mødet den 12. maj 2023 var rigtig godt. Tak for kaffe!"],
    ["Ventetiden var 45 min, det er alt for lang tid."],
    ["Jeg betalte 1.250 kr. for et nyt sundhedskort, det er dyrt."],
    ["Det tog 2-3 uger før jeg fik svar på min ansøgning."],
    ["Bygning 3, lokale 2.14 var svær at finde."],
    ["Jeg giver 9/10 fordi parkeringen var svær."],
    ["Toget til Aarhus kl. 14:32 var 12 min forsinket."],
    ["Min søn på 4 år elskede legepladsen ved rådhuset."],
    ["Alle 3 medarbejdere var søde og hjælpsomme."],
    ["Version 2.3.1 af appen virker bedre."],
    ["Åbningstiderne 8-15 passer ikke til folk der arbejder."],
    ["Postnummer 8000 er Aarhus C, det vidste jeg ikke."],
    ["I 2019-2023 har jeg haft 4 sager."],
    ["Han hedder Peter og arbejder på 2. sal."],
    ["Jeg bor i Vejle og kører 30 km hver dag."],
    ["Vi ses på Torvet kl. 12!"],
    ["Pisse godt gået! Helt vildt flot."],
    ["Damn good job, thanks a lot."],
    ["Mine 2 børn går i Børnehaven Solsikken 3 dage om ugen."],
    ["Ring til os på 70 10 20 30, vi sidder klar."],
  ])("%j passes as a reply untouched", (text) => {
    const result = guardText(text, "reply");
    expect(result.findings).toEqual([]);
    expect(result.allowed).toBe(true);
    expect(result.redacted).toBe(text);
  });

  it("reports spans in UTF-16 code units, as String.prototype.slice takes them", () => {
    const text = "😀🎉 Mit CPR: 010190-1234 😀";
    const [finding] = guardText(text, "wall").findings;
    expect(finding && text.slice(finding.start, finding.end)).toBe("010190-1234");
    expect(finding?.start).toBe(14); // two emoji of two code units each, a space, "Mit CPR: "
  });
});

describe("summariseFindings", () => {
  it("counts kinds and never includes the text", () => {
    const text = "ring 12 34 56 78 eller 87 65 43 21, cpr 010190-1234, din idiot";
    const summary = summariseFindings(guardText(text, "wall").findings);
    expect(summary).toEqual({ phone: 2, cpr: 1, abuse: 1 });
    expect(JSON.stringify(summary)).not.toMatch(/\d{4}/);
  });

  it("is empty for no findings", () => {
    expect(summariseFindings([])).toEqual({});
  });
});

// --- Properties over mixed text -----------------------------------------------------------

const pieces = [
  "tak",
  "Julie",
  "var",
  "sød",
  "og",
  "hjælpsom",
  "i",
  "dag",
  "på",
  "borgerservice",
  "kr",
  "12:30",
  "1.234,50",
  "2023",
  "12-05-2023",
  "sag",
  "konto",
  "reg.",
  "nr.",
  "ordre",
  "bor",
  "010190-1234",
  "0101901234",
  "290200-4321",
  "12 34 56 78",
  "12345678",
  "+45",
  "2345",
  "julie@aarhus.dk",
  "a@b",
  "(at)",
  "Vestergade",
  "12B",
  "2. tv.",
  "8000 Aarhus C",
  "Allé",
  "1234-1234567890",
  "DK50 0040 0440 1162 43",
  "4111 1111 1111 1111",
  "4111111111111111",
  "idiot",
  "i d i o t",
  "f*ck",
  "fuck",
  "dig",
  "pisse",
  "godt",
  "lort",
  "kælling",
  "perker",
  "iiidiot",
  "l0rt",
  "[***]",
  "i***",
  "[telefon skjult]",
  "1",
  "-",
  "0",
  "9",
  "a",
  "*",
];
const separators = [" ", " ", " ", "", "-", ", ", "\n", ".", "\u00a0"];
const mixedTextArb = fc
  .array(fc.tuple(fc.constantFrom(...pieces), fc.constantFrom(...separators)), { maxLength: 30 })
  .map((parts) => parts.map(([p, s]) => p + s).join(""));
const anyTextArb = fc.oneof(
  mixedTextArb,
  fc.string({ unit: "binary", maxLength: 200 }),
  fc.string({ unit: fc.constantFrom(..."0123456789 -.,@a*iIdot+()"), maxLength: 200 }),
);

function expectWellFormed(text: string, findings: GuardFinding[]) {
  let previousEnd = 0;
  for (const f of findings) {
    expect(f.start).toBeGreaterThanOrEqual(previousEnd);
    expect(f.end).toBeGreaterThan(f.start);
    expect(f.end).toBeLessThanOrEqual(text.length);
    previousEnd = f.end;
  }
}

describe("guard properties", () => {
  it("returns sorted, non-overlapping spans inside the text", () => {
    fc.assert(
      fc.property(anyTextArb, (text) => {
        expectWellFormed(text, findPersonalData(text));
        expectWellFormed(text, findAbuse(text));
        expectWellFormed(text, guardText(text, "wall").findings);
      }),
      { numRuns: 1000 },
    );
  });

  it("redaction is idempotent", () => {
    fc.assert(
      fc.property(anyTextArb, (text) => {
        const wall = guardText(text, "wall");
        const again = guardText(wall.redacted, "wall");
        expect(again.redacted).toBe(wall.redacted);
        expect(again.findings).toEqual([]);
        const personal = redact(text, findPersonalData(text));
        expect(redact(personal, findPersonalData(personal))).toBe(personal);
        const abuse = redact(text, findAbuse(text));
        expect(redact(abuse, findAbuse(abuse))).toBe(abuse);
      }),
      { numRuns: 1000 },
    );
  });

  it("reply is allowed exactly when nothing is found, and then the text is unchanged", () => {
    fc.assert(
      fc.property(mixedTextArb, (text) => {
        const reply = guardText(text, "reply");
        expect(reply.allowed).toBe(reply.findings.length === 0);
        if (reply.allowed) expect(reply.redacted).toBe(text);
      }),
      { numRuns: 300 },
    );
  });
});
