import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyzeText, createEmployeeMatcher } from "./index";

const matcher = createEmployeeMatcher([
  { id: "e1", name: "Sofie Nielsen" },
  { id: "e2", name: "Lars Møller" },
  { id: "e7", name: "Bo Glad" },
  { id: "e22", name: "Rose Kristensen" },
]);

describe("analyzeText", () => {
  it("returns language, sentiment and employees together", () => {
    const insight = analyzeText("Sofie var sød, men Lars var sur og gad ikke hjælpe.", { matcher });
    expect(insight.language).toBe("da");
    expect(insight.sentiment.label).toBe("negative");
    expect(insight.employees).toEqual([
      { id: "e1", name: "Sofie Nielsen", sentiment: "positive" },
      { id: "e2", name: "Lars Møller", sentiment: "negative" },
    ]);
  });

  it("does not score a matched name as a sentiment word", () => {
    const insight = analyzeText("Bo Glad tog imod min ansøgning.", { matcher });
    expect(insight.sentiment.label).toBe("neutral");
    expect(insight.employees).toEqual([{ id: "e7", name: "Bo Glad", sentiment: "neutral" }]);
    expect(analyzeText("Rose Kristensen ekspederede mig.", { matcher }).sentiment.label).toBe(
      "neutral",
    );
  });

  it("honours a given language and works without a matcher", () => {
    const insight = analyzeText("Great", { language: "en" });
    expect(insight).toMatchObject({ language: "en", employees: [] });
    expect(insight.sentiment.label).toBe("positive");
  });

  it("accepts a matcher not built by createEmployeeMatcher", () => {
    const custom = {
      find: () => [{ id: "x", name: "X", sentiment: "positive" as const, start: 0, end: 1 }],
    };
    expect(analyzeText("X var god", { matcher: custom }).employees).toEqual([
      { id: "x", name: "X", sentiment: "positive" },
    ]);
  });

  it("never throws on arbitrary input", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 300 }), (text) => {
        const insight = analyzeText(text, { matcher });
        expect(["da", "en", "other"]).toContain(insight.language);
        expect(Math.abs(insight.sentiment.score)).toBeLessThanOrEqual(1);
        for (const e of insight.employees) expect(["e1", "e2", "e7", "e22"]).toContain(e.id);
      }),
      { numRuns: 300 },
    );
  });
});
