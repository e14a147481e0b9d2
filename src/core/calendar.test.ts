import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, isoWeek, localDate, mondayOf, offsetMinutes, startOfDay } from "./calendar";

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

describe("startOfDay", () => {
  it("is Copenhagen midnight in winter and summer", () => {
    expect(startOfDay("2026-01-15").toISOString()).toBe("2026-01-14T23:00:00.000Z");
    expect(startOfDay("2026-07-15").toISOString()).toBe("2026-07-14T22:00:00.000Z");
    expect(startOfDay("2026-03-29").toISOString()).toBe("2026-03-28T23:00:00.000Z"); // DST starts that night
    expect(startOfDay("2026-10-25").toISOString()).toBe("2026-10-24T22:00:00.000Z"); // DST ends that night
    expect(offsetMinutes(new Date("2026-07-01T12:00:00Z"))).toBe(120);
  });

  it("round-trips with localDate for any day (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 365 * 30 }), (n) => {
        const date = addDays("2010-01-01", n);
        const start = startOfDay(date);
        expect(localDate(start)).toBe(date);
        expect(localDate(new Date(start.getTime() - 1))).toBe(addDays(date, -1));
      }),
    );
  });
});

describe("isoWeek", () => {
  it("labels weeks as the ISO calendar does", () => {
    expect(isoWeek("2026-11-23")).toBe("2026-W48");
    expect(isoWeek("2026-01-01")).toBe("2026-W01"); // a Thursday
    expect(isoWeek("2027-01-01")).toBe("2026-W53"); // a Friday in 2026's last week
    expect(isoWeek("2024-12-30")).toBe("2025-W01");
  });
});
