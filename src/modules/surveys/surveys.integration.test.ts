import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bearer, createTestApp, type TestApp } from "../../../test/support/app";

let app: TestApp;
let org: Awaited<ReturnType<TestApp["createOrg"]>>;

beforeAll(async () => {
  app = await createTestApp();
  org = await app.createOrg("Survey Kommune");
});
afterAll(() => app?.cleanup());

const call = (method: "GET" | "POST" | "PATCH", url: string, payload?: object) =>
  app.server.inject({ method, url, headers: bearer(org.token), ...(payload ? { payload } : {}) });

describe("surveys", () => {
  it("creates a survey with the contract's {id, publicUrl} and default wording in both languages", async () => {
    const created = await call("POST", "/api/v1/surveys", {
      name: "Borgerservice",
      language: "da",
    });
    expect(created.statusCode).toBe(201);
    const body = created.json();
    expect(body.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(body.publicUrl).toBe(`http://anbefal.test/s/${body.id}`);
    const got = (await call("GET", `/api/v1/surveys/${body.id}`)).json();
    expect(got.questions.da.score).toMatch(/anbefale/);
    expect(got.questions.en.score).toMatch(/recommend/);
    expect(got.kioskUrl).toContain("kiosk=1");
  });

  it("edits wording per language and keeps the other", async () => {
    const { id } = (
      await call("POST", "/api/v1/surveys", { name: "Jobcenter", language: "en" })
    ).json();
    const patched = await call("PATCH", `/api/v1/surveys/${id}`, {
      questions: { da: { score: "Vil du anbefale Jobcentret?" } },
      askName: true,
    });
    expect(patched.statusCode).toBe(200);
    expect(patched.json().questions.da.score).toBe("Vil du anbefale Jobcentret?");
    expect(patched.json().questions.da.why).toMatch(/grund/);
    expect(patched.json().askName).toBe(true);
    const view = (
      await app.server.inject({ method: "GET", url: `/api/public/surveys/${id}` })
    ).json();
    expect(view).toMatchObject({
      id,
      language: "en",
      askName: true,
      organisationName: "Survey Kommune",
    });
    expect(view.previous).toBeUndefined();
  });

  it.each([
    [{ name: "", language: "da" }, "name"],
    [{ name: "X", language: "de" }, "language"],
    [{ name: "X" }, "language"],
    [{ name: "X", language: "da", questions: { da: { score: "" } } }, "questions.da.score"],
  ])("rejects %j with 400 naming %s", async (payload, field) => {
    const response = await call("POST", "/api/v1/surveys", payload);
    expect(response.statusCode).toBe(400);
    expect(response.json().error.field).toBe(field);
  });

  it("lists surveys with response counts", async () => {
    const { id } = (
      await call("POST", "/api/v1/surveys", { name: "Telefon", language: "da" })
    ).json();
    await app.server.inject({
      method: "POST",
      url: `/api/v1/surveys/${id}/responses`,
      payload: { score: 9 },
    });
    const items = (await call("GET", "/api/v1/surveys")).json().items as Array<{
      id: string;
      responseCount: number;
    }>;
    expect(items.find((s) => s.id === id)?.responseCount).toBe(1);
  });

  it("creates links that carry touchpoint, team and employee", async () => {
    const { id } = (
      await call("POST", "/api/v1/surveys", { name: "Links", language: "da" })
    ).json();
    const response = await call("POST", `/api/v1/surveys/${id}/invitations`, {
      count: 3,
      team: "Borgerservice",
      employee: "Julie",
    });
    expect(response.statusCode).toBe(201);
    const urls = (response.json().items as Array<{ url: string }>).map((i) => new URL(i.url));
    expect(new Set(urls.map((u) => u.searchParams.get("i"))).size).toBe(3);
    expect(
      urls.every(
        (u) =>
          u.searchParams.get("team") === "Borgerservice" &&
          u.searchParams.get("employee") === "Julie",
      ),
    ).toBe(true);
    expect(
      (await call("POST", `/api/v1/surveys/${id}/invitations`, { count: 501 })).statusCode,
    ).toBe(400);
  });

  it("draws QR codes as SVG and PNG", async () => {
    const svg = await call(
      "GET",
      `/api/v1/qr?text=${encodeURIComponent("https://anbefal.test/s/x?team=A")}&format=svg`,
    );
    expect(svg.statusCode).toBe(200);
    expect(svg.headers["content-type"]).toMatch(/image\/svg\+xml/);
    expect(svg.body).toMatch(/^<svg/);
    const png = await call("GET", "/api/v1/qr?text=hello&format=png&size=256");
    expect(png.headers["content-type"]).toBe("image/png");
    expect(png.rawPayload.subarray(1, 4).toString()).toBe("PNG");
    expect((await call("GET", "/api/v1/qr?text=")).statusCode).toBe(400);
  });

  it("publishes the OpenAPI document with the v1 contract", async () => {
    const doc = (await app.server.inject({ method: "GET", url: "/api/openapi.json" })).json();
    for (const path of ["/api/v1/surveys", "/api/v1/surveys/{id}/responses", "/api/v1/nps"])
      expect(doc.paths[path]).toBeDefined();
    expect((await app.server.inject({ method: "GET", url: "/api/docs" })).statusCode).toBeLessThan(
      400,
    );
  });
});
