import { readdir, readFile } from "node:fs/promises";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { build } from "vite";

const root = new URL("../..", import.meta.url).pathname;

export type BundleSize = { js: number; jsGzip: number; css: number; cssGzip: number };

/**
 * Builds one entry of web/vite.config.ts (e.g. "survey" from web/survey.html) into its own
 * directory, so a page's tests neither race other builds of web/dist nor depend on the
 * other entries, and returns what it ships.
 */
export async function buildWebEntry(entry: string, outDir: string): Promise<BundleSize> {
  await build({
    configFile: join(root, "web/vite.config.ts"),
    logLevel: "warn",
    build: { outDir, emptyOutDir: true },
    plugins: [
      {
        name: `${entry}-entry-only`,
        enforce: "post",
        config(config) {
          config.build ??= {};
          config.build.rollupOptions = {
            ...config.build.rollupOptions,
            input: { [entry]: join(root, `web/${entry}.html`) },
          };
        },
      },
    ],
  });
  const size: BundleSize = { js: 0, jsGzip: 0, css: 0, cssGzip: 0 };
  for (const name of await readdir(join(outDir, "assets"))) {
    const kind = name.endsWith(".js") ? "js" : name.endsWith(".css") ? "css" : null;
    if (!kind) continue;
    const file = await readFile(join(outDir, "assets", name));
    size[kind] += file.length;
    size[`${kind}Gzip`] += gzipSync(file, { level: 9 }).length;
  }
  return size;
}

/** A local HTTP server for a page under test and its fake API; a handler error is a 500. */
export async function startFakeServer(
  handle: (req: IncomingMessage, res: ServerResponse) => Promise<void>,
): Promise<{ server: Server; baseUrl: string; close(): Promise<void> }> {
  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      res.writeHead(500);
      res.end(String(error));
    });
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  return {
    server,
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}
