import { EventEmitter } from "node:events";
import type pg from "pg";
import type { Logger } from "../logger";

/** A message between instances: small JSON, published after the write it describes committed. */
export type BusMessage = { type: string; orgId: string; [key: string]: unknown };

export type Bus = {
  publish(message: BusMessage): void;
  subscribe(handler: (message: BusMessage) => void): () => void;
  /** Resolves when everything published so far has been sent. */
  flush(): Promise<void>;
  close(): Promise<void>;
};

/** One process (PGlite, tests): delivery is a local event, on the next tick. */
export function createLocalBus(): Bus {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  return {
    publish(message) {
      queueMicrotask(() => emitter.emit("message", message));
    },
    subscribe(handler) {
      emitter.on("message", handler);
      return () => emitter.off("message", handler);
    },
    flush: async () => {},
    close: async () => {
      emitter.removeAllListeners();
    },
  };
}

export const NOTIFY_CHANNEL = "anbefal_events";
/** PostgreSQL refuses NOTIFY payloads of 8000 bytes or more; stay clear of it. */
export const MAX_NOTIFY_BYTES = 7900;

/** Packs messages into as few JSON-array payloads as fit under the NOTIFY limit. */
export function packPayloads(messages: BusMessage[], maxBytes = MAX_NOTIFY_BYTES): string[] {
  const payloads: string[] = [];
  let current: string[] = [];
  let size = 2;
  for (const message of messages) {
    const json = JSON.stringify(message);
    const bytes = Buffer.byteLength(json);
    if (bytes + 2 > maxBytes) continue; // callers keep messages small; an oversize one is dropped, not split
    if (current.length && size + bytes + 1 > maxBytes) {
      payloads.push(`[${current.join(",")}]`);
      current = [];
      size = 2;
    }
    current.push(json);
    size += bytes + (current.length > 1 ? 1 : 0);
  }
  if (current.length) payloads.push(`[${current.join(",")}]`);
  return payloads;
}

/**
 * Across instances on PostgreSQL: LISTEN on one dedicated connection; NOTIFY from the pool,
 * outside any transaction (a NOTIFY inside one serialises all commits), batched per tick so
 * a burst of answers costs a few round trips, not one each. Every instance, the sender too,
 * delivers what comes back from the server, so each message reaches each instance once.
 */
export async function createPostgresBus(options: {
  pool: pg.Pool;
  connectionString: string;
  logger: Logger;
}): Promise<Bus> {
  const { default: pgModule } = await import("pg");
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  let pending: BusMessage[] = [];
  let sending: Promise<void> = Promise.resolve();
  let scheduled = false;
  let closed = false;
  let listener: pg.Client | undefined;

  const deliver = (payload: string | undefined) => {
    if (!payload) return;
    try {
      for (const message of JSON.parse(payload) as BusMessage[]) emitter.emit("message", message);
    } catch (error) {
      options.logger.warn({ err: error }, "realtime bus: unreadable payload");
    }
  };

  async function connectListener(): Promise<void> {
    const client = new pgModule.Client({ connectionString: options.connectionString });
    client.on("notification", (n) => deliver(n.payload));
    client.on("error", (error) => {
      options.logger.warn({ err: error }, "realtime bus: LISTEN connection lost; reconnecting");
      if (!closed) setTimeout(() => void connectListener().catch(() => {}), 1000);
    });
    await client.connect();
    await client.query(`LISTEN ${NOTIFY_CHANNEL}`);
    listener = client;
  }
  await connectListener();

  const send = async () => {
    scheduled = false;
    const batch = pending;
    pending = [];
    for (const payload of packPayloads(batch)) {
      try {
        await options.pool.query("select pg_notify($1, $2)", [NOTIFY_CHANNEL, payload]);
      } catch (error) {
        options.logger.error({ err: error }, "realtime bus: NOTIFY failed");
      }
    }
  };

  return {
    publish(message) {
      if (closed) return;
      pending.push(message);
      if (!scheduled) {
        scheduled = true;
        sending = sending.then(
          () => new Promise<void>((resolve) => setImmediate(() => send().then(resolve))),
        );
      }
    },
    subscribe(handler) {
      emitter.on("message", handler);
      return () => emitter.off("message", handler);
    },
    flush: () => sending,
    async close() {
      closed = true;
      await sending;
      emitter.removeAllListeners();
      await listener?.end().catch(() => {});
    },
  };
}
