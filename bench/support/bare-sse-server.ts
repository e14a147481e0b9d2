// The wall-latency baseline: a bare node:http Server-Sent Events fan-out with nothing behind
// it. GET /stream opens a stream (and sends one `stats` event, as the product does on
// connect); POST /responses parses the answer, gives it an id and writes a `response` event
// to every open stream before it answers 201 {id}. No database, no bus, no guard.
// Run: BARE_PORT=P node --import tsx bench/support/bare-sse-server.ts
import { randomUUID } from "node:crypto";
import { createServer, type ServerResponse } from "node:http";

const port = Number(process.env.BARE_PORT ?? 0);
const clients = new Set<ServerResponse>();
let seq = 0;

function frame(event: string, data: unknown, id?: number) {
  return `${id !== undefined ? `id: ${id}\n` : ""}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}

const server = createServer((req, res) => {
  if (req.method === "GET" && req.url === "/healthz") {
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify({ status: "ok", clients: clients.size }));
    return;
  }
  if (req.method === "GET" && req.url === "/stream") {
    res.writeHead(200, {
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-cache, no-transform",
      connection: "keep-alive",
    });
    res.write("retry: 3000\n\n");
    clients.add(res);
    res.on("close", () => clients.delete(res));
    res.write(frame("stats", { clients: clients.size }));
    return;
  }
  if (req.method === "POST" && req.url === "/responses") {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      let body: { score?: number; comment?: string; team?: string; touchpoint?: string };
      try {
        body = JSON.parse(Buffer.concat(chunks).toString("utf8"));
      } catch {
        res.writeHead(400).end();
        return;
      }
      const id = randomUUID();
      const event = {
        id,
        score: body.score,
        comment: body.comment,
        team: body.team,
        touchpoint: body.touchpoint,
        at: new Date().toISOString(),
      };
      const text = frame("response", event, ++seq);
      for (const client of clients) if (!client.writableEnded) client.write(text);
      res.writeHead(201, { "content-type": "application/json" });
      res.end(JSON.stringify({ id }));
    });
    return;
  }
  res.writeHead(404).end();
});

const heartbeat = setInterval(() => {
  for (const client of clients) client.write(": ping\n\n");
}, 15_000);
heartbeat.unref();

server.listen(port, "127.0.0.1");

const stop = () => {
  for (const client of clients) client.end();
  server.close();
  server.closeAllConnections();
  process.exit(0);
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
