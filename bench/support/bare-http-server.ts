// The start-up baseline: the smallest node:http server, started the same way as the product
// (`node --import tsx`), so the difference between the two is our own start-up cost.
// Run: BARE_PORT=P node --import tsx bench/support/bare-http-server.ts
import { createServer } from "node:http";

const server = createServer((req, res) => {
  res.writeHead(req.url === "/healthz" ? 200 : 404, { "content-type": "application/json" });
  res.end('{"status":"ok"}');
});
server.listen(Number(process.env.BARE_PORT ?? 0), "127.0.0.1");

const stop = () => {
  server.close();
  server.closeAllConnections();
  process.exit(0);
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
