import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type BusMessage, createLocalBus, MAX_NOTIFY_BYTES, packPayloads } from "./bus";

describe("packPayloads", () => {
  it("keeps every message, in order, in payloads under the NOTIFY limit (property)", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            type: fc.constant("t"),
            orgId: fc.uuid(),
            text: fc.string({ maxLength: 900 }),
          }),
          { maxLength: 60 },
        ),
        (messages) => {
          const payloads = packPayloads(messages as BusMessage[]);
          for (const p of payloads)
            expect(Buffer.byteLength(p)).toBeLessThanOrEqual(MAX_NOTIFY_BYTES);
          expect(payloads.flatMap((p) => JSON.parse(p))).toEqual(messages);
        },
      ),
    );
  });

  it("counts bytes, not characters (Danish letters are two bytes)", () => {
    const message = { type: "t", orgId: "o", text: "æ".repeat(3000) };
    const payloads = packPayloads([message, message], 7000);
    expect(payloads).toHaveLength(2);
  });
});

describe("local bus", () => {
  it("delivers to every subscriber until it unsubscribes", async () => {
    const bus = createLocalBus();
    const seen: string[] = [];
    const off = bus.subscribe((m) => seen.push(`a:${m.type}`));
    bus.subscribe((m) => seen.push(`b:${m.type}`));
    bus.publish({ type: "one", orgId: "x" });
    await new Promise((r) => setTimeout(r, 0));
    off();
    bus.publish({ type: "two", orgId: "x" });
    await new Promise((r) => setTimeout(r, 0));
    expect(seen).toEqual(["a:one", "b:one", "b:two"]);
  });
});
