import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyzeRules } from "./index";

type Case = [text: string, label: "positive" | "neutral" | "negative"];

function expectLabels(cases: Case[], language?: "da" | "en") {
  for (const [text, label] of cases) {
    const result = analyzeRules(text, language);
    expect({ text, label: result.label, evidence: result.evidence }).toMatchObject({ text, label });
  }
}

describe("analyzeRules: Danish", () => {
  it("beats the AFINN baseline on negation", () => {
    expectLabels(
      [
        ["Det var ikke godt.", "negative"],
        ["Ikke særlig hjælpsom medarbejder.", "negative"],
        ["Jeg kan ikke anbefale jer.", "negative"],
        ["Lægen lyttede ikke til mig.", "negative"],
        ["Systemet virker ikke.", "negative"],
        ["Ingen hjælp at hente.", "negative"],
        ["Slet ikke godt nok.", "negative"],
        ["Ikke dårligt.", "positive"],
        ["Ingen problemer overhovedet.", "positive"],
        ["Ingen ventetid, super!", "positive"],
        ["Aldrig oplevet så god service.", "positive"],
        ["Det kunne ikke have været bedre.", "positive"],
        ["Ikke kun venlige, men også hurtige.", "positive"],
      ],
      "da",
    );
  });

  it("weighs the clause after a contrast more", () => {
    expectLabels(
      [
        ["Personalet var venligt, men ventetiden var alt for lang.", "negative"],
        ["Jeg var lidt nervøs, men lægen var rolig og forklarede alt.", "positive"],
        ["Lang kø, men personalet var fantastisk.", "positive"],
        ["Det startede dårligt. Resultatet blev dog rigtig godt.", "positive"],
      ],
      "da",
    );
  });

  it("reads inflection and compounds", () => {
    expectLabels(
      [
        ["Sagsbehandlingstiden er alt for lang.", "negative"],
        ["Ventetiden var kort.", "positive"],
        ["Lang telefonkø igen.", "negative"],
        ["Topservice fra start til slut.", "positive"],
        ["Lortesystem.", "negative"],
        ["Endnu en systemfejl.", "negative"],
        ["Meget brugervenlig hjemmeside.", "positive"],
        ["De hjælpsomme medarbejdere gjorde dagen.", "positive"],
        ["Uhøflige ekspedienter.", "negative"],
      ],
      "da",
    );
  });

  it("knows multi-word expressions and informal Danish", () => {
    expectLabels(
      [
        ["Tusind tak", "positive"],
        ["Tak!", "positive"],
        ["Det er ikke i orden.", "negative"],
        ["Jeg giver op.", "negative"],
        ["Under al kritik.", "negative"],
        ["Helt i top!", "positive"],
        ["Mega fedt", "positive"],
        ["Sygt godt", "positive"],
        ["Pisse godt klaret", "positive"],
        ["Tak for ingenting", "negative"],
        ["Nej tak.", "neutral"],
        ["Spild af tid.", "negative"],
      ],
      "da",
    );
  });

  it("reads emoji, emoticons, capitals and exclamation marks", () => {
    expectLabels([
      ["👍", "positive"],
      ["😡😡", "negative"],
      [":(", "negative"],
      ["Fin service :)", "positive"],
      ["ELENDIG service", "negative"],
    ]);
    const plain = analyzeRules("Det var godt", "da").score;
    const loud = analyzeRules("Det var GODT!!!", "da").score;
    expect(loud).toBeGreaterThan(plain);
    expect(analyzeRules("Det var GODT!!!", "da").evidence.map((e) => e.rule)).toEqual(
      expect.arrayContaining(["lexicon+caps", "exclamation"]),
    );
  });

  it("keeps questions, requests and plain facts neutral", () => {
    expectLabels(
      [
        ["Hvornår åbner borgerservice på mandag?", "neutral"],
        ["Kan I hjælpe mig med at finde blanketten?", "neutral"],
        ["Jeg var inde for at forny mit pas.", "neutral"],
        ["Kan I sende papirerne? På forhånd tak.", "neutral"],
        ["Ok.", "neutral"],
        ["Jeg venter på svar fra kommunen.", "neutral"],
        ["Det tog en halv time.", "neutral"],
      ],
      "da",
    );
  });

  it("hears complaints about waiting and repetition", () => {
    expectLabels(
      [
        ["Jeg har ventet i over en time.", "negative"],
        ["Det tog tre uger at få svar.", "negative"],
        ["Jeg måtte forklare min sag fire gange.", "negative"],
      ],
      "da",
    );
  });

  it("reads sarcasm, errands, 'nobody' and coordinated negation", () => {
    expectLabels(
      [
        ["Tak DSB 🙄", "negative"],
        ["Fedt at bussen bare kører forbi. Igen. 🙄", "negative"],
        ["Jeg kontaktede jer om en vejlampe der er i stykker.", "neutral"],
        ["Ingen tog ansvar for fejlen.", "negative"],
        ["Der var ingen der tog telefonen.", "negative"],
        ["Mangel på respekt og forståelse.", "negative"],
        ["Min klage blev aldrig behandlet.", "negative"],
        ["Vi bliver aldrig skuffede.", "positive"],
        ["Det er ikke acceptabelt.", "negative"],
        ["Hvor lang tid tager det at få et nyt pas?", "neutral"],
      ],
      "da",
    );
    expectLabels(
      [
        ["Nobody could tell me what was going on.", "negative"],
        ["Lack of respect and understanding.", "negative"],
        ["I contacted you about a broken street light.", "neutral"],
        ["The officer was dismissive and didn't take me seriously.", "negative"],
      ],
      "en",
    );
  });

  it("says which words and rules decided", () => {
    const result = analyzeRules("Det var ikke godt.", "da");
    expect(result.evidence).toEqual([{ token: "godt", weight: -2.25, rule: "lexicon+negation" }]);
    const contrast = analyzeRules("Sød, men langsom.", "da");
    expect(contrast.evidence.map((e) => [e.token, e.rule])).toEqual([
      ["Sød", "lexicon+contrast"],
      ["langsom", "lexicon+contrast"],
    ]);
  });
});

