/**
 * The walls page and wall moderation through the real UI: a manager creates a wall with a
 * goal, opens it like the office TV would, edits and revokes it (the open wall stops at
 * once); answers arrive through the public API and the comment list says, per answer,
 * whether and how it is on the walls, and lets the manager hide one from every wall.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, viewports } from "../support/browser";
import { type RunningServer, startServer } from "../support/server";

const screens = join(new URL("../..", import.meta.url).pathname, ".tmp/screens");
let server: RunningServer;
let browser: Browser;
let cookie: string;
let surveyId: string;

async function api<T = Record<string, unknown>>(
  path: string,
  options: { method?: string; body?: object; auth?: boolean } = {},
): Promise<T> {
  const { method = options.body ? "POST" : "GET", body, auth = true } = options;
  const response = await fetch(`${server.baseUrl}${path}`, {
    method,
    headers: { "content-type": "application/json", ...(auth ? { cookie } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  expect(response.status, `${method} ${path}`).toBeLessThan(300);
  return (response.status === 204 ? undefined : await response.json()) as T;
}

/** A browser context logged in as the organisation's admin (the setup session). */
async function adminContext(viewport: { width: number; height: number }, mobile = false) {
  const context = await browser.newContext({
    viewport,
    locale: "da-DK",
    ...(mobile ? { isMobile: true, hasTouch: true } : {}),
  });
  const [name = "", value = ""] = cookie.split(/=(.*)/s);
  await context.addCookies([{ name, value, url: server.baseUrl }]);
  return context;
}

/** Console errors, page errors and server errors are bugs even when the page looks fine. */
function collectFailures(page: Page): string[] {
  const failures: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") failures.push(`console: ${message.text()}`);
  });
  page.on("pageerror", (error) => failures.push(`page: ${error.message}`));
  page.on("response", (response) => {
    const url = new URL(response.url());
    if (url.pathname.startsWith("/api/") && response.status() >= 500) {
      failures.push(`${response.status()} ${url.pathname}`);
    }
  });
  return failures;
}

/** Lets modal and tooltip transitions finish before a screenshot (looks only, no assertions). */
async function settle(page: Page) {
  await page.waitForTimeout(400);
}

