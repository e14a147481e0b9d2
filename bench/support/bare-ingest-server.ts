// The ingest baseline: the least a server can do and still store an answer. Bare node:http,
// JSON.parse, one parameterised INSERT into the product's own `responses` table through the
// same driver (PGlite in BARE_DATA_DIR, or a `pg` pool of BARE_POOL_SIZE on DATABASE_URL),
// 201 {id} once it is stored. No validation library, no text analysis, no wall, no logging.
// Run: BARE_PORT=P BARE_DATA_DIR=DIR node --import tsx bench/support/bare-ingest-server.ts
// The database must already be migrated and hold an organisation (`anbefal org create`).
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";

type Rows = Array<Record<string, unknown>>;
type Query = (sql: string, params?: unknown[]) => Promise<Rows>;

const port = Number(process.env.BARE_PORT ?? 0);
const databaseUrl = process.env.DATABASE_URL;
const dataDir = process.env.BARE_DATA_DIR;
const BODY_LIMIT = 256 * 1024;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

let query: Query;
let closeDatabase: () => Promise<void>;
if (databaseUrl) {
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: Number(process.env.BARE_POOL_SIZE ?? 10),
  });
  pool.on("error", () => {});
  query = async (sql, params) => (await pool.query(sql, params)).rows;
  closeDatabase = () => pool.end();
} else {
  if (!dataDir) throw new Error("set BARE_DATA_DIR or DATABASE_URL");
  const db = new PGlite(join(dataDir, "pgdata"));
  await db.waitReady;
  query = async (sql, params) => (await db.query<Record<string, unknown>>(sql, params)).rows;
  closeDatabase = () => db.close();
}

// A survey of our own in the organisation the CLI created, so foreign keys hold.
const [survey] = await query(
  `insert into surveys (org_id, name, language, questions)
   select id, 'Bare baseline', 'da', '{}'::jsonb from organisations order by created_at limit 1
   returning id`,
);
if (!survey) throw new Error("no organisation: run `anbefal org create` on this database first");
const surveyId = String(survey.id);

// The organisation and language come from the survey row, in the same statement, so a
// wrong survey id inserts nothing (404) and the answer costs one round trip.
const INSERT = `insert into responses
  (org_id, survey_id, score, comment, consent_to_display, team, touchpoint, channel, language)
  select s.org_id, s.id, $2, $3, $4, $5, $6, 'link', s.language
  from surveys s where s.id = $1 and s.closed_at is null
  returning id`;

function send(res: ServerResponse, status: number, body: unknown) {
  const json = JSON.stringify(body);
  res.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(json),
  });
  res.end(json);
}

function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > BODY_LIMIT) {
        resolve(null);
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

const text = (value: unknown) =>
  typeof value === "string" && value.trim() ? value.trim().slice(0, 5000) : null;

async function submit(req: IncomingMessage, res: ServerResponse, id: string) {
  const raw = await readBody(req);
  if (raw === null) return send(res, 413, { error: "too large" });
  let body: Record<string, unknown>;
  try {
    body = JSON.parse(raw);
  } catch {
    return send(res, 400, { error: "invalid JSON" });
  }
  const score = body.score;
  if (typeof score !== "number" || !Number.isInteger(score) || score < 0 || score > 10) {
    return send(res, 400, { error: "score" });
  }
  if (!UUID.test(id)) return send(res, 404, { error: "survey" });
  const comment = text(body.comment);
  const [row] = await query(INSERT, [
    id,
    score,
    comment,
    Boolean(comment && body.consentToDisplay === true),
    text(body.team),
    text(body.touchpoint),
  ]);
  if (!row) return send(res, 404, { error: "survey" });
  send(res, 201, { id: row.id });
}

const responsesPath = /^\/api\/v1\/surveys\/([^/?]+)\/responses$/;

const server = createServer((req, res) => {
  const url = req.url ?? "/";
  const match = req.method === "POST" ? responsesPath.exec(url) : null;
  const handle = match
    ? submit(req, res, match[1] as string)
    : req.method === "GET" && url === "/healthz"
      ? Promise.resolve(send(res, 200, { status: "ok", surveyId }))
      : req.method === "GET" && url === "/count"
        ? query("select count(*)::int as n from responses where survey_id = $1", [surveyId]).then(
            ([row]) => send(res, 200, { n: row?.n ?? 0 }),
          )
        : Promise.resolve(send(res, 404, { error: "not found" }));
  handle.catch((error: unknown) => {
    console.error(error);
    if (!res.headersSent) send(res, 500, { error: "internal" });
    else res.destroy();
  });
});

server.listen(port, "127.0.0.1");

const stop = () => {
  server.close();
  server.closeAllConnections();
  void closeDatabase().finally(() => process.exit(0));
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
