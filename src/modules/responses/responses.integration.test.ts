import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bearer, createTestApp, type TestApp } from "../../../test/support/app";

let app: TestApp;
let org: Awaited<ReturnType<TestApp["createOrg"]>>;
let surveyId: string;

const submit = (payload: unknown, id = surveyId, headers: Record<string, string> = {}) =>
  app.server.inject({
    method: "POST",
    url: `/api/v1/surveys/${id}/responses`,
    payload: payload as object,
    headers,
  });
const countRows = async () =>
  (await app.database.query<{ n: number }>("select count(*)::int as n from responses"))[0]?.n ?? 0;

beforeAll(async () => {
  app = await createTestApp({ ANBEFAL_PUBLIC_RATE_LIMIT: "0" });
  org = await app.createOrg("Svar Kommune");
  const created = await app.server.inject({
    method: "POST",
    url: "/api/v1/surveys",
    headers: bearer(org.token),
    payload: { name: "Borgerservice", language: "da", askName: true },
  });
  surveyId = created.json().id;
});
afterAll(() => app?.cleanup());

describe("POST /api/v1/surveys/{id}/responses", () => {
  it("stores an answer with its context and returns 201 {id}", async () => {
    const response = await submit({
      score: 10,
      comment: "Julie var fantastisk",
      consentToDisplay: true,
      name: "Karen",
      team: "Borgerservice",
      touchpoint: "Skranken",
      employee: "Julie Hansen",
      channel: "kiosk",
      language: "da",
    });
    expect(response.statusCode).toBe(201);
    const { id } = response.json();
    const [row] = await app.database.query<Record<string, unknown>>(
      "select * from responses where id = $1",
      [id],
    );
    expect(row).toMatchObject({
      score: 10,
      comment: "Julie var fantastisk",
      consent_to_display: true,
      respondent_name: "Karen",
      team: "Borgerservice",
      touchpoint: "Skranken",
      employee: "Julie Hansen",
      channel: "kiosk",
      org_id: org.orgId,
    });
  });

  it("keeps consent only when there is a comment to show", async () => {
    const { id } = (await submit({ score: 9, consentToDisplay: true })).json();
    const [row] = await app.database.query<{ consent_to_display: boolean }>(
      "select consent_to_display from responses where id = $1",
      [id],
    );
    expect(row?.consent_to_display).toBe(false);
  });

  it.each([
    [{ score: 11 }, "score", /10 or less/],
    [{ score: -1 }, "score", /0 or more/],
    [{ score: "7" }, "score", /expected number, received string/],
    [{ score: 12.5 }, "score", /whole number/],
    [{}, "score", /expected number/],
    [{ score: 5, comment: "x".repeat(100_000) }, "comment", /at most 5000/],
    [{ score: 5, consentToDisplay: "yes" }, "consentToDisplay", /boolean/],
    [{ score: 5, channel: "fax" }, "channel", /link/],
    [{ score: 5, hacker: true }, "", /hacker|Unrecognized/],
  ])("rejects %j with a 400 naming the field", async (payload, field, message) => {
    const before = await countRows();
    const response = await submit(payload);
    expect(response.statusCode).toBe(400);
    const { error } = response.json();
    expect(error.code).toBe("invalid");
    if (field) expect(error.field).toBe(field);
    expect(error.message).toMatch(message);
    expect(await countRows()).toBe(before);
  });

  it("answers arriving together are written together, each stored as its own caller sent it", async () => {
    const before = app.services.responses.insertStats();
    const sent = Array.from({ length: 60 }, (_, i) => ({
      score: i % 11,
      comment: `Svar nummer ${i}`,
      team: `Hold ${i % 7}`,
      consentToDisplay: i % 2 === 0,
    }));
    const answers = await Promise.all(sent.map((payload) => submit(payload)));
    expect(answers.map((a) => a.statusCode)).toEqual(sent.map(() => 201));
    const ids = answers.map((a) => a.json().id as string);
    expect(new Set(ids).size).toBe(sent.length);
    const rows = await app.database.query<{
      id: string;
      score: number;
      comment: string;
      team: string;
      consent_to_display: boolean;
      seq: string;
    }>(
      "select id, score, comment, team, consent_to_display, seq from responses where id = any($1)",
      [ids],
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    sent.forEach((payload, i) => {
      expect(byId.get(ids[i] as string)).toMatchObject({
        score: payload.score,
        comment: payload.comment,
        team: payload.team,
        consent_to_display: payload.consentToDisplay,
      });
    });
    expect(new Set(rows.map((r) => r.seq)).size).toBe(sent.length);
    const after = app.services.responses.insertStats();
    // Fewer statements than answers: they were grouped (the first may go alone).
    expect(after.items - before.items).toBe(sent.length);
    expect(after.batches - before.batches).toBeLessThan(sent.length);
  });

  it("answers 404 for an unknown or malformed survey id", async () => {
    expect((await submit({ score: 5 }, "00000000-0000-4000-8000-000000000000")).statusCode).toBe(
      404,
    );
    expect((await submit({ score: 5 }, "not-a-uuid")).statusCode).toBe(404);
  });

  it("answers 413 for an oversized body and 400 for malformed JSON", async () => {
    const big = await submit({ score: 5, comment: "x".repeat(300_000) });
    expect(big.statusCode).toBe(413);
    expect(big.json().error.code).toBe("too_large");
    const malformed = await app.server.inject({
      method: "POST",
      url: `/api/v1/surveys/${surveyId}/responses`,
      headers: { "content-type": "application/json" },
      payload: "{score: 5",
    });
    expect(malformed.statusCode).toBe(400);
  });

  it("never answers 500 to arbitrary JSON bodies (property)", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record(
          {
            score: fc.oneof(
              fc.integer({ min: -5, max: 15 }),
              fc.double(),
              fc.string(),
              fc.constant(null),
            ),
            comment: fc.oneof(fc.string({ maxLength: 300 }), fc.integer(), fc.constant(null)),
            consentToDisplay: fc.oneof(fc.boolean(), fc.string()),
            name: fc.oneof(fc.string({ maxLength: 200 }), fc.constant("")),
            team: fc.string({ maxLength: 150 }),
            channel: fc.oneof(fc.constantFrom("link", "qr", "kiosk"), fc.string()),
            invitation: fc.string({ maxLength: 80 }),
          },
          { requiredKeys: [] },
        ),
        async (payload) => {
          const response = await submit(payload);
          expect([201, 400]).toContain(response.statusCode);
          if (response.statusCode === 400) expect(response.json().error.message).toBeTruthy();
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe("single-use invitations", () => {
  it("one answer per invitation: a second submit edits, never adds", async () => {
    const created = await app.server.inject({
      method: "POST",
      url: `/api/v1/surveys/${surveyId}/invitations`,
      headers: bearer(org.token),
      payload: { count: 2, team: "Jobcenter", touchpoint: "Telefon" },
    });
    expect(created.statusCode).toBe(201);
    const [first] = created.json().items as Array<{ url: string }>;
    const token = new URL(first?.url ?? "").searchParams.get("i") ?? "";
    expect(token.length).toBeGreaterThan(10);
    const before = await countRows();
    const a = await submit({ score: 4, comment: "Lang ventetid", invitation: token, team: "Fake" });
    const b = await submit({ score: 8, comment: "Det blev løst", invitation: token });
    expect(a.statusCode).toBe(201);
    expect(b.json().id).toBe(a.json().id);
    expect(await countRows()).toBe(before + 1);
    const [row] = await app.database.query<Record<string, unknown>>(
      "select * from responses where id = $1",
      [a.json().id],
    );
    expect(row).toMatchObject({
      score: 8,
      comment: "Det blev løst",
      team: "Jobcenter",
      touchpoint: "Telefon",
      channel: "email",
    });
    const view = await app.server.inject({
      method: "GET",
      url: `/api/public/surveys/${surveyId}?invitation=${token}`,
    });
    expect(view.json().previous).toMatchObject({ score: 8, comment: "Det blev løst" });
  });

  it("rejects an invitation token of another survey", async () => {
    const other = (
      await app.server.inject({
        method: "POST",
        url: "/api/v1/surveys",
        headers: bearer(org.token),
        payload: { name: "Andet", language: "en" },
      })
    ).json().id;
    const created = await app.server.inject({
      method: "POST",
      url: `/api/v1/surveys/${other}/invitations`,
      headers: bearer(org.token),
      payload: {},
    });
    const token = new URL(created.json().items[0].url).searchParams.get("i");
    const response = await submit({ score: 7, invitation: token });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.field).toBe("invitation");
    const view = await app.server.inject({
      method: "GET",
      url: `/api/public/surveys/${surveyId}?invitation=${token}`,
    });
    expect(view.statusCode).toBe(404);
  });
});

describe("comment list and CSV", () => {
  it("filters by category and searches comments", async () => {
    await submit({ score: 2, comment: "Telefonkøen var uendelig" });
    const detractors = await app.server.inject({
      method: "GET",
      url: "/api/v1/responses?category=detractor&q=telefonkøen",
      headers: bearer(org.token),
    });
    expect(detractors.statusCode).toBe(200);
    const body = detractors.json();
    expect(body.total).toBeGreaterThanOrEqual(1);
    for (const item of body.items) {
      expect(item.score).toBeLessThanOrEqual(6);
      expect(item.comment.toLowerCase()).toContain("telefonkøen");
    }
  });

  it("treats % and _ in a search as text", async () => {
    await submit({ score: 9, comment: "100% tilfreds" });
    const response = await app.server.inject({
      method: "GET",
      url: "/api/v1/responses?q=%25",
      headers: bearer(org.token),
    });
    const items = response.json().items as Array<{ comment: string }>;
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((i) => i.comment.includes("%"))).toBe(true);
  });

  it("exports CSV that a spreadsheet cannot execute", async () => {
    await submit({ score: 6, comment: '=HYPERLINK("http://evil")' });
    const response = await app.server.inject({
      method: "GET",
      url: "/api/v1/responses.csv",
      headers: bearer(org.token),
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toMatch(/text\/csv/);
    expect(response.body).toContain('\'=HYPERLINK(""http://evil"")');
    expect(response.body.split("\r\n")[0]).toMatch(
      /^\uFEFFid,createdAt,surveyId,score,category,comment/,
    );
  });
});

describe("rate limit on the public endpoint", () => {
  it("answers 429 with Retry-After when hammered", async () => {
    const limited = await createTestApp({ ANBEFAL_PUBLIC_RATE_LIMIT: "5" });
    try {
      const o = await limited.createOrg();
      const id = (
        await limited.server.inject({
          method: "POST",
          url: "/api/v1/surveys",
          headers: bearer(o.token),
          payload: { name: "S", language: "da" },
        })
      ).json().id;
      const statuses: number[] = [];
      let retryAfter: string | undefined;
      for (let i = 0; i < 8; i++) {
        const r = await limited.server.inject({
          method: "POST",
          url: `/api/v1/surveys/${id}/responses`,
          payload: { score: 9 },
        });
        statuses.push(r.statusCode);
        if (r.statusCode === 429) retryAfter = String(r.headers["retry-after"]);
      }
      expect(statuses.slice(0, 5)).toEqual([201, 201, 201, 201, 201]);
      expect(statuses.slice(5)).toEqual([429, 429, 429]);
      expect(Number(retryAfter)).toBeGreaterThan(0);
    } finally {
      await limited.cleanup();
    }
  });
});
