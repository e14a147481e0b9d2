import type { AddressInfo } from "node:net";
import { createApp, publicUrlOf } from "../app";
import type { Config } from "../platform/config";
import type { EmbeddedStart } from "../platform/db/embedded";

export type ServeOptions = { demo: boolean; simulator: boolean };

/** Runs the server until SIGINT/SIGTERM, then drains and closes the database cleanly. */
export async function serve(
  config: Config,
  options: ServeOptions,
  embedded?: EmbeddedStart,
): Promise<void> {
  const app = await createApp({ config, embedded });
  let stopSimulator: (() => void) | undefined;
  if (options.demo) {
    const { seedDemo, startSimulator } = await import("../demo");
    const login = await seedDemo(app.services, app.database);
    app.logger.info(
      `Demo organisation ready. Sign in at ${publicUrlOf(config)}/login as ${login.email} / ${login.password}`,
    );
    if (options.simulator) stopSimulator = startSimulator(app.services, login.orgId, app.logger);
  }
  await app.server.listen({ port: config.port, host: config.host });
  app.warmUp().catch((error) => app.logger.error({ err: error }, "loading sign-in failed"));
  const address = app.server.server.address() as AddressInfo;
  app.logger.info(
    `anbefal is listening on port ${address.port} (${app.database.kind} database); open ${publicUrlOf(config)}`,
  );

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.logger.info(`${signal}: shutting down`);
    stopSimulator?.();
    await app.close();
    process.exit(0);
  };
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));
}
