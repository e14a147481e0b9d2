// The `anbefal` command: serve, org create, token create. Output meant for scripts
// (slug, token) is the last line; everything else goes before it.
import { parseArgs } from "node:util";
import { ConfigError, loadConfig } from "../platform/config";
import { DatabaseLockedError, startEmbedded } from "../platform/db/embedded";
import { AppError } from "../platform/errors";

// Only light modules above: the app itself is imported per command, so that `serve` can
// start the embedded database before it (start-up, docs/benchmarks.md).
const loadApp = () => import("../app");

const usage = `anbefal: NPS, the happy-customer wall and social replies

  anbefal serve [--port N] [--data-dir DIR] [--demo] [--no-simulator]
  anbefal org create --name NAME --admin-email EMAIL --admin-password PASSWORD [--admin-name NAME]
  anbefal token create --org SLUG [--name NAME]
  anbefal text reanalyse [--org SLUG] [--stale]
                                         re-run sentiment, names and the guard on stored
                                         comments (--stale: only those another version of
                                         the analyser wrote)

Uses DATABASE_URL (PostgreSQL) or ANBEFAL_DATA_DIR (embedded database, default ./data).`;

async function main(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      port: { type: "string" },
      "data-dir": { type: "string" },
      demo: { type: "boolean", default: false },
      "no-simulator": { type: "boolean", default: false },
      name: { type: "string" },
      "admin-email": { type: "string" },
      "admin-password": { type: "string" },
      "admin-name": { type: "string" },
      org: { type: "string" },
      stale: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  const [command, sub] = positionals;
  if (values.help || !command) {
    console.log(usage);
    return;
  }
  const config = loadConfig(process.env, {
    ...(values.port ? { port: Number(values.port) } : {}),
    ...(values["data-dir"] ? { dataDir: values["data-dir"] } : {}),
  });

  if (command === "serve") {
    // PGlite boots (WASM compile, database start-up) while the app's modules load.
    const embedded = config.databaseUrl ? undefined : startEmbedded(config.dataDir);
    try {
      const { serve } = await import("./serve");
      await serve(config, { demo: values.demo, simulator: !values["no-simulator"] }, embedded);
    } catch (error) {
      if (embedded) {
        await embedded.ready.then((pglite) => pglite.close()).catch(() => {});
        embedded.release();
      }
      throw error;
    }
    return;
  }

  if (command === "org" && sub === "create") {
    const name = values.name;
    const email = values["admin-email"];
    const password = values["admin-password"];
    if (!name || !email || !password)
      throw new UsageError("org create needs --name, --admin-email and --admin-password");
    if (password.length < 10)
      throw new UsageError("--admin-password must be at least 10 characters");
    const { createServices, openMigratedDatabase } = await loadApp();
    const database = await openMigratedDatabase(config);
    try {
      const { orgs } = createServices(database, config);
      const { organisation } = await orgs.createOrganisation({
        organisationName: name,
        adminName: values["admin-name"] ?? email.split("@")[0] ?? email,
        adminEmail: email,
        adminPassword: password,
      });
      console.log(`Created organisation "${organisation.name}" with admin ${email.toLowerCase()}`);
      console.log(organisation.slug);
    } finally {
      await database.close();
    }
    return;
  }

  if (command === "token" && sub === "create") {
    if (!values.org) throw new UsageError("token create needs --org SLUG");
    const { createServices, openMigratedDatabase } = await loadApp();
    const database = await openMigratedDatabase(config);
    try {
      const { orgs } = createServices(database, config);
      const org = await orgs.organisationBySlug(values.org);
      if (!org) throw new UsageError(`No organisation with slug "${values.org}"`);
      const { token } = await orgs.createApiToken(org.id, values.name ?? "CLI token");
      console.log(`Admin API token for ${org.name} (shown once; store it safely):`);
      console.log(token);
    } finally {
      await database.close();
    }
    return;
  }

  if (command === "text" && (sub === "reanalyse" || sub === "reanalyze")) {
    const { createServices, openMigratedDatabase } = await loadApp();
    const database = await openMigratedDatabase(config);
    try {
      const services = createServices(database, config);
      let orgId: string | undefined;
      if (values.org) {
        const org = await services.orgs.organisationBySlug(values.org);
        if (!org) throw new UsageError(`No organisation with slug "${values.org}"`);
        orgId = org.id;
      }
      const { progressLine, reanalyseComments } = await import("./reanalyse");
      const interactive = process.stderr.isTTY;
      const done = await reanalyseComments(services, {
        orgId,
        onlyStale: values.stale,
        onProgress: (n, total) =>
          process.stderr.write(
            interactive ? `\r${progressLine(n, total)}` : `${progressLine(n, total)}\n`,
          ),
      });
      if (interactive) process.stderr.write("\n");
      console.log(`Re-analysed ${done} comments`);
    } finally {
      await database.close();
    }
    return;
  }

  throw new UsageError(`Unknown command: ${positionals.join(" ")}\n\n${usage}`);
}

class UsageError extends Error {}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (
    error instanceof UsageError ||
    error instanceof ConfigError ||
    error instanceof DatabaseLockedError ||
    error instanceof AppError
  ) {
    console.error(`anbefal: ${error.message}`);
  } else {
    console.error(error);
  }
  process.exit(1);
});
