/**
 * Group commit for the answer hot path. When a newsletter sends thousands of citizens to a
 * survey at once, answers that arrive while the database is busy wait a moment and go in
 * together: one statement, one round trip and one commit for all of them, instead of one
 * each. A caller's promise settles only after its own row is committed, so nothing is
 * acknowledged before it is stored. A lone answer is written at once (after the current
 * turn of the event loop, so that answers arriving in the same turn join it).
 *
 * If a batch fails, its items are retried one by one: one bad row (say, its survey was just
 * deleted) fails only its own request.
 */
export type BatcherOptions = {
  /** Most items in one statement. */
  maxBatch: number;
  /** Most statements in flight at once (PGlite runs one at a time; a pool runs several). */
  maxInFlight: number;
};

export type Batcher<In, Out> = {
  /** Resolves with this item's own result once its batch has committed. */
  submit(item: In): Promise<Out>;
  /** Resolves when everything submitted so far has settled. */
  drain(): Promise<void>;
  /** For tests and metrics: how many batches ran and how many items they held. */
  stats(): { batches: number; items: number; retriedSingly: number };
};

type Pending<In, Out> = {
  item: In;
  resolve: (value: Out) => void;
  reject: (error: unknown) => void;
};

export function createBatcher<In, Out>(
  /** Writes the items and returns one result per item, in the same order. */
  writeMany: (items: In[]) => Promise<Out[]>,
  options: BatcherOptions,
): Batcher<In, Out> {
  const maxBatch = Math.max(1, Math.floor(options.maxBatch));
  const maxInFlight = Math.max(1, Math.floor(options.maxInFlight));
  const queue: Array<Pending<In, Out>> = [];
  let inFlight = 0;
  let scheduled = false;
  let idleWaiters: Array<() => void> = [];
  const counters = { batches: 0, items: 0, retriedSingly: 0 };

  async function writeChecked(items: In[]): Promise<Out[]> {
    const results = await writeMany(items);
    if (results.length !== items.length) {
      throw new Error(`batch write returned ${results.length} results for ${items.length} items`);
    }
    return results;
  }

  function schedule(): void {
    if (scheduled || queue.length === 0 || inFlight >= maxInFlight) return;
    scheduled = true;
    setImmediate(() => {
      scheduled = false;
      while (queue.length > 0 && inFlight < maxInFlight) {
        void run(queue.splice(0, maxBatch));
      }
    });
  }

  async function run(batch: Array<Pending<In, Out>>): Promise<void> {
    inFlight++;
    counters.batches++;
    counters.items += batch.length;
    try {
      const results = await writeChecked(batch.map((p) => p.item));
      for (const [i, p] of batch.entries()) p.resolve(results[i] as Out);
    } catch (error) {
      if (batch.length === 1) {
        (batch[0] as Pending<In, Out>).reject(error);
      } else {
        // Which row was bad is unknown: each goes again on its own, and only it fails.
        counters.retriedSingly += batch.length;
        for (const p of batch) {
          try {
            const [result] = await writeChecked([p.item]);
            p.resolve(result as Out);
          } catch (singleError) {
            p.reject(singleError);
          }
        }
      }
    } finally {
      inFlight--;
      if (queue.length > 0) schedule();
      else if (inFlight === 0) {
        const waiters = idleWaiters;
        idleWaiters = [];
        for (const wake of waiters) wake();
      }
    }
  }

  return {
    submit(item) {
      return new Promise<Out>((resolve, reject) => {
        queue.push({ item, resolve, reject });
        schedule();
      });
    },
    drain() {
      if (queue.length === 0 && inFlight === 0) return Promise.resolve();
      return new Promise<void>((resolve) => idleWaiters.push(resolve));
    },
    stats: () => ({ ...counters }),
  };
}
