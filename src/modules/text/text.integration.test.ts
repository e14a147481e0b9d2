import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bearer, createTestApp, type TestApp } from "../../../test/support/app";

let app: TestApp;
let org: Awaited<ReturnType<TestApp["createOrg"]>>;
let julie: string;
let lars: string;

const post = (url: string, payload: object, token = org.token) =>
  app.server.inject({ method: "POST", url, headers: bearer(token), payload });

beforeAll(async () => {
  app = await createTestApp({ ANBEFAL_PUBLIC_RATE_LIMIT: "0" });
  org = await app.createOrg("Tekst Kommune");
  julie = (await post("/api/v1/employees", { name: "Julie Hansen", team: "Borgerservice" })).json()
    .id;
  lars = (await post("/api/v1/employees", { name: "Lars Nielsen", nicknames: ["Lasse"] })).json()
    .id;
});
afterAll(() => app?.cleanup());

describe("POST /api/v1/text/analyze", () => {
  it("returns language, sentiment with evidence and the employees named, with their polarity", async () => {
    const response = await post("/api/v1/text/analyze", {
      text: "Julie var super sød og hjælpsom, men Lars var uhøflig.",
    });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.language).toBe("da");
    expect(["positive", "neutral", "negative"]).toContain(body.sentiment.label);
    expect(body.sentiment.score).toBeGreaterThanOrEqual(-1);
    expect(body.sentiment.score).toBeLessThanOrEqual(1);
    expect(Array.isArray(body.sentiment.evidence)).toBe(true);
    expect(body.employees).toEqual(
      expect.arrayContaining([
        { id: julie, name: "Julie Hansen", sentiment: "positive" },
        { id: lars, name: "Lars Nielsen", sentiment: "negative" },
      ]),
    );
  });

  it("reads negation: 'Det var ikke godt.' is negative", async () => {
    const body = (await post("/api/v1/text/analyze", { text: "Det var ikke godt." })).json();
    expect(body.sentiment.label).toBe("negative");
  });

  it("only names the caller's own employees", async () => {
    const other = await app.createOrg("Anden Tekst");
    const body = (
      await post("/api/v1/text/analyze", { text: "Tak til Julie Hansen!" }, other.token)
    ).json();
    expect(body.employees).toEqual([]);
  });

  it.each([
    [{ text: "" }, /must not be empty/],
    [{ text: "   " }, /must not be empty/],
    [{ text: "ø".repeat(10_240) }, /under 20 kB/],
    [{ text: 42 }, /expected string/],
    [{ text: "hej", language: "de" }, /da|en/],
  ])("rejects %#: 400 naming the field", async (payload, message) => {
    const response = await post("/api/v1/text/analyze", payload);
    expect(response.statusCode).toBe(400);
    expect(response.json().error.message).toMatch(message);
  });

  it("needs a token", async () => {
    const response = await app.server.inject({
      method: "POST",
      url: "/api/v1/text/analyze",
      payload: { text: "hej" },
    });
    expect(response.statusCode).toBe(401);
  });
});

describe("POST /api/v1/text/guard", () => {
  it("finds a CPR number with UTF-16 spans and redacts it", async () => {
    const text = "Hej 😊 mit CPR er 010190-1234.";
    const body = (await post("/api/v1/text/guard", { text, purpose: "reply" })).json();
    expect(body.allowed).toBe(false);
    const cpr = body.findings.find((f: { kind: string }) => f.kind === "cpr");
    expect(text.slice(cpr.start, cpr.end)).toBe("010190-1234");
    expect(body.redacted).not.toContain("010190-1234");
    expect(body.findings[0]).toHaveProperty("severity");
  });

  it("lets a clean text through for the wall", async () => {
    const body = (
      await post("/api/v1/text/guard", { text: "Pisse godt gået, tak!", purpose: "wall" })
    ).json();
    expect(body).toMatchObject({ allowed: true, redacted: "Pisse godt gået, tak!", findings: [] });
  });

  it.each([
    [{ text: "", purpose: "wall" }, "text"],
    [{ text: "x".repeat(20 * 1024), purpose: "wall" }, "text"],
    [{ text: "hej", purpose: "tweet" }, "purpose"],
  ])("rejects %#: 400 naming %s", async (payload, field) => {
    const response = await post("/api/v1/text/guard", payload);
    expect(response.statusCode).toBe(400);
    expect(response.json().error.field).toBe(field);
  });
});

