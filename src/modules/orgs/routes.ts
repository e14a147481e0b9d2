import { z } from "zod";
import { roles } from "../../core/roles";
import type { Auth } from "../../platform/auth";
import { invalid, notFound } from "../../platform/errors";
import { requireActor } from "../../platform/http/actor";
import type { HttpServer } from "../../platform/http/server";
import type { OrgsService } from "./service";

const email = z.string().trim().toLowerCase().email("must be an e-mail address").max(254);
const password = z.string().min(10, "must be at least 10 characters").max(256);
const displayName = z.string().trim().min(1, "must not be empty").max(120);
const entityName = z.string().trim().min(1, "must not be empty").max(80);
const idParam = z.object({ id: z.string().uuid("must be a UUID") });

// better-auth endpoints we expose; sign-up stays closed (accounts come from setup/invites/CLI).
const authRoutes = new Set([
  "/api/auth/sign-in/email",
  "/api/auth/sign-out",
  "/api/auth/get-session",
]);

export function registerOrgsRoutes(
  app: HttpServer,
  deps: {
    orgs: OrgsService;
    getAuth: () => Promise<Auth>;
    publicUrl: (path: string) => string;
    onEmployeesChanged?: (orgId: string) => void;
  },
) {
  const { orgs, getAuth } = deps;
  const sessions = () => import("../../platform/auth/sessions");

  app.route({
    method: ["GET", "POST"],
    url: "/api/auth/*",
    schema: { hide: true },
    async handler(request, reply) {
      const path = request.url.split("?")[0] ?? "";
      if (!authRoutes.has(path)) throw notFound("Endpoint");
      const url = new URL(request.url, `http://${request.headers.host ?? "localhost"}`);
      const { fromNodeHeaders } = await sessions();
      const response = await (await getAuth()).handler(
        new Request(url, {
          method: request.method,
          headers: fromNodeHeaders(request.headers),
          ...(request.body ? { body: JSON.stringify(request.body) } : {}),
        }),
      );
      reply.status(response.status);
      for (const [key, value] of response.headers) {
        if (key.toLowerCase() !== "set-cookie") reply.header(key, value);
      }
      for (const cookie of response.headers.getSetCookie()) reply.header("set-cookie", cookie);
      const text = await response.text();
      if (response.status >= 400) {
        let message = "Sign-in failed";
        try {
          message = JSON.parse(text).message ?? message;
        } catch {}
        return reply.type("application/json").send({
          error: { code: response.status === 401 ? "unauthenticated" : "invalid", message },
        });
      }
      return reply.send(text || null);
    },
  });

  app.get(
    "/api/setup",
    {
      schema: {
        tags: ["setup"],
        summary: "Whether the first organisation still has to be created",
      },
    },
    async () => ({
      needsSetup: await orgs.needsSetup(),
    }),
  );

  app.post(
    "/api/setup",
    {
      schema: {
        tags: ["setup"],
        summary: "Create the first organisation and its admin (first run only)",
        body: z.object({ organisationName: entityName, name: displayName, email, password }),
      },
    },
    async (request, reply) => {
      const body = request.body;
      const { organisation } = await orgs.createOrganisation({
        organisationName: body.organisationName,
        adminName: body.name,
        adminEmail: body.email,
        adminPassword: body.password,
        onlyIfFirst: true,
      });
      for (const cookie of await (await sessions()).signInCookies(
        await getAuth(),
        body.email,
        body.password,
      ))
        reply.header("set-cookie", cookie);
      return reply.status(201).send({ slug: organisation.slug });
    },
  );

  app.get(
    "/api/v1/me",
    { schema: { tags: ["organisation"], summary: "The signed-in user, organisation and role" } },
    async (request) => {
      const actor = await requireActor(request);
      const organisation = await orgs.organisation(actor.orgId);
      const user = actor.userId
        ? await (await sessions()).sessionUser(await getAuth(), request.headers)
        : null;
      return {
        user: user ?? { id: actor.tokenId, name: "API token", email: null },
        organisation: { id: organisation.id, slug: organisation.slug, name: organisation.name },
        role: actor.role,
      };
    },
  );

  app.get(
    "/api/invitations/:token",
    {
      schema: {
        tags: ["organisation"],
        summary: "Look up a user invitation (public)",
        params: z.object({ token: z.string().min(10).max(100) }),
      },
    },
    async (request) => {
      const invitation = await orgs.openInvitation(request.params.token);
      return {
        email: invitation.email,
        role: invitation.role,
        organisationName: invitation.organisationName,
      };
    },
  );

  app.post(
    "/api/invitations/:token/accept",
    {
      schema: {
        tags: ["organisation"],
        summary: "Accept a user invitation: creates the account and signs in",
        params: z.object({ token: z.string().min(10).max(100) }),
        body: z.object({ name: displayName, password }),
      },
    },
    async (request, reply) => {
      const { email: userEmail } = await orgs.acceptInvitation(request.params.token, request.body);
      for (const cookie of await (await sessions()).signInCookies(
        await getAuth(),
        userEmail,
        request.body.password,
      ))
        reply.header("set-cookie", cookie);
      return reply.status(201).send({ email: userEmail });
    },
  );

  app.get(
    "/api/v1/users",
    { schema: { tags: ["organisation"], summary: "Users of the organisation" } },
    async (request) => {
      const actor = await requireActor(request, "manager");
      return { items: await orgs.repo.listUsers(actor.orgId) };
    },
  );

  app.post(
    "/api/v1/user-invitations",
    {
      schema: {
        tags: ["organisation"],
        summary: "Invite a user by link",
        body: z.object({ email, role: z.enum(roles) }),
      },
    },
    async (request, reply) => {
      const actor = await requireActor(request, "admin");
      const { id, token } = await orgs.inviteUser(actor.orgId, request.body);
      return reply.status(201).send({ id, url: deps.publicUrl(`/invite/${token}`) });
    },
  );

  for (const kind of ["teams", "touchpoints"] as const) {
    app.get(
      `/api/v1/${kind}`,
      { schema: { tags: ["organisation"], summary: `List ${kind}` } },
      async (request) => {
        const actor = await requireActor(request);
        return {
          items:
            kind === "teams"
              ? await orgs.repo.listTeams(actor.orgId)
              : await orgs.repo.listTouchpoints(actor.orgId),
        };
      },
    );
    app.post(
      `/api/v1/${kind}`,
      {
        schema: {
          tags: ["organisation"],
          summary: `Add to ${kind}`,
          body: z.object({ name: entityName }),
        },
      },
      async (request, reply) => {
        const actor = await requireActor(request, "manager");
        const row =
          kind === "teams"
            ? await orgs.addTeam(actor.orgId, request.body.name)
            : await orgs.addTouchpoint(actor.orgId, request.body.name);
        return reply.status(201).send(row);
      },
    );
  }

  app.get(
    "/api/v1/employees",
    { schema: { tags: ["organisation"], summary: "List employees" } },
    async (request) => {
      const actor = await requireActor(request);
      return { items: await orgs.repo.listEmployees(actor.orgId) };
    },
  );

  app.post(
    "/api/v1/employees",
    {
      schema: {
        tags: ["organisation"],
        summary: "Add an employee (praise in comments is matched to them by name)",
        body: z.object({
          name: displayName,
          team: entityName.optional(),
          nicknames: z.array(z.string().trim().min(1).max(60)).max(10).optional(),
          managerId: z.string().uuid("must be a UUID").optional(),
        }),
      },
    },
    async (request, reply) => {
      const actor = await requireActor(request, "manager");
      const { managerId } = request.body;
      // The manager is another employee of the same organisation (praise reaches them too).
      if (managerId && !(await orgs.repo.employeeExists(actor.orgId, managerId))) {
        throw invalid("managerId", "no such employee in this organisation", "unknown_employee");
      }
      const { id } = await orgs.repo.insertEmployee({
        orgId: actor.orgId,
        name: request.body.name,
        team: request.body.team ?? null,
        nicknames: request.body.nicknames ?? [],
        managerId: managerId ?? null,
      });
      deps.onEmployeesChanged?.(actor.orgId);
      return reply.status(201).send({ id });
    },
  );

  app.get(
    "/api/v1/tokens",
    { schema: { tags: ["organisation"], summary: "API tokens (never the secrets)" } },
    async (request) => {
      const actor = await requireActor(request, "admin");
      return { items: await orgs.repo.listApiTokens(actor.orgId) };
    },
  );

  app.post(
    "/api/v1/tokens",
    {
      schema: {
        tags: ["organisation"],
        summary: "Create an API token; it is shown once",
        body: z.object({ name: entityName }),
      },
    },
    async (request, reply) => {
      const actor = await requireActor(request, "admin");
      return reply.status(201).send(await orgs.createApiToken(actor.orgId, request.body.name));
    },
  );

  app.delete(
    "/api/v1/tokens/:id",
    { schema: { tags: ["organisation"], summary: "Revoke an API token", params: idParam } },
    async (request, reply) => {
      const actor = await requireActor(request, "admin");
      if (!(await orgs.repo.revokeApiToken(actor.orgId, request.params.id)))
        throw notFound("Token");
      return reply.status(204).send();
    },
  );
}