beforeAll(async () => {
  mkdirSync(screens, { recursive: true });
  server = await startServer({ env: { ANBEFAL_PUBLIC_RATE_LIMIT: "0" } });
  browser = await launchBrowser();
  const setup = await fetch(`${server.baseUrl}/api/setup`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      organisationName: "Aabenraa Kommune",
      name: "Mette Leder",
      email: "mette@aabenraa.dk",
      password: "a long password",
    }),
  });
  expect(setup.status).toBe(201);
  cookie = (setup.headers.getSetCookie()[0] ?? "").split(";")[0] ?? "";
  await api("/api/v1/teams", { body: { name: "Borgerservice" } });
  await api("/api/v1/touchpoints", { body: { name: "Skranken" } });
  surveyId = (
    await api<{ id: string }>("/api/v1/surveys", { body: { name: "Besøg", language: "da" } })
  ).id;
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe("walls page", () => {
  let context: BrowserContext;

  afterAll(async () => {
    await context?.close();
  });

  it("creates a wall with a goal, opens it, edits it and revokes it while it is open", async () => {
    context = await adminContext(viewports.laptop);
    const page = await context.newPage();
    const failures = collectFailures(page);

    // The nav item sits between Analyse and Indstillinger.
    await page.goto(`${server.baseUrl}/`);
    await page.getByRole("heading", { level: 1, name: "Overblik" }).waitFor();
    const nav = page.getByRole("navigation", { name: "Hovedmenu" }).getByRole("link");
    const labels = (await nav.allTextContents()).map((label) => label.trim());
    expect(labels.indexOf("Skærme")).toBe(labels.indexOf("Analyse") + 1);
    expect(labels.indexOf("Indstillinger")).toBe(labels.indexOf("Skærme") + 1);
    await nav.filter({ hasText: "Skærme" }).click();
    await page.waitForURL("**/walls");
    await page.getByRole("heading", { level: 1, name: "Skærme" }).waitFor();
    await page.getByText("Ingen skærme endnu").waitFor();
    // The explanation: what it shows and how to get it on a TV.
    await page.getByText(/Kommentarer kun, når kunden har sagt ja/).waitFor();
    await page
      .getByText(/Tryk F11 for fuld skærm/)
      .first()
      .waitFor();

    // Create a wall in the form, for one team, with a goal.
    await page.getByRole("button", { name: "Ny skærm" }).first().click();
    const form = page.getByRole("dialog", { name: "Ny skærm" });
    await form.getByLabel("Navn").fill("Kantinen");
    await form.getByRole("combobox", { name: "Team" }).click();
    await page.getByRole("option", { name: "Borgerservice" }).click();
    await form.getByLabel("Ugemål").fill("25");
    await form.getByText("Lyst", { exact: true }).click();
    await settle(page);
    await page.screenshot({ path: join(screens, "walls-new-1366x900.png") });
    await form.getByRole("button", { name: "Opret skærm" }).click();
    await form.waitFor({ state: "hidden" });

    const item = page.getByTestId("wall-item").filter({ hasText: "Kantinen" });
    await item.waitFor();
    await page.getByTestId("wall-created").waitFor();
    const settings = await item.getByTestId("wall-settings").textContent();
    expect(settings).toContain("Team: Borgerservice");
    expect(settings).toContain("Mål: 25 pr. uge");
    expect(settings).toContain("Lyst tema");
    const url = (await item.getByTestId("wall-link").textContent()) ?? "";
    expect(url).toMatch(/\/w\/[\w-]+$/);
    const stored = await api<{ items: { name: string; goalPerWeek: number; url: string }[] }>(
      "/api/v1/walls",
    );
    expect(stored.items).toEqual([
      expect.objectContaining({ name: "Kantinen", goalPerWeek: 25, team: "Borgerservice", url }),
    ]);
    // The QR code of the link is a real image from the API.
    const qr = item.getByRole("img", { name: "QR-kode til skærmen Kantinen" });
    await expect
      .poll(() => qr.evaluate((img: HTMLImageElement) => img.naturalWidth))
      .toBeGreaterThan(0);
    expect(decodeURIComponent((await qr.getAttribute("src")) ?? "")).toContain(url);

    // Open it in a new tab, like someone setting up the TV.
    const [tv] = await Promise.all([
      context.waitForEvent("page"),
      item.getByRole("link", { name: "Åbn skærmen Kantinen i en ny fane" }).click(),
    ]);
    await tv.waitForURL(url);
    await tv.locator("#value-today").waitFor();
    expect(await tv.locator("#value-today").textContent()).toBe("0");
    await page.bringToFront();

    // Edit: a new goal and name.
    await item.getByRole("button", { name: "Redigér Kantinen" }).click();
    const edit = page.getByRole("dialog", { name: "Redigér skærm" });
    expect(await edit.getByLabel("Ugemål").inputValue()).toBe("25");
    await edit.getByLabel("Navn").fill("Kantinen, 1. sal");
    await edit.getByLabel("Ugemål").fill("30");
    await edit.getByRole("button", { name: "Gem" }).click();
    await edit.waitFor({ state: "hidden" });
    const edited = page.getByTestId("wall-item").filter({ hasText: "Kantinen, 1. sal" });
    await expect
      .poll(() => edited.getByTestId("wall-settings").textContent())
      .toContain("Mål: 30 pr. uge");

    // Revoke, with a confirmation that says open screens stop at once.
    await edited.getByRole("button", { name: "Tilbagekald Kantinen, 1. sal" }).click();
    const confirm = page.getByRole("dialog", { name: "Tilbagekald skærmen?" });
    expect(await confirm.textContent()).toContain("holder op med det samme");
    await settle(page);
    await page.screenshot({ path: join(screens, "walls-revoke-1366x900.png") });
    await confirm.getByRole("button", { name: "Tilbagekald" }).click();
    await confirm.waitFor({ state: "hidden" });
    await page.getByText("Ingen skærme endnu").waitFor();
    expect((await api<{ items: unknown[] }>("/api/v1/walls")).items).toEqual([]);

    // The open wall stops showing the moment the link is revoked.
    await tv.getByText("Denne skærm er ikke længere aktiv").waitFor({ timeout: 5000 });

    expect(failures).toEqual([]);
  });
});

