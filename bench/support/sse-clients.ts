// Many cheap Server-Sent Events clients in one process: plain http.request, one socket
// each, an incremental parser, and for every `response` event only a timestamp recorded
// against the answer id in its data. A timestamp is taken when a chunk reaches our code,
// before it is parsed; the time our event loop spends first on the other streams' chunks is
// part of the figure, for the bare baseline as much as for the product.
import { request } from "node:http";
import { createSseParser } from "./sse-parse";

export type SseClientPool = {
  size: number;
  /** Clients whose stream failed or ended after connecting. */
  lost(): number;
  /** performance.now() at which each client received the `response` event for `id`. */
  arrivals(id: string): number[];
  /** Resolves once `n` clients have the event for `id`, or after `timeoutMs` regardless. */
  waitForArrivals(id: string, n: number, timeoutMs: number): Promise<number[]>;
  forget(id: string): void;
  close(): void;
};

type Waiter = { n: number; resolve: (times: number[]) => void; timer: NodeJS.Timeout };

/**
 * Opens one stream per URL, at most `concurrency` connecting at once (a burst of 1000
 * connects would only measure the listen backlog), and resolves when every client has
 * received its first `stats` event, which both the product and the bare server send once a
 * stream is registered. Rejects, closing what it opened, if one fails or `timeoutMs` passes.
 */
export async function openSseClients(
  urls: string[],
  options: { concurrency: number; timeoutMs: number },
): Promise<SseClientPool> {
  const byId = new Map<string, number[]>();
  const waiters = new Map<string, Waiter>();
  const requests: Array<ReturnType<typeof request>> = [];
  let lost = 0;
  let closing = false;

  const record = (id: string, at: number) => {
    let times = byId.get(id);
    if (!times) {
      times = [];
      byId.set(id, times);
    }
    times.push(at);
    const waiter = waiters.get(id);
    if (waiter && times.length >= waiter.n) {
      clearTimeout(waiter.timer);
      waiters.delete(id);
      waiter.resolve(times);
    }
  };

  const connect = (url: string) =>
    new Promise<void>((resolve, reject) => {
      let ready = false;
      let chunkAt = 0;
      const parse = createSseParser((message) => {
        if (message.event === "response") {
          const id = (JSON.parse(message.data) as { id?: unknown }).id;
          if (typeof id === "string") record(id, chunkAt);
        } else if (message.event === "stats" && !ready) {
          ready = true;
          resolve();
        }
      });
      const req = request(url, {
        method: "GET",
        agent: false,
        headers: { accept: "text/event-stream" },
      });
      requests.push(req);
      req.on("response", (res) => {
        withHeaders++;
        if (res.statusCode !== 200) {
          res.resume();
          reject(new Error(`GET ${url} -> ${res.statusCode}`));
          return;
        }
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => {
          chunkAt = performance.now();
          parse(chunk);
        });
        res.on("close", () => {
          if (!closing) lost++;
          if (!ready) reject(new Error(`stream ${url} closed before its first event`));
        });
      });
      // After connecting, a failure also closes the response, which counts it as lost.
      req.on("error", (error) => {
        if (!ready) reject(error);
      });
      req.end();
    });

  const close = () => {
    closing = true;
    for (const req of requests) req.destroy();
    for (const waiter of waiters.values()) clearTimeout(waiter.timer);
    waiters.clear();
  };

  let next = 0;
  let connected = 0;
  let withHeaders = 0;
  const worker = async () => {
    while (!closing && next < urls.length) {
      await connect(urls[next++] as string);
      connected++;
    }
  };
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      Promise.all(Array.from({ length: Math.min(options.concurrency, urls.length) }, worker)),
      new Promise<never>((_, reject) => {
        timer = setTimeout(
          () =>
            reject(
              new Error(
                `only ${connected} of ${urls.length} SSE clients connected in ${options.timeoutMs} ms ` +
                  `(${withHeaders} had response headers, waiting for their first stats event)`,
              ),
            ),
          options.timeoutMs,
        );
      }),
    ]);
  } catch (error) {
    close();
    throw error;
  } finally {
    clearTimeout(timer);
  }

  return {
    size: urls.length,
    lost: () => lost,
    arrivals: (id) => byId.get(id) ?? [],
    waitForArrivals(id, n, timeoutMs) {
      const times = byId.get(id) ?? [];
      if (times.length >= n) return Promise.resolve(times);
      return new Promise((resolve) => {
        const timer = setTimeout(() => {
          waiters.delete(id);
          resolve(byId.get(id) ?? []);
        }, timeoutMs);
        waiters.set(id, { n, resolve, timer });
      });
    },
    forget: (id) => byId.delete(id),
    close,
  };
}
