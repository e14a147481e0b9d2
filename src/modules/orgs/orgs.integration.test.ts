import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bearer, createTestApp, type TestApp } from "../../../test/support/app";

let app: TestApp;
const origin = { origin: "http://anbefal.test" };

function cookieOf(setCookie: string | string[] | undefined): string {
  const list = Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : [];
  return list.map((c) => c.split(";")[0]).join("; ");
}

beforeAll(async () => {
  app = await createTestApp();
});
afterAll(() => app?.cleanup());

describe("first run", () => {
  it("offers setup on an empty database, creates the org and admin, signs in, then refuses a second setup", async () => {
    expect((await app.server.inject({ method: "GET", url: "/api/setup" })).json()).toEqual({
      needsSetup: true,
    });
    const bad = await app.server.inject({
      method: "POST",
      url: "/api/setup",
      payload: {
        organisationName: "Aarhus Kommune",
        name: "Mette",
        email: "mette@aarhus.dk",
        password: "short",
      },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toBe("password");
    // The kind of problem, for the UI to say in Danish; never the input itself.
    expect(bad.json().error.details).toEqual({
      issue: { code: "too_small", origin: "string", minimum: expect.any(Number), inclusive: true },
    });
    expect(JSON.stringify(bad.json())).not.toContain("short");

    const setup = await app.server.inject({
      method: "POST",
      url: "/api/setup",
      payload: {
        organisationName: "Århus Kommune",
        name: "Mette",
        email: "Mette@Aarhus.dk",
        password: "a long enough password",
      },
    });
    expect(setup.statusCode).toBe(201);
    expect(setup.json().slug).toBe("aarhus-kommune");
    const cookie = cookieOf(setup.headers["set-cookie"]);
    expect(setup.headers["set-cookie"]?.toString()).toMatch(/HttpOnly/i);

    const me = await app.server.inject({ method: "GET", url: "/api/v1/me", headers: { cookie } });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({
      role: "admin",
      organisation: { slug: "aarhus-kommune" },
      user: { email: "mette@aarhus.dk" },
    });

    expect((await app.server.inject({ method: "GET", url: "/api/setup" })).json()).toEqual({
      needsSetup: false,
    });
    const again = await app.server.inject({
      method: "POST",
      url: "/api/setup",
      payload: {
        organisationName: "Evil",
        name: "E",
        email: "e@evil.dk",
        password: "a long enough password",
      },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.details).toEqual({ reason: "already_set_up" });
  });

  it("signs in and out with e-mail and password; a wrong password is 401", async () => {
    const wrong = await app.server.inject({
      method: "POST",
      url: "/api/auth/sign-in/email",
      headers: origin,
      payload: { email: "mette@aarhus.dk", password: "not the password" },
    });
    expect(wrong.statusCode).toBe(401);
    const ok = await app.server.inject({
      method: "POST",
      url: "/api/auth/sign-in/email",
      headers: origin,
      payload: { email: "mette@aarhus.dk", password: "a long enough password" },
    });
    expect(ok.statusCode).toBe(200);
    const cookie = cookieOf(ok.headers["set-cookie"]);
    expect(
      (await app.server.inject({ method: "GET", url: "/api/v1/me", headers: { cookie } }))
        .statusCode,
    ).toBe(200);
    const out = await app.server.inject({
      method: "POST",
      url: "/api/auth/sign-out",
      headers: { cookie, ...origin },
    });
    expect(out.statusCode).toBe(200);
    expect(
      (await app.server.inject({ method: "GET", url: "/api/v1/me", headers: { cookie } }))
        .statusCode,
    ).toBe(401);
  });

  it("keeps the public sign-up endpoint closed", async () => {
    const response = await app.server.inject({
      method: "POST",
      url: "/api/auth/sign-up/email",
      headers: origin,
      payload: { email: "x@y.dk", password: "a long enough password", name: "X" },
    });
    expect(response.statusCode).toBe(404);
  });
});

describe("users, roles and invitations", () => {
  let admin: Awaited<ReturnType<TestApp["createOrg"]>>;
  beforeAll(async () => {
    admin = await app.createOrg("Roller Kommune");
  });

  async function invitedUser(role: "manager" | "employee", email: string) {
    const invite = await app.server.inject({
      method: "POST",
      url: "/api/v1/user-invitations",
      headers: bearer(admin.token),
      payload: { email, role },
    });
    expect(invite.statusCode).toBe(201);
    const token = invite.json().url.split("/invite/")[1];
    const view = await app.server.inject({ method: "GET", url: `/api/invitations/${token}` });
    expect(view.json()).toMatchObject({ email, role, organisationName: "Roller Kommune" });
    const accepted = await app.server.inject({
      method: "POST",
      url: `/api/invitations/${token}/accept`,
      payload: { name: role, password: "another long password" },
    });
    expect(accepted.statusCode).toBe(201);
    const reuse = await app.server.inject({
      method: "POST",
      url: `/api/invitations/${token}/accept`,
      payload: { name: "again", password: "another long password" },
    });
    expect(reuse.statusCode).toBe(404);
    return cookieOf(accepted.headers["set-cookie"]);
  }

  it("an invited employee can read analytics but not manage", async () => {
    const cookie = await invitedUser("employee", "medarbejder@roller.dk");
    expect(
      (await app.server.inject({ method: "GET", url: "/api/v1/me", headers: { cookie } })).json()
        .role,
    ).toBe("employee");
    expect(
      (await app.server.inject({ method: "GET", url: "/api/v1/nps", headers: { cookie } }))
        .statusCode,
    ).toBe(200);
    const create = await app.server.inject({
      method: "POST",
      url: "/api/v1/surveys",
      headers: { cookie },
      payload: { name: "X", language: "da" },
    });
    expect(create.statusCode).toBe(403);
    expect(
      (await app.server.inject({ method: "GET", url: "/api/v1/responses", headers: { cookie } }))
        .statusCode,
    ).toBe(403);
    expect(
      (
        await app.server.inject({
          method: "POST",
          url: "/api/v1/tokens",
          headers: { cookie },
          payload: { name: "t" },
        })
      ).statusCode,
    ).toBe(403);
  });

  it("a manager can create surveys, teams and employees, but not tokens", async () => {
    const cookie = await invitedUser("manager", "leder@roller.dk");
    expect(
      (
        await app.server.inject({
          method: "POST",
          url: "/api/v1/surveys",
          headers: { cookie },
          payload: { name: "X", language: "da" },
        })
      ).statusCode,
    ).toBe(201);
    expect(
      (
        await app.server.inject({
          method: "POST",
          url: "/api/v1/teams",
          headers: { cookie },
          payload: { name: "Jobcenter" },
        })
      ).statusCode,
    ).toBe(201);
    const dup = await app.server.inject({
      method: "POST",
      url: "/api/v1/teams",
      headers: { cookie },
      payload: { name: "jobcenter" },
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error).toMatchObject({ field: "name", details: { reason: "name_taken" } });
    const employee = await app.server.inject({
      method: "POST",
      url: "/api/v1/employees",
      headers: { cookie },
      payload: { name: "Julie Hansen", team: "Jobcenter", nicknames: ["Jul"] },
    });
    expect(employee.statusCode).toBe(201);
    const list = (
      await app.server.inject({ method: "GET", url: "/api/v1/employees", headers: { cookie } })
    ).json().items;
    expect(list).toContainEqual({
      id: employee.json().id,
      name: "Julie Hansen",
      team: "Jobcenter",
      managerId: null,
      nicknames: ["Jul"],
    });
    // An employee's manager is another employee of the same organisation.
    const report = await app.server.inject({
      method: "POST",
      url: "/api/v1/employees",
      headers: { cookie },
      payload: { name: "Karin Holm", team: "Jobcenter", managerId: employee.json().id },
    });
    expect(report.statusCode).toBe(201);
    const karin = (
      await app.server.inject({ method: "GET", url: "/api/v1/employees", headers: { cookie } })
    )
      .json()
      .items.find((e: { name: string }) => e.name === "Karin Holm");
    expect(karin.managerId).toBe(employee.json().id);
    const other = await app.createOrg("Fremmed Leder");
    const foreignId = (
      await app.server.inject({
        method: "POST",
        url: "/api/v1/employees",
        headers: bearer(other.token),
        payload: { name: "Fremmed" },
      })
    ).json().id;
    const foreign = await app.server.inject({
      method: "POST",
      url: "/api/v1/employees",
      headers: { cookie },
      payload: { name: "X", managerId: foreignId },
    });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().error).toMatchObject({
      field: "managerId",
      details: { reason: "unknown_employee" },
    });
    expect(
      (
        await app.server.inject({
          method: "POST",
          url: "/api/v1/tokens",
          headers: { cookie },
          payload: { name: "t" },
        })
      ).statusCode,
    ).toBe(403);
  });
});

describe("API tokens", () => {
  it("are shown once, stored hashed, listed without the secret, and stop working when revoked", async () => {
    const org = await app.createOrg("Token Kommune");
    const created = await app.server.inject({
      method: "POST",
      url: "/api/v1/tokens",
      headers: bearer(org.token),
      payload: { name: "BI" },
    });
    expect(created.statusCode).toBe(201);
    const { id, token } = created.json();
    expect(token).toMatch(/^anb_[A-Za-z0-9_-]{43}$/);
    const stored = await app.database.query<{ token_hash: string }>(
      "select token_hash from api_tokens where id = $1",
      [id],
    );
    expect(stored[0]?.token_hash).not.toContain(token);
    expect(stored[0]?.token_hash).toMatch(/^[0-9a-f]{64}$/);
    const list = await app.server.inject({
      method: "GET",
      url: "/api/v1/tokens",
      headers: bearer(token),
    });
    expect(JSON.stringify(list.json())).not.toContain(token.slice(4));
    expect(
      (
        await app.server.inject({
          method: "DELETE",
          url: `/api/v1/tokens/${id}`,
          headers: bearer(org.token),
        })
      ).statusCode,
    ).toBe(204);
    expect(
      (await app.server.inject({ method: "GET", url: "/api/v1/surveys", headers: bearer(token) }))
        .statusCode,
    ).toBe(401);
  });

  it("401 for a missing, malformed or unknown token", async () => {
    for (const headers of [
      {},
      { authorization: "Bearer" },
      { authorization: "Basic abc" },
      bearer("anb_unknown"),
    ]) {
      const response = await app.server.inject({ method: "GET", url: "/api/v1/surveys", headers });
      expect(response.statusCode).toBe(401);
      expect(response.json().error.code).toBe("unauthenticated");
    }
  });
});
