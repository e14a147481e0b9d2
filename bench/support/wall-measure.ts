// The wall-latency procedure, the same for the product and the bare baseline: open the
// streams, read the servers' memory, then post promoters one at a time and time each from
// the moment its POST is sent to the moment each stream delivers the matching event.
import { Agent, request } from "node:http";
import { promoterBody } from "./answers";
import { rssMb, sleep } from "./processes";
import { openSseClients } from "./sse-clients";
import { type LatencySummary, perThousand, round, summariseLatencies } from "./stats";

export type WallMeasureOptions = {
  /** One URL per client; spread them over several servers for the multi-instance run. */
  streamUrls: string[];
  /** POSTs go to these in turn. */
  postUrls: string[];
  /** Servers whose resident memory is read (summed) before and after connecting. */
  serverPids: number[];
  posts: number;
  warmupPosts: number;
  spacingMs: number;
  /** How long to wait for every client to get one event before counting it missed. */
  eventTimeoutMs: number;
  connectConcurrency: number;
  connectTimeoutMs: number;
  /** Upper bound on the whole posting phase, whatever the servers do. */
  postPhaseTimeoutMs: number;
};

export type WallMeasure = LatencySummary & {
  clients: number;
  posts: number;
  /** (client, event) pairs that never arrived within eventTimeoutMs. */
  missed: number;
  lostStreams: number;
  connectMs: number;
  rssBeforeMb: number;
  rssAfterConnectMb: number;
  rssAfterEventsMb: number;
  rssPer1000ConnectionsMb: number;
};

/** POSTs JSON; resolves with the id of the 201 body. */
function postAnswer(postAgent: Agent, url: string, body: unknown): Promise<string> {
  const json = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: "POST",
        agent: postAgent,
        timeout: 30_000,
        headers: { "content-type": "application/json", "content-length": Buffer.byteLength(json) },
      },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => {
          text += chunk;
        });
        res.on("end", () => {
          if (res.statusCode !== 201) {
            reject(new Error(`POST ${url} -> ${res.statusCode}: ${text.slice(0, 300)}`));
            return;
          }
          try {
            resolve((JSON.parse(text) as { id: string }).id);
          } catch (error) {
            reject(error);
          }
        });
      },
    );
    req.on("timeout", () => req.destroy(new Error(`POST ${url} timed out`)));
    req.on("error", reject);
    req.end(json);
  });
}

const totalRss = (pids: number[]) => pids.reduce((sum, pid) => sum + rssMb(pid), 0);

export async function measureWall(options: WallMeasureOptions): Promise<WallMeasure> {
  const clients = options.streamUrls.length;
  const rssBeforeMb = totalRss(options.serverPids);
  const connectStart = performance.now();
  const pool = await openSseClients(options.streamUrls, {
    concurrency: options.connectConcurrency,
    timeoutMs: options.connectTimeoutMs,
  });
  const postAgent = new Agent({ keepAlive: true, maxSockets: 4 });
  try {
    const connectMs = performance.now() - connectStart;
    await sleep(500);
    const rssAfterConnectMb = totalRss(options.serverPids);

    const latencies: number[] = [];
    let missed = 0;
    const total = options.warmupPosts + options.posts;
    const phaseDeadline = performance.now() + options.postPhaseTimeoutMs;
    for (let i = 0; i < total; i++) {
      if (performance.now() > phaseDeadline) {
        throw new Error(
          `only ${i} of ${total} wall posts done in ${options.postPhaseTimeoutMs} ms`,
        );
      }
      const url = options.postUrls[i % options.postUrls.length] as string;
      const sentAt = performance.now();
      const id = await postAnswer(postAgent, url, promoterBody(i));
      const times = await pool.waitForArrivals(id, clients, options.eventTimeoutMs);
      if (i >= options.warmupPosts) {
        for (const at of times) latencies.push(at - sentAt);
        missed += Math.max(0, clients - times.length);
      }
      pool.forget(id);
      await sleep(options.spacingMs);
    }
    const rssAfterEventsMb = totalRss(options.serverPids);
    if (latencies.length === 0) throw new Error(`no wall event reached any of ${clients} clients`);
    return {
      ...summariseLatencies(latencies),
      clients,
      posts: options.posts,
      missed,
      lostStreams: pool.lost(),
      connectMs: round(connectMs, 0),
      rssBeforeMb: round(rssBeforeMb),
      rssAfterConnectMb: round(rssAfterConnectMb),
      rssAfterEventsMb: round(rssAfterEventsMb),
      rssPer1000ConnectionsMb: round(perThousand(rssBeforeMb, rssAfterConnectMb, clients)),
    };
  } finally {
    pool.close();
    postAgent.destroy();
  }
}