describe("analyzeRules: English", () => {
  it("handles negation, contrast and idioms", () => {
    expectLabels(
      [
        ["Terrible experience, nobody helped me", "negative"],
        ["Nobody answers the phone.", "negative"],
        ["I didn't feel listened to.", "negative"],
        ["Not bad at all.", "positive"],
        ["Couldn't be happier.", "positive"],
        ["The staff were friendly, but the wait was way too long.", "negative"],
        ["Top notch service!", "positive"],
        ["Thanks for nothing.", "negative"],
        ["Never again.", "negative"],
        ["Thanks!", "positive"],
        ["When do you open?", "neutral"],
        ["It was as expected.", "neutral"],
        ["I was really impressed.", "positive"],
        ["Slightly slow, but very helpful staff.", "positive"],
      ],
      "en",
    );
  });
});

describe("analyzeRules properties", () => {
  it("never throws and keeps the score in [-1, 1] with a matching sign", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.string({ unit: "grapheme" }),
          fc
            .array(
              fc.constantFrom(
                "ikke",
                "godt",
                "men",
                "😡",
                "!!",
                "?",
                "meget",
                "tak",
                "ALDRIG",
                ",",
              ),
              {
                maxLength: 30,
              },
            )
            .map((words) => words.join(" ")),
        ),
        fc.constantFrom(undefined, "da" as const, "en" as const, "other" as const),
        (text, language) => {
          const result = analyzeRules(text, language);
          expect(result.score).toBeGreaterThanOrEqual(-1);
          expect(result.score).toBeLessThanOrEqual(1);
          if (result.label === "positive") expect(result.score).toBeGreaterThan(0);
          if (result.label === "negative") expect(result.score).toBeLessThan(0);
          for (const e of result.evidence) expect(Number.isFinite(e.weight)).toBe(true);
        },
      ),
      { numRuns: 500 },
    );
  });
});
