import { describe, expect, it } from "vitest";
import { answerBodies, promoterBody } from "./support/answers";
import { createSseParser, type SseMessage } from "./support/sse-parse";
import { median, percentile, perThousand, summariseLatencies } from "./support/stats";

describe("percentile (nearest rank)", () => {
  const hundred = Array.from({ length: 100 }, (_, i) => i + 1);

  it("is a sample, never an interpolation", () => {
    expect(percentile(hundred, 50)).toBe(50);
    expect(percentile(hundred, 99)).toBe(99);
    expect(percentile(hundred, 100)).toBe(100);
    expect(percentile(hundred, 0)).toBe(1);
    expect(percentile([1, 2, 3, 4], 50)).toBe(2);
    expect(percentile([1, 2, 3, 4], 51)).toBe(3);
  });

  it("does not depend on input order and does not reorder its input", () => {
    const shuffled = [7, 1, 9, 3, 5];
    expect(percentile(shuffled, 50)).toBe(5);
    expect(percentile(shuffled, 99)).toBe(9);
    expect(shuffled).toEqual([7, 1, 9, 3, 5]);
  });

  it("p99 of 1000 pairs ignores the 10 slowest", () => {
    const values = [
      ...Array.from({ length: 990 }, () => 10),
      ...Array.from({ length: 10 }, () => 500),
    ];
    expect(percentile(values, 99)).toBe(10);
    expect(percentile([...values, 500], 99)).toBe(500);
  });

  it("refuses nonsense", () => {
    expect(() => percentile([], 50)).toThrow();
    expect(() => percentile([1], 101)).toThrow();
    expect(() => percentile([1], Number.NaN)).toThrow();
  });
});

describe("median and summaries", () => {
  it("takes the middle, or the mean of the two middle values", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(() => median([])).toThrow();
  });

  it("summarises latencies", () => {
    expect(summariseLatencies([5, 1, 3])).toEqual({ count: 3, p50: 3, p99: 5, max: 5 });
  });

  it("scales memory growth to 1000 connections", () => {
    expect(perThousand(100, 130, 200)).toBe(150);
    expect(perThousand(100, 90, 1000)).toBe(-10);
    expect(() => perThousand(1, 2, 0)).toThrow();
  });
});

describe("SSE parser", () => {
  const collect = () => {
    const messages: SseMessage[] = [];
    return { messages, feed: createSseParser((m) => messages.push(m)) };
  };

  it("reassembles events split across chunks and skips comments and retry", () => {
    const { messages, feed } = collect();
    const stream =
      'retry: 3000\n\n: ping\n\nid: 7\nevent: response\ndata: {"id":"a","score":10}\n\nevent: stats\ndata: {}\n\n';
    for (let i = 0; i < stream.length; i += 5) feed(stream.slice(i, i + 5));
    expect(messages).toEqual([
      { event: "response", data: '{"id":"a","score":10}', id: "7" },
      { event: "stats", data: "{}" },
    ]);
  });

  it("joins multi-line data, defaults the event name and reads CRLF", () => {
    const { messages, feed } = collect();
    feed("data: one\r\ndata: two\r\n\r\nevent: x\n");
    feed("data:no-space\n\n");
    expect(messages).toEqual([
      { event: "message", data: "one\ntwo" },
      { event: "x", data: "no-space" },
    ]);
  });

  it("keeps an unfinished event until its blank line arrives", () => {
    const { messages, feed } = collect();
    feed("event: response\ndata: {}\n");
    expect(messages).toEqual([]);
    feed("\n");
    expect(messages).toHaveLength(1);
  });
});

describe("answer bodies", () => {
  it("cycle through every score with comments, consent and context", () => {
    const bodies = answerBodies(44);
    expect(new Set(bodies.map((b) => b.score))).toEqual(
      new Set([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]),
    );
    expect(bodies.filter((b) => b.comment).length).toBe(33);
    expect(bodies.some((b) => b.consentToDisplay)).toBe(true);
    expect(bodies.every((b) => b.team && b.touchpoint)).toBe(true);
  });

  it("wall posts are promoters with a comment to show", () => {
    for (let i = 0; i < 12; i++) {
      const body = promoterBody(i);
      expect(body.score).toBeGreaterThanOrEqual(9);
      expect(body.comment).toBeTruthy();
      expect(body.consentToDisplay).toBe(true);
    }
  });
});
