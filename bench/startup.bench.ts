// Start-up time on an existing database: from spawning `node --import tsx src/cli/main.ts
// serve` to the first 200 from /healthz, median of 5 runs (3 with --quick). The database
// is created (and migrated) by one untimed start first. baseline = the same for a bare
// node:http server started the same way (bench/support/bare-http-server.ts), so
// value - baseline is our own start-up cost; ratio = baseline / value (higher is better,
// at most about 1). On PGlite also times scripts/ensure-web-build.mjs, which `npm start`
// runs first, when it has nothing to build.
import { Cleanup } from "./support/processes";
import { freshDatabase, startBare, startProduct } from "./support/product";
import { median, round } from "./support/stats";
import { timeEnsureWebBuild } from "./support/web-build";
import type { Bench, BenchResult } from "./types";

/** Health polls this often; the figure is quantised to it. */
const POLL_MS = 10;

const bench: Bench = {
  name: "startup",
  async run(ctx): Promise<BenchResult[]> {
    const runs = ctx.quick ? 3 : 5;
    const cleanup = new Cleanup();
    try {
      const database = await freshDatabase(ctx, cleanup);
      const first = await startProduct("anbefal serve (first start)", database, cleanup);
      await first.child.stop();

      const product: number[] = [];
      const stops: number[] = [];
      for (let i = 0; i < runs; i++) {
        const server = await startProduct(`anbefal serve (start ${i + 1})`, database, cleanup, {
          timeoutMs: 60_000,
          intervalMs: POLL_MS,
        });
        product.push(server.startMs);
        const stopAt = performance.now();
        await server.child.stop();
        stops.push(performance.now() - stopAt);
        const code = await server.child.exited;
        if (code !== 0)
          throw new Error(`server exited with ${code} on SIGTERM:\n${server.child.output()}`);
      }

      const bare: number[] = [];
      for (let i = 0; i < runs; i++) {
        const server = await startBare("bare-http-server.ts", {}, cleanup, {
          timeoutMs: 60_000,
          intervalMs: POLL_MS,
        });
        bare.push(server.startMs);
        await server.child.stop();
      }

      const web = ctx.db === "pglite" ? await timeEnsureWebBuild(runs) : undefined;
      const value = median(product);
      const baseline = median(bare);
      return [
        {
          name: "startup",
          db: ctx.db,
          value: round(value, 0),
          unit: "ms",
          baseline: round(baseline, 0),
          ratio: round(baseline / value, 3),
          details: {
            runs,
            runsMs: product.map((ms) => round(ms, 0)).join(" "),
            baselineRunsMs: bare.map((ms) => round(ms, 0)).join(" "),
            ownStartupMs: round(value - baseline, 0),
            stopMedianMs: round(median(stops), 0),
            pollMs: POLL_MS,
            ...(web === undefined
              ? {}
              : typeof web === "string"
                ? { ensureWebBuildMs: web }
                : {
                    ensureWebBuildMs: round(median(web), 0),
                    ensureWebBuildRunsMs: web.map((ms) => round(ms, 0)).join(" "),
                  }),
            target: "<= 3000 ms",
            ratioMeaning: "baseline / value, higher is better",
          },
        },
      ];
    } finally {
      await cleanup.run();
    }
  },
};

export default bench;
