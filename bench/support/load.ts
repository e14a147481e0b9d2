// A typed, minimal wrapper around autocannon (which ships no types) for POST load tests.
import type { EventEmitter } from "node:events";
import { createRequire } from "node:module";
import { percentile } from "./stats";

type AutocannonResult = {
  errors: number;
  timeouts: number;
  non2xx: number;
  "2xx": number;
  statusCodeStats: Record<string, { count: number }>;
};
type AutocannonClient = { setRequests(requests: AutocannonRequest[]): void };
type AutocannonRequest = {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: string;
};
type AutocannonOptions = {
  url: string;
  connections: number;
  duration: number;
  pipelining?: number;
  timeout?: number;
  requests: AutocannonRequest[];
  setupClient?: (client: AutocannonClient) => void;
};
type AutocannonInstance = EventEmitter & PromiseLike<AutocannonResult> & { stop(): void };
type Autocannon = (options: AutocannonOptions) => AutocannonInstance;

const autocannon = createRequire(import.meta.url)("autocannon") as Autocannon;

export type LoadResult = {
  /** 2xx responses per second within the measured window. */
  okPerSecond: number;
  /** 2xx responses within the measured window. */
  ok: number;
  /** 2xx responses over the whole run, warm-up included. */
  okTotal: number;
  /** Over the whole run, warm-up included. */
  non2xx: number;
  errors: number;
  timeouts: number;
  windowS: number;
  /** Latency of the 2xx responses completed within the window, ms. */
  p50: number;
  p99: number;
  /** From the start until every connection had its first answer; NaN if that never came. */
  rampMs: number;
  statusCodes: string;
};

/** How long past the warm-up we wait for every connection to get its first answer. */
export const RAMP_CAP_S = 30;

/**
 * POSTs `bodies` (JSON) to `path` on `origin` over `connections` keep-alive connections and
 * measures `durationS` seconds of it, in one continuous run: the window opens once
 * `warmupS` have passed and every connection has had an answer (so it measures the steady
 * state on warm connections, not their opening; at most RAMP_CAP_S later regardless), and
 * closes `durationS` later. Every connection cycles through all bodies from its own offset,
 * so at any moment the server sees a mix of answers.
 */
export async function postLoad(options: {
  origin: string;
  path: string;
  bodies: unknown[];
  connections: number;
  warmupS: number;
  durationS: number;
}): Promise<LoadResult> {
  const requests: AutocannonRequest[] = options.bodies.map((body) => ({
    method: "POST",
    path: options.path,
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  }));
  let nextClient = 0;
  const started = performance.now();
  const warmupEnd = started + options.warmupS * 1000;
  let windowStart = Number.POSITIVE_INFINITY;
  let windowEnd = Number.POSITIVE_INFINITY;
  let rampMs = Number.NaN;
  const active = new Set<unknown>();
  const latencies: number[] = [];
  let okTotal = 0;
  const instance = autocannon({
    url: options.origin,
    connections: options.connections,
    // An upper bound only: the run is stopped when the window closes.
    duration: options.warmupS + RAMP_CAP_S + options.durationS + 5,
    pipelining: 1,
    timeout: 10,
    requests,
    setupClient: (client) => {
      const offset = (nextClient++ * 7) % requests.length;
      // Copies: autocannon caches the encoded request on each object it is given.
      const rotated = [...requests.slice(offset), ...requests.slice(0, offset)];
      client.setRequests(rotated.map((request) => ({ ...request })));
    },
  });
  let stopTimer: NodeJS.Timeout | undefined;
  const openWindow = (at: number) => {
    if (windowStart !== Number.POSITIVE_INFINITY) return;
    windowStart = at;
    stopTimer = setTimeout(() => {
      windowEnd = performance.now();
      instance.stop();
    }, options.durationS * 1000);
  };
  const capTimer = setTimeout(
    () => openWindow(performance.now()),
    (options.warmupS + RAMP_CAP_S) * 1000,
  );
  instance.on("response", (client: unknown, status: number, _bytes: number, ms: number) => {
    const now = performance.now();
    if (active.size < options.connections) {
      active.add(client);
      if (active.size === options.connections) rampMs = now - started;
    }
    if (active.size === options.connections && now >= warmupEnd) openWindow(now);
    if (status < 200 || status > 299) return;
    okTotal++;
    if (now >= windowStart && now <= windowEnd) latencies.push(ms);
  });
  let result: AutocannonResult;
  try {
    result = await instance;
  } finally {
    clearTimeout(capTimer);
    clearTimeout(stopTimer);
  }
  if (windowEnd === Number.POSITIVE_INFINITY) windowEnd = performance.now();
  const windowS = Math.max(0.001, (windowEnd - windowStart) / 1000);
  return {
    okPerSecond: latencies.length / windowS,
    ok: latencies.length,
    okTotal,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    windowS,
    p50: latencies.length ? percentile(latencies, 50) : Number.NaN,
    p99: latencies.length ? percentile(latencies, 99) : Number.NaN,
    rampMs,
    statusCodes: Object.entries(result.statusCodeStats)
      .map(([code, { count }]) => `${code}:${count}`)
      .join(" "),
  };
}
