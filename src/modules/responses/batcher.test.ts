import { describe, expect, it } from "vitest";
import { createBatcher } from "./batcher";

/** A writer whose calls are recorded and released by hand, like a slow database. */
function controlledWriter(fail?: (item: number) => boolean) {
  const calls: number[][] = [];
  const releases: Array<() => void> = [];
  const writeMany = (items: number[]) => {
    calls.push([...items]);
    return new Promise<string[]>((resolve, reject) => {
      releases.push(() => {
        if (fail && items.some(fail)) reject(new Error(`bad item in ${items.join(",")}`));
        else resolve(items.map((i) => `row-${i}`));
      });
    });
  };
  /** Lets every write finish, including those the finished ones start, over a few turns. */
  const releaseAll = async () => {
    for (let turn = 0; turn < 10; turn++) {
      while (releases.length > 0) releases.shift()?.();
      await new Promise((r) => setImmediate(r));
    }
  };
  return { calls, writeMany, releaseAll };
}

const tick = () => new Promise((r) => setImmediate(r));

describe("group commit batcher", () => {
  it("writes items that arrive while a batch is in flight together, each getting its own result", async () => {
    const w = controlledWriter();
    const batcher = createBatcher(w.writeMany, { maxBatch: 100, maxInFlight: 1 });
    const first = batcher.submit(1);
    await tick();
    expect(w.calls).toEqual([[1]]);
    const rest = [2, 3, 4, 5].map((i) => batcher.submit(i));
    await tick();
    // One statement is in flight; the next four wait for it and then go as one.
    expect(w.calls).toEqual([[1]]);
    await w.releaseAll();
    await w.releaseAll();
    expect(await first).toBe("row-1");
    expect(await Promise.all(rest)).toEqual(["row-2", "row-3", "row-4", "row-5"]);
    expect(w.calls).toEqual([[1], [2, 3, 4, 5]]);
    expect(batcher.stats()).toMatchObject({ batches: 2, items: 5 });
  });

  it("does not settle a caller before its batch's write has finished", async () => {
    const w = controlledWriter();
    const batcher = createBatcher(w.writeMany, { maxBatch: 10, maxInFlight: 1 });
    let settled = false;
    const pending = batcher.submit(7).then(() => {
      settled = true;
    });
    await tick();
    await tick();
    expect(settled).toBe(false);
    await w.releaseAll();
    await pending;
    expect(settled).toBe(true);
  });

  it("caps a batch at maxBatch items and runs up to maxInFlight batches at once", async () => {
    const w = controlledWriter();
    const batcher = createBatcher(w.writeMany, { maxBatch: 3, maxInFlight: 2 });
    const all = Array.from({ length: 8 }, (_, i) => batcher.submit(i));
    await tick();
    expect(w.calls).toEqual([
      [0, 1, 2],
      [3, 4, 5],
    ]);
    await w.releaseAll();
    await w.releaseAll();
    expect(await Promise.all(all)).toEqual(all.map((_, i) => `row-${i}`));
    expect(w.calls.flat()).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(Math.max(...w.calls.map((c) => c.length))).toBe(3);
  });

  it("fails only the bad item when a batch fails: the others are retried one by one", async () => {
    const w = controlledWriter((item) => item === 13);
    const batcher = createBatcher(w.writeMany, { maxBatch: 10, maxInFlight: 1 });
    const results = [11, 12, 13, 14].map((i) =>
      batcher.submit(i).then(
        (value) => ({ ok: true, value }),
        (error: Error) => ({ ok: false, value: error.message }),
      ),
    );
    for (let i = 0; i < 6; i++) {
      await tick();
      await w.releaseAll();
    }
    expect(await Promise.all(results)).toEqual([
      { ok: true, value: "row-11" },
      { ok: true, value: "row-12" },
      { ok: false, value: "bad item in 13" },
      { ok: true, value: "row-14" },
    ]);
    expect(batcher.stats().retriedSingly).toBe(4);
  });

  it("rejects every caller when the writer returns the wrong number of results", async () => {
    const batcher = createBatcher(async (items: number[]) => items.slice(1), {
      maxBatch: 10,
      maxInFlight: 1,
    });
    const outcomes = await Promise.allSettled([batcher.submit(1), batcher.submit(2)]);
    expect(outcomes.every((o) => o.status === "rejected")).toBe(true);
  });

  it("drain waits for everything submitted so far", async () => {
    const w = controlledWriter();
    const batcher = createBatcher(w.writeMany, { maxBatch: 2, maxInFlight: 1 });
    const done: number[] = [];
    for (const i of [1, 2, 3]) void batcher.submit(i).then(() => done.push(i));
    let drained = false;
    const draining = batcher.drain().then(() => {
      drained = true;
    });
    await tick();
    expect(drained).toBe(false);
    for (let i = 0; i < 4; i++) await w.releaseAll();
    await draining;
    expect(done.sort()).toEqual([1, 2, 3]);
    await batcher.drain();
  });
});
