import { describe, expect, it } from "vitest";
import { progressLine } from "./reanalyse";

describe("progressLine", () => {
  it("draws the share done", () => {
    expect(progressLine(0, 4, 4)).toBe("[----] 0/4 (0%)");
    expect(progressLine(2, 4, 4)).toBe("[##--] 2/4 (50%)");
    expect(progressLine(4, 4, 4)).toBe("[####] 4/4 (100%)");
    expect(progressLine(0, 0, 4)).toBe("[####] 0/0 (100%)");
  });
});
