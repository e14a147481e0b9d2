import type { ServerResponse } from "node:http";
import type { Logger } from "../../platform/logger";
import type { Bus, BusMessage } from "../../platform/realtime/bus";
import type { WallRow } from "./repo";
import { inScope, type ResponseStoredMessage, type WallEvent, type WallsService } from "./service";

/** Heartbeat comments keep proxies and office Wi-Fi boxes from closing idle streams. */
export const HEARTBEAT_MS = 15_000;
/** Stats are recomputed at most this often per wall, whatever the burst. */
export const STATS_DEBOUNCE_MS = 1_000;
/** How many missed promoters a reconnecting wall gets back. */
export const BACKLOG_LIMIT = 200;

type Client = {
  res: ServerResponse;
  /** Until the backlog is written, live events wait here so order holds and nothing is lost. */
  queue: Array<{ seq: number; event: WallEvent }> | null;
  lastSeq: number;
};

type WallConnections = { wall: WallRow; clients: Set<Client>; statsTimer?: NodeJS.Timeout };

export function sseFrame(event: string, data: unknown, id?: number): string {
  return `${id !== undefined ? `id: ${id}\n` : ""}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}

/**
 * The open wall streams of this instance. Every instance runs one and hears every answer
 * through the bus, so a wall sees an answer whichever instance received it.
 */
export function createWallHub(deps: { walls: WallsService; bus: Bus; logger: Logger }) {
  const byWall = new Map<string, WallConnections>();

  const write = (client: Client, frame: string) => {
    if (!client.res.writableEnded) client.res.write(frame);
  };

  const broadcast = (connections: WallConnections, frame: string) => {
    for (const client of connections.clients) write(client, frame);
  };

  function scheduleStats(connections: WallConnections) {
    if (connections.statsTimer) return;
    connections.statsTimer = setTimeout(async () => {
      connections.statsTimer = undefined;
      if (connections.clients.size === 0) return;
      try {
        broadcast(connections, sseFrame("stats", await deps.walls.stats(connections.wall)));
      } catch (error) {
        deps.logger.warn({ err: error }, "wall stats failed");
      }
    }, STATS_DEBOUNCE_MS);
    connections.statsTimer.unref?.();
  }

  function closeWall(wallId: string, frame?: string) {
    const connections = byWall.get(wallId);
    if (!connections) return;
    for (const client of connections.clients) {
      if (frame) write(client, frame);
      client.res.end();
    }
    if (connections.statsTimer) clearTimeout(connections.statsTimer);
    byWall.delete(wallId);
  }

  function onMessage(message: BusMessage) {
    if (message.type === "response.stored") {
      const stored = message as ResponseStoredMessage;
      for (const connections of byWall.values()) {
        if (!inScope(connections.wall, stored)) continue;
        if (stored.event) {
          const item = { seq: stored.seq, event: stored.event };
          for (const client of connections.clients) {
            if (client.queue) client.queue.push(item);
            else if (item.seq > client.lastSeq) {
              client.lastSeq = item.seq;
              write(client, sseFrame("response", item.event, item.seq));
            }
          }
        }
        scheduleStats(connections);
      }
    } else if (message.type === "response.hidden" || message.type === "response.shown") {
      for (const connections of byWall.values()) {
        if (connections.wall.orgId !== message.orgId) continue;
        if (message.type === "response.hidden")
          broadcast(connections, sseFrame("hide", { id: message.responseId }));
        scheduleStats(connections);
      }
    } else if (message.type === "wall.revoked") {
      closeWall(String(message.wallId), sseFrame("revoked", {}));
    } else if (message.type === "wall.changed") {
      const connections = byWall.get(String(message.wallId));
      if (connections) broadcast(connections, sseFrame("changed", {}));
    }
  }

  const unsubscribe = deps.bus.subscribe(onMessage);
  const heartbeat = setInterval(() => {
    for (const connections of byWall.values()) broadcast(connections, ": ping\n\n");
  }, HEARTBEAT_MS);
  heartbeat.unref?.();

  return {
    /** Takes over a hijacked response and streams the wall to it until either side closes. */
    async attach(wall: WallRow, res: ServerResponse, lastEventId: number | null) {
      res.writeHead(200, {
        "content-type": "text/event-stream; charset=utf-8",
        "cache-control": "no-cache, no-transform",
        connection: "keep-alive",
        "x-accel-buffering": "no",
      });
      res.write("retry: 3000\n\n");
      let connections = byWall.get(wall.id);
      if (!connections) {
        connections = { wall, clients: new Set() };
        byWall.set(wall.id, connections);
      }
      const client: Client = {
        res,
        queue: lastEventId !== null ? [] : null,
        lastSeq: lastEventId ?? 0,
      };
      connections.clients.add(client);
      const current = connections;
      res.on("close", () => {
        current.clients.delete(client);
        if (current.clients.size === 0 && byWall.get(wall.id) === current) {
          if (current.statsTimer) clearTimeout(current.statsTimer);
          byWall.delete(wall.id);
        }
      });
      if (client.queue) {
        try {
          for (const item of await deps.walls.backlog(wall, client.lastSeq, BACKLOG_LIMIT)) {
            client.lastSeq = Math.max(client.lastSeq, item.seq);
            write(client, sseFrame("response", item.event, item.seq));
          }
        } catch (error) {
          deps.logger.warn({ err: error }, "wall backlog failed");
        }
        const queued = client.queue.sort((a, b) => a.seq - b.seq);
        client.queue = null;
        for (const item of queued) {
          if (item.seq <= client.lastSeq) continue;
          client.lastSeq = item.seq;
          write(client, sseFrame("response", item.event, item.seq));
        }
      }
      try {
        write(client, sseFrame("stats", await deps.walls.stats(wall)));
      } catch (error) {
        // The next answer's stats event will bring the totals; the stream stays useful.
        deps.logger.warn({ err: error }, "wall stats on connect failed");
      }
    },
    connectionCount: () => [...byWall.values()].reduce((n, c) => n + c.clients.size, 0),
    close() {
      unsubscribe();
      clearInterval(heartbeat);
      for (const wallId of [...byWall.keys()]) closeWall(wallId);
    },
  };
}

export type WallHub = ReturnType<typeof createWallHub>;