describe("wall moderation in the comment list", () => {
  it("explains each promoter's wall status and hides one from every wall", async () => {
    const wall = await api<{ url: string }>("/api/v1/walls", {
      body: { name: "Glade borgere", goalPerWeek: 20 },
    });
    const token = new URL(wall.url).pathname.split("/").pop() as string;
    const submit = async (body: object) =>
      (
        await api<{ id: string }>(`/api/v1/surveys/${surveyId}/responses`, {
          body,
          auth: false,
        })
      ).id;
    const ids = {
      shown: await submit({
        score: 10,
        comment: "Super service i skranken",
        consentToDisplay: true,
        team: "Borgerservice",
      }),
      redacted: await submit({
        score: 10,
        comment: "Tak for hjælpen! Ring gerne på 20 30 40 50",
        consentToDisplay: true,
      }),
      heldBack: await submit({
        score: 9,
        comment: "I er nogle fucking idioter og kællinger",
        consentToDisplay: true,
      }),
      mildAbuse: await submit({
        score: 9,
        comment: "Søde folk, selvom I er nogle idioter på kontoret",
        consentToDisplay: true,
      }),
      scoreOnly: await submit({ score: 9, comment: "Godt besøg, men vis det ikke" }),
      passive: await submit({ score: 7, comment: "Det var fint nok", consentToDisplay: true }),
    };

    const context = await adminContext(viewports.laptop);
    const page = await context.newPage();
    const failures = collectFailures(page);
    await page.goto(`${server.baseUrl}/analytics`);
    await page.getByRole("heading", { level: 1, name: "Analyse" }).waitFor();
    const item = (text: string) => page.getByTestId("comment-item").filter({ hasText: text });
    await item("Super service").waitFor();

    const badge = async (text: string) => item(text).getByTestId("wall-badge").textContent();
    expect(await badge("Super service")).toBe("På skærmene");
    expect(await badge("Ring gerne")).toBe("På skærmene, renset");
    expect(await badge("fucking")).toBe("Holdt tilbage");
    expect(await badge("vis det ikke")).toBe("Kun score på skærmene");
    expect(await item("Det var fint nok").getByTestId("wall-badge").count()).toBe(0);
    expect(await item("Det var fint nok").getByRole("button").count()).toBe(0);

    // The comment is shown to the manager as it was written; the note names what was found.
    expect(await item("Ring gerne").textContent()).toContain("Ring gerne på 20 30 40 50");
    expect(await item("Ring gerne").getByTestId("guard-note").textContent()).toBe(
      "Personoplysninger fundet: telefonnummer",
    );
    expect(await item("Super service").getByTestId("guard-note").count()).toBe(0);
    // Mild abuse is hidden on the wall, the rest of the comment still shows.
    expect(await badge("Søde folk")).toBe("På skærmene, renset");
    expect(await item("Søde folk").getByTestId("guard-note").textContent()).toBe(
      "Grove eller krænkende ord fundet",
    );

    // The reason in words: on hover, and for screen readers as the badge's description.
    await item("Ring gerne").getByTestId("wall-badge").hover();
    await page
      .getByRole("tooltip")
      .filter({ hasText: "med personoplysninger skjult: telefonnummer" })
      .waitFor();
    const heldBack = item("fucking").getByTestId("wall-badge");
    const describedBy = (await heldBack.getAttribute("aria-describedby")) ?? "";
    expect(await page.locator(`[id="${describedBy}"]`).textContent()).toContain(
      "grove eller krænkende ord",
    );
    expect(await item("fucking").getByTestId("guard-note").textContent()).toBe(
      "Grove eller krænkende ord fundet",
    );

    await page.screenshot({ path: join(screens, "comments-badges-1366x900.png"), fullPage: true });

    // Hide one answer from the walls: the list and every wall follow.
    const onWall = async () =>
      (
        await api<{ recent: { id: string }[] }>(`/api/walls/${token}/state`, { auth: false })
      ).recent.map((event) => event.id);
    expect(await onWall()).toContain(ids.shown);
    await item("Super service").getByRole("button", { name: "Skjul fra skærme" }).click();
    await expect.poll(() => badge("Super service")).toBe("Skjult fra skærmene");
    await item("Super service").getByRole("button", { name: "Vis på skærme igen" }).waitFor();
    expect(await onWall()).not.toContain(ids.shown);
    const listed = await api<{ items: { id: string; hidden: boolean; wallStatus: string }[] }>(
      "/api/v1/responses?limit=50",
    );
    expect(listed.items.find((i) => i.id === ids.shown)).toMatchObject({
      hidden: true,
      wallStatus: "hidden",
    });

    // And back again.
    await item("Super service").getByRole("button", { name: "Vis på skærme igen" }).click();
    await expect.poll(() => badge("Super service")).toBe("På skærmene");
    expect(await onWall()).toContain(ids.shown);

    expect(failures).toEqual([]);
    await context.close();
  });

  it("looks right on a laptop and a phone", async () => {
    await api("/api/v1/walls", {
      body: { name: "Borgerservice i skranken", team: "Borgerservice", theme: "light" },
    });
    for (const [size, viewport, mobile] of [
      ["1366x900", viewports.laptop, false],
      ["390x844", viewports.phone, true],
    ] as const) {
      const context = await adminContext(viewport, mobile);
      const page = await context.newPage();
      const failures = collectFailures(page);
      await page.goto(`${server.baseUrl}/walls`);
      await page.getByTestId("wall-item").first().waitFor();
      const qr = page.getByTestId("wall-qr").first();
      await expect
        .poll(() => qr.evaluate((img: HTMLImageElement) => img.naturalWidth))
        .toBeGreaterThan(0);
      await page.screenshot({ path: join(screens, `walls-${size}.png`), fullPage: true });
      // Nothing sticks out sideways on a phone.
      expect(
        await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
      ).toBe(true);
      await page.getByRole("button", { name: "Ny skærm" }).first().click();
      const form = page.getByRole("dialog", { name: "Ny skærm" });
      await form.getByRole("button", { name: "Opret skærm" }).waitFor();
      await settle(page);
      await page.screenshot({ path: join(screens, `walls-new-${size}.png`) });
      await form.getByRole("button", { name: "Annullér" }).click();
      await form.waitFor({ state: "hidden" });

      await page.goto(`${server.baseUrl}/analytics?category=promoter`);
      await page.getByTestId("wall-badge").first().waitFor();
      await page
        .locator("#comments-title")
        .evaluate((el) => el.closest("section")?.scrollIntoView());
      // A tap shows why an answer is (or is not) on the walls.
      await page.getByTestId("wall-badge").first().click();
      await page.getByRole("tooltip").waitFor();
      await settle(page);
      await page.screenshot({ path: join(screens, `comments-${size}.png`) });
      expect(failures).toEqual([]);
      await context.close();
    }
  });
});