describe("answers carry text insight", () => {
  it("stores language, sentiment, named employees and guard counts; analytics filter by sentiment", async () => {
    const survey = (await post("/api/v1/surveys", { name: "S", language: "da" })).json().id;
    const submit = (payload: object) =>
      app.server.inject({ method: "POST", url: `/api/v1/surveys/${survey}/responses`, payload });
    const praise = (
      await submit({
        score: 10,
        comment: "Julie var fantastisk hjælpsom, tusind tak!",
        consentToDisplay: true,
      })
    ).json().id;
    const complaint = (
      await submit({ score: 2, comment: "Det var slet ikke i orden. Ring til mig på 20304050." })
    ).json().id;
    const [row] = await app.database.query<Record<string, unknown>>(
      "select * from responses where id = $1",
      [praise],
    );
    expect(row).toMatchObject({ language: "da", sentiment: "positive" });
    expect((row?.analysis as { employees: unknown[] } | undefined)?.employees).toEqual([
      { id: julie, name: "Julie Hansen", sentiment: "positive" },
    ]);
    const [bad] = await app.database.query<Record<string, unknown>>(
      "select * from responses where id = $1",
      [complaint],
    );
    expect(bad?.sentiment).toBe("negative");
    expect(bad?.guard).toEqual({ allowedOnWall: true, counts: { phone: 1 } });
    expect(JSON.stringify(bad?.guard)).not.toContain("20304050");

    const negative = (
      await app.server.inject({
        method: "GET",
        url: `/api/v1/nps?surveyId=${survey}&sentiment=negative`,
        headers: bearer(org.token),
      })
    ).json();
    expect(negative.n).toBe(1);
    expect(negative.detractors).toBe(1);
  });

  it("the wall's shout-out uses the employee the comment praises when the link named none", async () => {
    const survey = (await post("/api/v1/surveys", { name: "W", language: "da" })).json().id;
    const wall = (await post("/api/v1/walls", {})).json();
    const token = wall.url.split("/w/")[1];
    await app.server.inject({
      method: "POST",
      url: `/api/v1/surveys/${survey}/responses`,
      payload: { score: 10, comment: "Lasse hjalp mig så godt", consentToDisplay: true },
    });
    const state = (
      await app.server.inject({ method: "GET", url: `/api/walls/${token}/state` })
    ).json();
    expect(state.recent[0]).toMatchObject({ employee: "Lars", comment: "Lasse hjalp mig så godt" });
  });
});

describe("re-analysing stored text", () => {
  it("fills in sentiment, names and guard for every stored comment, reporting progress", async () => {
    const { reanalyseComments } = await import("../../cli/reanalyse");
    const o = await app.createOrg("Genanalyse");
    const survey = await app.services.surveys.create(o.orgId, { name: "G", language: "da" });
    await app.services.orgs.repo.insertEmployee({
      orgId: o.orgId,
      name: "Sofie Berg",
      team: null,
      nicknames: [],
    });
    // Written without analysis, as rows from before a lexicon change would be.
    await app.services.responses.repo.insertMany(
      ["Sofie var virkelig sød", "Det var ikke godt", "Hvornår åbner I?"].map((comment) => ({
        orgId: o.orgId,
        surveyId: survey.id,
        score: 8,
        comment,
      })),
    );
    const progress: Array<[number, number]> = [];
    const done = await reanalyseComments(app.services, {
      orgId: o.orgId,
      batchSize: 2,
      onProgress: (n, t) => progress.push([n, t]),
    });
    expect(done).toBe(3);
    expect(progress).toEqual([
      [0, 3],
      [2, 3],
      [3, 3],
    ]);
    const rows = await app.database.query<{
      comment: string;
      sentiment: string;
      analysis: { employees: Array<{ name: string }> };
    }>("select comment, sentiment, analysis from responses where org_id = $1 order by comment", [
      o.orgId,
    ]);
    expect(rows.map((r) => [r.comment, r.sentiment])).toEqual([
      ["Det var ikke godt", "negative"],
      ["Hvornår åbner I?", "neutral"],
      ["Sofie var virkelig sød", "positive"],
    ]);
    expect(rows[2]?.analysis.employees.map((e) => e.name)).toEqual(["Sofie Berg"]);
  });

  it("with onlyStale, re-analyses only what another version of the analyser wrote", async () => {
    const { reanalyseComments } = await import("../../cli/reanalyse");
    const { TEXT_ANALYSIS_VERSION } = await import("../../core/text");
    const o = await app.createOrg("Forældet");
    const survey = await app.services.surveys.create(o.orgId, { name: "F", language: "da" });
    // Three answers analysed now, one row from before analysis existed.
    for (const comment of ["Super service", "Lang ventetid", "Tak for hjælpen"]) {
      await app.services.responses.submit(survey.id, { score: 9, comment });
    }
    await app.services.responses.repo.insertMany([
      { orgId: o.orgId, surveyId: survey.id, score: 3, comment: "Ingen ringede tilbage" },
    ]);
    const stored = await app.database.query<{ comment: string; version: string | null }>(
      "select comment, analysis->>'version' as version from responses where org_id = $1 order by comment",
      [o.orgId],
    );
    expect(stored.filter((r) => r.version === TEXT_ANALYSIS_VERSION)).toHaveLength(3);
    // One row written by an older analyser.
    await app.database.query(
      `update responses set analysis = jsonb_set(analysis, '{version}', '"old"') where org_id = $1 and comment = 'Lang ventetid'`,
      [o.orgId],
    );
    const progress: Array<[number, number]> = [];
    const done = await reanalyseComments(app.services, {
      orgId: o.orgId,
      onlyStale: true,
      onProgress: (n, t) => progress.push([n, t]),
    });
    expect(done).toBe(2);
    expect(progress.at(-1)).toEqual([2, 2]);
    const after = await app.database.query<{ comment: string; version: string; sentiment: string }>(
      "select comment, analysis->>'version' as version, sentiment from responses where org_id = $1 order by comment",
      [o.orgId],
    );
    expect(after.every((r) => r.version === TEXT_ANALYSIS_VERSION)).toBe(true);
    expect(after.find((r) => r.comment === "Ingen ringede tilbage")?.sentiment).toBe("negative");
    // Nothing is stale now.
    expect(await reanalyseComments(app.services, { orgId: o.orgId, onlyStale: true })).toBe(0);
  });
});
