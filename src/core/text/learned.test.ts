// The learned layer beside the rules (classifier.ts, features.ts, model/): what it adds,
// what it must never do, and that the shipped model was trained only on sets that may be
// trained on.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ruleOutputFingerprint, TEXT_SETS } from "../../../scripts/text-sets";
import { CLASSES, loadModel, predictProbabilities, train } from "./classifier";
import { analyzeDocument } from "./document";
import { mentionWordFeatures, wordFeatures } from "./features";
import { analyzeRules, analyzeSentiment, analyzeText, createEmployeeMatcher } from "./index";
import {
  COMBINER_MODEL,
  MENTION_MODEL,
  MENTION_WORD_MODEL,
  RULES_FINGERPRINT,
  WORD_MODEL,
} from "./model/sentiment-model";

describe("analyzeSentiment with the learned layer", () => {
  it("keeps the issue's examples right", () => {
    expect(analyzeSentiment("Det var ikke godt.").label).toBe("negative");
    expect(analyzeSentiment("Terrible experience, nobody helped me").label).toBe("negative");
    expect(analyzeSentiment("Tusind tak for hjælpen!").label).toBe("positive");
    expect(analyzeSentiment("Hvornår åbner borgerservice?").label).toBe("neutral");
  });

  it("reads stories the rules find no opinion word in", () => {
    const kind = "Hun sad med mig en hel time og gik papirerne igennem";
    expect(analyzeRules(kind).label).toBe("neutral");
    expect(analyzeSentiment(kind).label).toBe("positive");
    const slow = "Svaret kom efter 5 uger";
    expect(analyzeRules(slow).label).toBe("neutral");
    expect(analyzeSentiment(slow).label).toBe("negative");
  });

  it("lets a rating the rules agree with stand", () => {
    for (const text of ["10/10", "5 stjerner", "9 ud af 10 herfra"]) {
      expect(analyzeSentiment(text).label).toBe("positive");
    }
    expect(analyzeSentiment("1 stjerne").label).toBe("negative");
  });

  it("shows the rules' evidence, then learned words that are not function words", () => {
    const result = analyzeSentiment("Det var ikke godt.", "da");
    expect(result.evidence[0]).toEqual({ token: "godt", weight: -2.25, rule: "lexicon+negation" });
    const learned = result.evidence.filter((e) => e.rule === "learned");
    expect(learned.length).toBeGreaterThan(0);
    for (const e of learned) {
      expect(e.weight).toBeLessThan(0);
      expect(["det", "var", "det var"]).not.toContain(e.token);
      expect(e.token).not.toMatch(/[<>]/);
    }
  });

  it("scores nothing in a text without words", () => {
    expect(analyzeSentiment("...")).toEqual({ label: "neutral", score: 0, evidence: [] });
    expect(analyzeSentiment("")).toMatchObject({ label: "neutral", score: 0 });
  });

  it("keeps the score in [-1, 1], its sign with the label, and the same answer twice", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 200 }), (text) => {
        const a = analyzeSentiment(text);
        expect(Math.abs(a.score)).toBeLessThanOrEqual(1);
        if (a.label === "positive") expect(a.score).toBeGreaterThan(0);
        if (a.label === "negative") expect(a.score).toBeLessThan(0);
        expect(analyzeSentiment(text)).toEqual(a);
      }),
      { numRuns: 300 },
    );
  });
});

describe("mentions with the learned layer", () => {
  const matcher = createEmployeeMatcher([
    { id: "e1", name: "Sofie Nielsen" },
    { id: "e2", name: "Lars Møller" },
  ]);

  it("keeps two people with opposite verdicts apart", () => {
    const insight = analyzeText("Sofie var sød, men Lars var sur og gad ikke hjælpe.", { matcher });
    expect(insight.employees).toEqual([
      { id: "e1", name: "Sofie Nielsen", sentiment: "positive" },
      { id: "e2", name: "Lars Møller", sentiment: "negative" },
    ]);
  });

  it("sees the person as a placeholder, never as the name", () => {
    const analysed = analyzeDocument("Tak til Sofie Nielsen og Lars", { matcher });
    const mention = analysed.mentions.find((m) => m.id === "e1");
    expect(mention).toBeDefined();
    const own = mentionWordFeatures(
      analysed.doc,
      analysed.names,
      mention?.start ?? -1,
      analysed.language,
    );
    expect(own.keys).toContain("b:til <navn>");
    expect(own.keys).toContain("w:<anden>");
    const doc = wordFeatures(analysed.doc, analysed.language, analysed.names);
    for (const key of [...own.keys, ...doc.keys]) expect(key).not.toMatch(/sofie|nielsen|lars/);
  });
});

describe("the shipped model", () => {
  it("was trained on what the rules say today (else: npm run train:text)", () => {
    expect(ruleOutputFingerprint()).toBe(RULES_FINGERPRINT);
  });

  it("was trained on no held-out set", () => {
    const heldOut = TEXT_SETS.filter((s) => s.heldOut).map((s) => s.name);
    expect(heldOut.length).toBeGreaterThan(0);
    for (const model of [WORD_MODEL, MENTION_WORD_MODEL, COMBINER_MODEL, MENTION_MODEL]) {
      expect(model.trainedOn.length).toBeGreaterThan(0);
      for (const name of model.trainedOn) expect(heldOut).not.toContain(name);
    }
  });
});

describe("train", () => {
  it("learns a separable toy problem, deterministically", () => {
    const examples = Array.from({ length: 60 }, (_, i) => {
      const label = i % 3;
      return {
        features: { keys: ["bias", `word${label}`, `noise${i % 7}`], values: [1, 1, 1] },
        label,
      };
    });
    const weights = train(examples, { l2: 0.001, epochs: 200, minCount: 1 });
    expect(train(examples, { l2: 0.001, epochs: 200, minCount: 1 })).toEqual(weights);
    const model = loadModel({ trainedOn: ["toy"], l2: 0.001, weights });
    for (const label of [0, 1, 2]) {
      const p = predictProbabilities(model, { keys: ["bias", `word${label}`], values: [1, 1] });
      expect(p.indexOf(Math.max(...p))).toBe(label);
      expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
    }
    expect(CLASSES).toEqual(["positive", "neutral", "negative"]);
  });
});

describe("word features", () => {
  it("marks the words a negator reaches, up to punctuation", () => {
    const analysed = analyzeDocument("Hun var ikke hjælpsom. Hjælpsom var han", {});
    const { keys } = wordFeatures(analysed.doc, analysed.language, analysed.names);
    expect(keys).toContain("w:¬hjælpsom");
    expect(keys).toContain("w:hjælpsom");
    const english = analyzeDocument("The driver wasn't helpful at all", {});
    expect(wordFeatures(english.doc, english.language).keys).toContain("w:¬helpful");
  });
});
