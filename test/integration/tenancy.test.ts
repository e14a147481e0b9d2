import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bearer, createTestApp, type TestApp } from "../support/app";

// Organisation B tries every way we know to read or write organisation A's data.
let app: TestApp;
let a: Awaited<ReturnType<TestApp["createOrg"]>>;
let b: Awaited<ReturnType<TestApp["createOrg"]>>;
let surveyA: string;
let tokenIdA: string;

beforeAll(async () => {
  app = await createTestApp({ ANBEFAL_PUBLIC_RATE_LIMIT: "0" });
  a = await app.createOrg("Kommune A");
  b = await app.createOrg("Kommune B");
  surveyA = (
    await app.server.inject({
      method: "POST",
      url: "/api/v1/surveys",
      headers: bearer(a.token),
      payload: { name: "A", language: "da" },
    })
  ).json().id;
  await app.server.inject({
    method: "POST",
    url: `/api/v1/surveys/${surveyA}/responses`,
    payload: { score: 10, comment: "Hemmelig ros til A", name: "Borger A" },
  });
  await app.server.inject({
    method: "POST",
    url: "/api/v1/employees",
    headers: bearer(a.token),
    payload: { name: "Ansat A" },
  });
  await app.server.inject({
    method: "POST",
    url: "/api/v1/teams",
    headers: bearer(a.token),
    payload: { name: "Team A" },
  });
  tokenIdA = (
    await app.server.inject({
      method: "POST",
      url: "/api/v1/tokens",
      headers: bearer(a.token),
      payload: { name: "A2" },
    })
  ).json().id;
});
afterAll(() => app?.cleanup());

describe("tenant isolation", () => {
  it("B cannot read A's survey, responses, analytics or people", async () => {
    const asB = (url: string) =>
      app.server.inject({ method: "GET", url, headers: bearer(b.token) });
    expect((await asB(`/api/v1/surveys/${surveyA}`)).statusCode).toBe(404);
    expect((await asB("/api/v1/surveys")).json().items).toEqual([]);
    expect((await asB(`/api/v1/nps?surveyId=${surveyA}`)).json().n).toBe(0);
    expect((await asB("/api/v1/nps")).json().n).toBe(0);
    expect((await asB(`/api/v1/nps/distribution?surveyId=${surveyA}`)).json().n).toBe(0);
    const responses = await asB(`/api/v1/responses?surveyId=${surveyA}`);
    expect(responses.json()).toEqual({ total: 0, items: [] });
    const csv = await asB("/api/v1/responses.csv");
    expect(csv.body).not.toContain("Hemmelig");
    for (const url of ["/api/v1/employees", "/api/v1/teams", "/api/v1/touchpoints"])
      expect((await asB(url)).json().items).toEqual([]);
    const users = (await asB("/api/v1/users")).json().items as Array<{ email: string }>;
    expect(users.map((u) => u.email)).toEqual([b.email]);
    const tokens = (await asB("/api/v1/tokens")).json().items as Array<{ id: string }>;
    expect(tokens.some((t) => t.id === tokenIdA)).toBe(false);
  });

  it("B cannot change A's survey, create A's invitations or revoke A's tokens", async () => {
    const patch = await app.server.inject({
      method: "PATCH",
      url: `/api/v1/surveys/${surveyA}`,
      headers: bearer(b.token),
      payload: { name: "Hijacked" },
    });
    expect(patch.statusCode).toBe(404);
    const invite = await app.server.inject({
      method: "POST",
      url: `/api/v1/surveys/${surveyA}/invitations`,
      headers: bearer(b.token),
      payload: { count: 1 },
    });
    expect(invite.statusCode).toBe(404);
    const revoke = await app.server.inject({
      method: "DELETE",
      url: `/api/v1/tokens/${tokenIdA}`,
      headers: bearer(b.token),
    });
    expect(revoke.statusCode).toBe(404);
    const survey = (
      await app.server.inject({
        method: "GET",
        url: `/api/v1/surveys/${surveyA}`,
        headers: bearer(a.token),
      })
    ).json();
    expect(survey.name).toBe("A");
    const stillValid = await app.database.query<{ revoked_at: Date | null }>(
      "select revoked_at from api_tokens where id = $1",
      [tokenIdA],
    );
    expect(stillValid[0]?.revoked_at).toBeNull();
  });

  it("a response always belongs to the survey's organisation, whatever the body claims", async () => {
    const response = await app.server.inject({
      method: "POST",
      url: `/api/v1/surveys/${surveyA}/responses`,
      payload: { score: 3, orgId: b.orgId },
    });
    expect(response.statusCode).toBe(400);
    const ok = await app.server.inject({
      method: "POST",
      url: `/api/v1/surveys/${surveyA}/responses`,
      payload: { score: 3 },
    });
    const rows = await app.database.query<{ org_id: string }>(
      "select org_id from responses where id = $1",
      [ok.json().id],
    );
    expect(rows[0]?.org_id).toBe(a.orgId);
  });
});
