import { describe, expect, it } from "vitest";
import { addDays, localDate, mondayOf } from "./calendar";

describe("calendar", () => {
  it("uses the Copenhagen day, across daylight saving", () => {
    expect(localDate(new Date("2026-01-31T23:30:00Z"))).toBe("2026-02-01"); // CET, UTC+1
    expect(localDate(new Date("2026-07-31T22:30:00Z"))).toBe("2026-08-01"); // CEST, UTC+2
    expect(localDate(new Date("2026-07-31T21:30:00Z"))).toBe("2026-07-31");
  });

  it("finds the Monday of the week", () => {
    expect(mondayOf("2026-11-23")).toBe("2026-11-23"); // a Monday
    expect(mondayOf("2026-11-29")).toBe("2026-11-23"); // Sunday belongs to the week before Monday 30th
    expect(mondayOf("2026-11-30")).toBe("2026-11-30");
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
  });
});
