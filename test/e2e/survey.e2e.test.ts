// The respondent's survey page (web/survey.html) in Debian Chromium, against a small fake
// of the two public API calls, so the page can be tested before and apart from the server.
// The survey entry is built on its own from web/vite.config.ts into .tmp/e2e/survey-dist,
// so a half-finished app entry elsewhere in web/ cannot break (or race) this test.
import { mkdir, readFile } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import { extname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import AxeBuilder from "@axe-core/playwright";
import type { Browser, BrowserContext, BrowserContextOptions, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { bearer, createTestApp, type TestApp } from "../support/app";
import { launchBrowser, viewports } from "../support/browser";
import { type BundleSize, buildWebEntry, startFakeServer } from "../support/web-entry";

const root = resolve(fileURLToPath(import.meta.url), "../../..");
const distDir = join(root, ".tmp/e2e/survey-dist");
const screensDir = join(root, ".tmp/screens");
const tablet = { width: 1024, height: 768 } as const;

// ------------------------------------------------------------------ fixtures

const demoSurvey = {
  id: "srv_demo",
  language: "da",
  questions: {
    da: {
      score:
        "Hvor sandsynligt er det, at du vil anbefale Borgerservice til en ven eller en kollega?",
      why: "Hvad er den vigtigste grund til dit svar?",
    },
    en: {
      score: "How likely is it that you would recommend Citizen Services to a friend or colleague?",
      why: "What is the main reason for your answer?",
    },
  },
  askConsent: true,
  askName: true,
  organisationName: "Aabenraa Kommune",
};

const englishSurvey = { ...demoSurvey, id: "srv_en", language: "en", askName: false };

const previousAnswer = {
  score: 6,
  comment: "Lang ventetid, men venligt personale.",
  consentToDisplay: false,
  name: "Mette",
};

// ------------------------------------------------------------------ fake API

/** When set, /api/* goes to the real app (in-process) instead of the fixtures below. */
let realApi: TestApp | null = null;

async function forwardToRealApi(app: TestApp, req: IncomingMessage, res: ServerResponse) {
  const payload = req.method === "POST" ? await readBody(req) : undefined;
  const response = await app.server.inject({
    method: req.method as "GET" | "POST",
    url: req.url ?? "/",
    headers: {
      ...(req.headers["content-type"] ? { "content-type": req.headers["content-type"] } : {}),
      "x-forwarded-for": "127.0.0.1",
    },
    payload,
  });
  const headers: Record<string, string> = {};
  for (const name of ["content-type", "retry-after"]) {
    const value = response.headers[name];
    if (value !== undefined) headers[name] = String(value);
  }
  res.writeHead(response.statusCode, headers);
  res.end(response.body);
}

type Reply = { status: number; body?: unknown; headers?: Record<string, string> };

const api = {
  gets: [] as string[],
  posts: [] as { surveyId: string; body: Record<string, unknown>; contentType?: string }[],
  nextPosts: [] as Reply[],
  flakyCalls: 0,
  reset() {
    this.gets = [];
    this.posts = [];
    this.nextPosts = [];
    this.flakyCalls = 0;
  },
};

const contentTypes: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
};

function send(res: ServerResponse, reply: Reply): void {
  res.writeHead(reply.status, { "content-type": "application/json", ...reply.headers });
  res.end(reply.body === undefined ? "" : JSON.stringify(reply.body));
}

function notFound(message = "Survey not found"): Reply {
  return { status: 404, body: { error: { code: "not_found", message } } };
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? "/", "http://localhost");
  const path = url.pathname;

  if (req.method === "GET" && /^\/s\/[^/]+\/?$/.test(path)) {
    res.writeHead(200, { "content-type": contentTypes[".html"] as string });
    res.end(await readFile(join(distDir, "survey.html")));
    return;
  }
  if (req.method === "GET" && path.startsWith("/assets/") && !path.includes("..")) {
    try {
      const file = await readFile(join(distDir, path));
      res.writeHead(200, {
        "content-type": contentTypes[extname(path)] ?? "application/octet-stream",
      });
      res.end(file);
    } catch {
      send(res, notFound());
    }
    return;
  }

  if (realApi && path.startsWith("/api/")) {
    await forwardToRealApi(realApi, req, res);
    return;
  }

  const publicSurvey = /^\/api\/public\/surveys\/([^/]+)$/.exec(path);
  if (req.method === "GET" && publicSurvey) {
    api.gets.push(url.pathname + url.search);
    const id = decodeURIComponent(publicSurvey[1] as string);
    const invitation = url.searchParams.get("invitation");
    if (id === "srv_down") {
      req.socket.destroy();
      return;
    }
    if (id === "srv_flaky" && api.flakyCalls++ === 0) {
      send(res, { status: 503, body: { error: { code: "unavailable", message: "Try later" } } });
      return;
    }
    if (id === "srv_demo" || id === "srv_flaky") {
      const previous = invitation === "inv_answered" ? { previous: previousAnswer } : {};
      send(res, { status: 200, body: { ...demoSurvey, id, ...previous } });
      return;
    }
    if (id === "srv_en") {
      send(res, { status: 200, body: englishSurvey });
      return;
    }
    send(res, notFound());
    return;
  }

  const responses = /^\/api\/v1\/surveys\/([^/]+)\/responses$/.exec(path);
  if (req.method === "POST" && responses) {
    const body = JSON.parse(await readBody(req)) as Record<string, unknown>;
    api.posts.push({
      surveyId: decodeURIComponent(responses[1] as string),
      body,
      contentType: req.headers["content-type"],
    });
    send(res, api.nextPosts.shift() ?? { status: 201, body: { id: `rsp_${api.posts.length}` } });
    return;
  }

  send(res, notFound("No such route"));
}

// ------------------------------------------------------------------ set-up

let fake: Awaited<ReturnType<typeof startFakeServer>> | undefined;
let baseUrl: string;
let browser: Browser;
const contexts: BrowserContext[] = [];
let bundle: BundleSize;

beforeAll(async () => {
  bundle = await buildWebEntry("survey", distDir);
  await mkdir(screensDir, { recursive: true });
  fake = await startFakeServer(handle);
  baseUrl = fake.baseUrl;
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await fake?.close();
});

beforeEach(() => api.reset());

afterEach(async () => {
  for (const context of contexts.splice(0)) await context.close();
});

async function open(
  path: string,
  viewport: { width: number; height: number } = viewports.phone,
  extra: BrowserContextOptions = {},
): Promise<Page> {
  const context = await browser.newContext({
    viewport,
    locale: "da-DK",
    hasTouch: viewport.width < 1100,
    reducedMotion: "reduce",
    ...extra,
  });
  contexts.push(context);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("console", (message) => {
    if (message.type() === "error" && !message.text().includes("Failed to load resource")) {
      errors.push(message.text());
    }
  });
  await page.goto(baseUrl + path);
  (page as Page & { errors: string[] }).errors = errors;
  return page;
}

async function openForm(
  path: string,
  viewport?: { width: number; height: number },
  extra?: BrowserContextOptions,
): Promise<Page> {
  const page = await open(path, viewport, extra);
  await page.locator("#score-question").waitFor();
  return page;
}

function pageErrors(page: Page): string[] {
  return (page as Page & { errors: string[] }).errors;
}

async function expectAccessible(page: Page): Promise<void> {
  const result = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  const summary = result.violations.map(
    (v) => `${v.id}: ${v.help} -> ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
  );
  expect(summary).toEqual([]);
}

async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(screensDir, `survey-${name}.png`), fullPage: true });
}

async function lastPost(count = 1): Promise<Record<string, unknown>> {
  await expect.poll(() => api.posts.length).toBe(count);
  return api.posts[count - 1]?.body as Record<string, unknown>;
}

async function focusedId(page: Page): Promise<string> {
  return page.evaluate(() => document.activeElement?.id ?? "");
}

// ------------------------------------------------------------------ tests

describe("survey page", () => {
  it("stays tiny: the survey entry ships well under 15 kB of gzipped JS", () => {
    console.log(
      `survey bundle: JS ${bundle.js} B (${bundle.jsGzip} B gzip), CSS ${bundle.css} B (${bundle.cssGzip} B gzip)`,
    );
    expect(bundle.jsGzip).toBeGreaterThan(0);
    expect(bundle.jsGzip).toBeLessThan(15 * 1024);
  });

  it("on a phone: answering 9 with a comment and consent posts the right body and thanks", async () => {
    const page = await openForm("/s/srv_demo?team=Borgerservice&touchpoint=Skranke");
    expect(await page.getAttribute("html", "lang")).toBe("da");
    await expect.poll(() => page.title()).toBe("Din mening – Aabenraa Kommune");
    expect(await page.locator(".org").textContent()).toContain("Aabenraa Kommune");
    expect(await page.locator("#score-question").textContent()).toBe(demoSurvey.questions.da.score);
    expect(await page.locator("#scale-ends").textContent()).toContain("0 = Slet ikke sandsynligt");
    expect(await page.locator("#scale-ends").textContent()).toContain("10 = Meget sandsynligt");
    expect(await page.locator('label[for="comment"]').textContent()).toContain(
      demoSurvey.questions.da.why,
    );
    expect(await page.locator("#score-0").getAttribute("type")).toBe("radio");
    // The scale is a fieldset named by its legend, the survey's own question.
    expect(await page.getByRole("group", { name: demoSurvey.questions.da.score }).count()).toBe(1);
    expect(await page.getByRole("radio").count()).toBe(11);
    expect(await page.locator("#comment").getAttribute("maxlength")).toBe("2000");
    expect(await focusedId(page)).toBe(""); // no autofocus: no soft keyboard on load
    await screenshot(page, "phone-form");

    await page.locator('label[for="score-9"]').click();
    const comment = "Julie tog sig god tid og forklarede det hele. Tusind tak!";
    await page.locator("#comment").fill(comment);
    expect(await page.locator("#comment-count").textContent()).toBe(
      `${2000 - comment.length} tegn tilbage`,
    );
    await page.locator('label[for="consent"]').click();
    expect(await page.locator("#consent").isChecked()).toBe(true);
    expect(await page.locator('label[for="consent"]').textContent()).toBe(
      "I må gerne vise min kommentar på vores interne skærm",
    );
    await screenshot(page, "phone-filled");
    await page.getByRole("button", { name: "Send svar" }).click();

    await page.getByRole("heading", { name: "Tak for dit svar!" }).waitFor();
    expect(api.posts[0]?.surveyId).toBe("srv_demo");
    expect(api.posts[0]?.contentType).toContain("application/json");
    expect(await lastPost()).toEqual({
      score: 9,
      comment,
      consentToDisplay: true,
      team: "Borgerservice",
      touchpoint: "Skranke",
      channel: "link",
      language: "da",
    });
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe("H1");
    await screenshot(page, "phone-thanks");
    expect(pageErrors(page)).toEqual([]);
  });

  it("can be answered with the keyboard alone, with a visible focus and an announced error", async () => {
    const page = await openForm("/s/srv_demo?channel=qr&employee=Julie", viewports.laptop);
    for (let i = 0; i < 10 && (await focusedId(page)) !== "score-0"; i++)
      await page.keyboard.press("Tab");
    expect(await focusedId(page)).toBe("score-0");
    const outline = await page
      .locator('label[for="score-0"]')
      .evaluate((label) => getComputedStyle(label).outlineStyle);
    expect(outline).toBe("solid");

    // Through the form without a score: Enter in the name field submits and is refused.
    await page.keyboard.press("Tab");
    expect(await focusedId(page)).toBe("comment");
    await page.keyboard.press("Tab");
    expect(await focusedId(page)).toBe("consent");
    await page.keyboard.press("Tab");
    expect(await focusedId(page)).toBe("name");
    await page.keyboard.press("Enter");
    await expect
      .poll(() => page.locator("#score-error").textContent())
      .toBe("Vælg et tal fra 0 til 10.");
    expect(await page.locator("#score-error").getAttribute("role")).toBe("alert");
    expect(await focusedId(page)).toBe("score-0");
    expect(api.posts).toHaveLength(0);
    await screenshot(page, "laptop-score-missing");

    for (let i = 0; i < 7; i++) await page.keyboard.press("ArrowRight");
    expect(await page.locator("#score-7").isChecked()).toBe(true);
    expect(await page.locator("#score-error").textContent()).toBe("");
    await page.keyboard.press("Tab");
    await page.keyboard.type("Hurtig og venlig hjælp");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Space");
    expect(await page.locator("#consent").isChecked()).toBe(true);
    await page.keyboard.press("Tab");
    await page.keyboard.type("Ole");
    await page.keyboard.press("Tab");
    expect(await focusedId(page)).toBe("submit");
    await page.keyboard.press("Enter");

    await page.getByRole("heading", { name: "Tak for dit svar!" }).waitFor();
    expect(await lastPost()).toEqual({
      score: 7,
      comment: "Hurtig og venlig hjælp",
      consentToDisplay: true,
      name: "Ole",
      employee: "Julie",
      channel: "qr",
      language: "da",
    });
  });

  it("switches every text between Danish and English without a reload or losing the answer", async () => {
    const page = await openForm("/s/srv_demo");
    await page.locator('label[for="score-3"]').click();
    await page.locator("#comment").fill("For lang kø");
    const navigations: string[] = [];
    page.on("framenavigated", (frame) => navigations.push(frame.url()));

    await page.getByRole("button", { name: "English" }).click();
    expect(await page.getAttribute("html", "lang")).toBe("en");
    expect(await page.getByRole("button", { name: "English" }).getAttribute("aria-pressed")).toBe(
      "true",
    );
    expect(await page.getByRole("button", { name: "Dansk" }).getAttribute("aria-pressed")).toBe(
      "false",
    );
    expect(await page.locator("#score-question").textContent()).toBe(demoSurvey.questions.en.score);
    expect(await page.locator('label[for="comment"]').textContent()).toContain(
      demoSurvey.questions.en.why,
    );
    expect(await page.locator("#scale-ends").textContent()).toContain("0 = Not at all likely");
    expect(await page.locator('label[for="consent"]').textContent()).toBe(
      "You may show my comment on our internal wall",
    );
    expect(await page.locator('label[for="name"]').textContent()).toBe("Your name (optional)");
    expect(await page.locator("#comment-count").textContent()).toBe("1989 characters left");
    expect(await page.title()).toBe("Your opinion – Aabenraa Kommune");
    expect(await page.locator("#score-3").isChecked()).toBe(true);
    expect(await page.locator("#comment").inputValue()).toBe("For lang kø");
    const bodyText = await page.locator("body").textContent();
    for (const danish of ["Send svar", "valgfrit", "tegn tilbage", "Slet ikke"]) {
      expect(bodyText).not.toContain(danish);
    }
    await screenshot(page, "phone-english");

    await page.getByRole("button", { name: "Dansk" }).click();
    expect(await page.getAttribute("html", "lang")).toBe("da");
    expect(await page.getByRole("button", { name: "Send svar" }).count()).toBe(1);
    await page.getByRole("button", { name: "English" }).click();
    await page.getByRole("button", { name: "Send answer" }).click();
    await page.getByRole("heading", { name: "Thank you for your answer!" }).waitFor();
    expect((await lastPost()).language).toBe("en");
    expect(navigations).toEqual([]);
  });

  it("takes its first language from ?lang=, else from the survey", async () => {
    const byQuery = await openForm("/s/srv_demo?lang=en");
    expect(await byQuery.getAttribute("html", "lang")).toBe("en");
    expect(await byQuery.locator("#score-question").textContent()).toBe(
      demoSurvey.questions.en.score,
    );

    const bySurvey = await openForm("/s/srv_en");
    expect(await bySurvey.getAttribute("html", "lang")).toBe("en");
    expect(await bySurvey.locator("#name").count()).toBe(0); // askName: false
    const overridden = await openForm("/s/srv_en?lang=da");
    expect(await overridden.getAttribute("html", "lang")).toBe("da");
  });

  it("prefills an invitation's previous answer and lets a second submit edit it", async () => {
    const page = await openForm("/s/srv_demo?i=inv_answered&team=Borgerservice");
    expect(api.gets).toEqual(["/api/public/surveys/srv_demo?invitation=inv_answered"]);
    expect(await page.locator(".notice").textContent()).toBe(
      "Du har allerede svaret – du kan rette dit svar",
    );
    expect(await page.locator("#score-6").isChecked()).toBe(true);
    expect(await page.locator("#comment").inputValue()).toBe(previousAnswer.comment);
    expect(await page.locator("#consent").isChecked()).toBe(false);
    expect(await page.locator("#name").inputValue()).toBe("Mette");
    await screenshot(page, "phone-invitation");

    await page.locator('label[for="score-8"]').click();
    await page.locator('label[for="consent"]').click();
    await page.getByRole("button", { name: "Gem rettelsen" }).click();
    await page.getByRole("heading", { name: "Tak for dit svar!" }).waitFor();
    const expected = {
      score: 8,
      comment: previousAnswer.comment,
      consentToDisplay: true,
      name: "Mette",
      team: "Borgerservice",
      invitation: "inv_answered",
      channel: "email",
      language: "da",
    };
    expect(await lastPost()).toEqual(expected);

    await page.getByRole("button", { name: "Ret dit svar" }).click();
    expect(await page.locator(".notice").isVisible()).toBe(true);
    expect(await page.locator("#score-8").isChecked()).toBe(true);
    await page.locator('label[for="consent"]').click();
    await page.getByRole("button", { name: "Gem rettelsen" }).click();
    await page.getByRole("heading", { name: "Tak for dit svar!" }).waitFor();
    expect(await lastPost(2)).toEqual({ ...expected, consentToDisplay: false });
  });

  it("an unanswered invitation shows no notice and posts with channel email", async () => {
    const page = await openForm("/s/srv_demo?i=inv_new");
    expect(await page.locator(".notice").count()).toBe(0);
    await page.locator('label[for="score-10"]').click();
    await page.getByRole("button", { name: "Send svar" }).click();
    await page.getByRole("heading", { name: "Tak for dit svar!" }).waitFor();
    expect(await lastPost()).toEqual({
      score: 10,
      consentToDisplay: false,
      invitation: "inv_new",
      channel: "email",
      language: "da",
    });
  });

  it("in kiosk mode: large, no name, no autofocus, resets itself and keeps nothing", async () => {
    // With motion allowed, to see the countdown bar drain in the screenshot.
    const page = await openForm("/s/srv_demo?kiosk=1&touchpoint=Reception", tablet, {
      reducedMotion: "no-preference",
    });
    expect(await page.locator("html").getAttribute("class")).toContain("kiosk");
    expect(await page.locator("#name").count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe("BODY");
    expect(await page.locator("#comment").getAttribute("autocomplete")).toBe("off");
    const fontSize = await page.evaluate(() => getComputedStyle(document.documentElement).fontSize);
    expect(Number.parseFloat(fontSize)).toBeGreaterThanOrEqual(20);
    await screenshot(page, "tablet-kiosk");

    // A visitor who reads English answers; the next visitor gets the kiosk's Danish again.
    await page.getByRole("button", { name: "English" }).click();
    const comment = "Very kind welcome at the desk";
    await page.locator('label[for="score-10"]').tap();
    await page.locator("#comment").fill(comment);
    await page.locator('label[for="consent"]').tap();
    await page.getByRole("button", { name: "Send answer" }).tap();
    await page.getByRole("heading", { name: "Thank you for your answer!" }).waitFor();
    expect(await lastPost()).toEqual({
      score: 10,
      comment,
      consentToDisplay: true,
      touchpoint: "Reception",
      channel: "kiosk",
      language: "en",
    });
    expect(await page.locator("#countdown").textContent()).toMatch(
      /^Ready for the next answer in [1-5] seconds?$/,
    );
    expect(await page.getByRole("button", { name: "New answer" }).isVisible()).toBe(true);
    await page.waitForTimeout(1_200); // mid-countdown, entry animations done
    await screenshot(page, "tablet-kiosk-thanks");

    // Resets by itself after about five seconds.
    await page.locator("#score-question").waitFor({ timeout: 8_000 });
    expect(await page.getAttribute("html", "lang")).toBe("da");
    expect(await page.locator("input[name=score]:checked").count()).toBe(0);
    expect(await page.locator("#comment").inputValue()).toBe("");
    expect(await page.locator("#consent").isChecked()).toBe(false);
    expect(await page.locator("body").textContent()).not.toContain(comment);
    expect(await page.evaluate(() => document.activeElement?.tagName)).not.toMatch(
      /INPUT|TEXTAREA/,
    );

    // "Nyt svar" resets at once.
    await page.locator('label[for="score-4"]').tap();
    await page.locator("#comment").fill("Ventede længe");
    await page.getByRole("button", { name: "Send svar" }).tap();
    await page.getByRole("heading", { name: "Tak for dit svar!" }).waitFor();
    expect(await page.locator("#countdown").textContent()).toMatch(
      /^Klar til næste svar om [1-5] sekund(er)?$/,
    );
    await page.getByRole("button", { name: "Nyt svar" }).tap();
    await page.locator("#score-question").waitFor({ timeout: 1_000 });
    expect(await page.locator("input[name=score]:checked").count()).toBe(0);
    expect(await page.locator("#comment").inputValue()).toBe("");
    expect((await lastPost(2)).channel).toBe("kiosk");

    const stored = await page.evaluate(async () => ({
      local: localStorage.length,
      session: sessionStorage.length,
      cookie: document.cookie,
      databases: (await indexedDB.databases()).length,
      caches: "caches" in window ? (await caches.keys()).length : 0,
    }));
    expect(stored).toEqual({ local: 0, session: 0, cookie: "", databases: 0, caches: 0 });
    expect(await page.context().cookies()).toEqual([]);
    expect(pageErrors(page)).toEqual([]);
  });

  it("explains a 400 in the respondent's language and asks to retry shortly on 429, keeping the answer", async () => {
    const page = await openForm("/s/srv_demo");
    api.nextPosts.push(
      {
        status: 400,
        body: { error: { code: "invalid", message: "Kommentaren er for lang.", field: "comment" } },
      },
      {
        status: 429,
        body: { error: { code: "rate_limited", message: "Too many" } },
        headers: { "retry-after": "5" },
      },
    );
    await page.locator('label[for="score-2"]').click();
    await page.locator("#comment").fill("Ingen svar på min mail");
    await page.getByRole("button", { name: "Send svar" }).click();
    await expect
      .poll(() => page.locator("#form-error").textContent())
      .toBe("Din kommentar er for lang. Gør den lidt kortere, og prøv igen.");
    expect(await page.locator("#form-error").getAttribute("role")).toBe("alert");
    expect(await page.locator("#score-2").isChecked()).toBe(true);
    expect(await page.locator("#comment").inputValue()).toBe("Ingen svar på min mail");
    await screenshot(page, "phone-error-400");

    await page.getByRole("button", { name: "Send svar" }).click();
    await expect
      .poll(() => page.locator("#form-error").textContent())
      .toBe("Der kommer mange svar lige nu. Prøv igen om lidt.");
    await page.getByRole("button", { name: "English" }).click();
    expect(await page.locator("#form-error").textContent()).toBe(
      "We are receiving many answers right now. Please try again shortly.",
    );

    await page.getByRole("button", { name: "Send answer" }).click();
    await page.getByRole("heading", { name: "Thank you for your answer!" }).waitFor();
    expect(api.posts).toHaveLength(3);
  });

  it("says clearly when the survey is unknown or closed, and when the network fails", async () => {
    const da = await open("/s/srv_gone");
    await da.getByRole("heading", { name: "Undersøgelsen findes ikke" }).waitFor();
    expect(await da.getAttribute("html", "lang")).toBe("da");
    await screenshot(da, "phone-not-found");

    const en = await open("/s/srv_gone?lang=en");
    await en.getByRole("heading", { name: "Survey not found" }).waitFor();
    expect(await en.getAttribute("html", "lang")).toBe("en");

    const down = await open("/s/srv_down");
    await down.getByRole("heading", { name: "Vi kunne ikke hente spørgsmålene" }).waitFor();
    expect(await down.getByRole("button", { name: "Prøv igen" }).isVisible()).toBe(true);

    const flaky = await open("/s/srv_flaky");
    await flaky.getByRole("button", { name: "Prøv igen" }).click();
    await flaky.locator("#score-question").waitFor();
    expect(api.flakyCalls).toBe(2);
  });

  it("fits 320px without sideways scrolling, with touch targets of at least 44px", async () => {
    for (const width of [320, 390]) {
      const page = await openForm("/s/srv_demo?i=inv_answered", { width, height: 740 });
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow).toBe(0);
      const targets = await page
        .locator(".opt label, .lang button, #submit, .check, #comment, #name")
        .evaluateAll((els) =>
          els.map((el) => {
            const box = el.getBoundingClientRect();
            return { id: el.id || el.textContent, width: box.width, height: box.height };
          }),
        );
      expect(targets.length).toBe(11 + 2 + 4);
      for (const target of targets) {
        expect(target.width, `${width}px: ${target.id}`).toBeGreaterThanOrEqual(44);
        expect(target.height, `${width}px: ${target.id}`).toBeGreaterThanOrEqual(44);
      }
      if (width === 320) await screenshot(page, "320-invitation");
    }
  });

  it("has no axe WCAG 2.1 A/AA violations in Danish, English, kiosk, dark mode and every state", async () => {
    const da = await openForm("/s/srv_demo?i=inv_answered");
    await expectAccessible(da);
    await da.getByRole("button", { name: "English" }).click();
    await expectAccessible(da);

    const missing = await openForm("/s/srv_demo", viewports.laptop);
    await missing.getByRole("button", { name: "Send svar" }).click();
    await missing.locator("#score-error").filter({ hasText: "Vælg" }).waitFor();
    await expectAccessible(missing);
    api.nextPosts.push({
      status: 400,
      body: { error: { code: "invalid", message: "Ugyldigt svar." } },
    });
    await missing.locator('label[for="score-5"]').click();
    await missing.getByRole("button", { name: "Send svar" }).click();
    await missing.locator("#form-error").filter({ hasText: "Ugyldigt" }).waitFor();
    await expectAccessible(missing);
    await missing.getByRole("button", { name: "Send svar" }).click();
    await missing.getByRole("heading", { name: "Tak for dit svar!" }).waitFor();
    await expectAccessible(missing);

    const kiosk = await openForm("/s/srv_demo?kiosk=1", tablet);
    await expectAccessible(kiosk);
    await kiosk.getByRole("button", { name: "English" }).click();
    await expectAccessible(kiosk);
    await kiosk.locator('label[for="score-9"]').click();
    await kiosk.getByRole("button", { name: "Send answer" }).click();
    await kiosk.getByRole("heading", { name: "Thank you for your answer!" }).waitFor();
    await expectAccessible(kiosk);

    for (const viewport of [viewports.phone, viewports.laptop]) {
      const dark = await openForm("/s/srv_demo?i=inv_answered", viewport, { colorScheme: "dark" });
      await expectAccessible(dark);
      await dark.locator('label[for="score-9"]').click();
      await dark.keyboard.press("ArrowLeft");
      await dark.keyboard.press("ArrowRight");
      await screenshot(dark, `${viewport.width}-dark`);
    }

    const gone = await open("/s/srv_gone?lang=en");
    await gone.getByRole("heading", { name: "Survey not found" }).waitFor();
    await expectAccessible(gone);
  });

  it("looks right on a laptop (screenshots for review)", async () => {
    const page = await openForm("/s/srv_demo?team=Borgerservice", viewports.laptop);
    await screenshot(page, "1366-form");
    await page.locator('label[for="score-10"]').click();
    await page.locator("#comment").fill("Julie huskede min kones fødselsdag. Sikke en service!");
    await page.locator('label[for="consent"]').click();
    await page.locator("#name").fill("Anders");
    await screenshot(page, "1366-filled");
    await page.getByRole("button", { name: "Send svar" }).click();
    await page.getByRole("heading", { name: "Tak for dit svar!" }).waitFor();
    await screenshot(page, "1366-thanks");
    const inv = await openForm("/s/srv_demo?i=inv_answered", viewports.laptop);
    await screenshot(inv, "1366-invitation");
  });
});

// The same page against the lead's real API (in-process app on PGlite, no web/dist needed):
// proves the page and the server agree on paths, shapes and error bodies.
describe("survey page against the real API", () => {
  let app: TestApp;
  let token: string;
  let surveyId: string;

  beforeAll(async () => {
    app = await createTestApp();
    realApi = app;
    ({ token } = await app.createOrg("Aabenraa Kommune"));
    const created = await app.server.inject({
      method: "POST",
      url: "/api/v1/surveys",
      headers: bearer(token),
      payload: { name: "Borgerservice", language: "da", askConsent: true, askName: true },
    });
    expect(created.statusCode).toBe(201);
    surveyId = created.json<{ id: string }>().id;
  });

  afterAll(async () => {
    realApi = null;
    await app?.cleanup();
  });

  async function storedResponses() {
    const list = await app.server.inject({
      method: "GET",
      url: `/api/v1/responses?surveyId=${surveyId}`,
      headers: bearer(token),
    });
    expect(list.statusCode).toBe(200);
    return list.json<{ total: number; items: Record<string, unknown>[] }>();
  }

  it("answers a link survey and the server stores exactly what was given", async () => {
    const page = await openForm(`/s/${surveyId}?team=Borgerservice&touchpoint=Skranke`);
    expect(await page.locator(".org").textContent()).toContain("Aabenraa Kommune");
    expect(await page.locator("#score-question").textContent()).toMatch(/anbefale/);
    await page.locator('label[for="score-9"]').click();
    await page.locator("#comment").fill("Julie tog sig god tid. Tak!");
    await page.locator('label[for="consent"]').click();
    await page.locator("#name").fill("Anders");
    await page.getByRole("button", { name: "Send svar" }).click();
    await page.getByRole("heading", { name: "Tak for dit svar!" }).waitFor();

    const { total, items } = await storedResponses();
    expect(total).toBe(1);
    expect(items[0]).toMatchObject({
      score: 9,
      comment: "Julie tog sig god tid. Tak!",
      consentToDisplay: true,
      name: "Anders",
      team: "Borgerservice",
      touchpoint: "Skranke",
      channel: "link",
      language: "da",
    });
    expect(pageErrors(page)).toEqual([]);
  });

  it("prefills and edits an invitation's answer", async () => {
    const made = await app.server.inject({
      method: "POST",
      url: `/api/v1/surveys/${surveyId}/invitations`,
      headers: bearer(token),
      payload: { count: 1, team: "Jobcenter" },
    });
    expect(made.statusCode).toBe(201);
    const link = new URL(made.json<{ items: { url: string }[] }>().items[0]?.url as string);
    expect(link.pathname).toBe(`/s/${surveyId}`);
    expect(link.searchParams.get("i")).toBeTruthy();

    const first = await openForm(link.pathname + link.search);
    expect(await first.locator(".notice").count()).toBe(0);
    await first.locator('label[for="score-4"]').click();
    await first.locator("#comment").fill("Ventede længe");
    await first.getByRole("button", { name: "Send svar" }).click();
    await first.getByRole("heading", { name: "Tak for dit svar!" }).waitFor();

    const again = await openForm(link.pathname + link.search);
    expect(await again.locator(".notice").textContent()).toBe(
      "Du har allerede svaret – du kan rette dit svar",
    );
    expect(await again.locator("#score-4").isChecked()).toBe(true);
    expect(await again.locator("#comment").inputValue()).toBe("Ventede længe");
    await again.locator('label[for="score-6"]').click();
    await again.getByRole("button", { name: "Gem rettelsen" }).click();
    await again.getByRole("heading", { name: "Tak for dit svar!" }).waitFor();

    const { total, items } = await storedResponses();
    expect(total).toBe(2); // the edit replaced the invitation's answer, it did not add one
    expect(items.find((item) => item.team === "Jobcenter")).toMatchObject({
      score: 6,
      comment: "Ventede længe",
      channel: "email",
    });
  });

  it("shows the server's own 400 message and a 404 for an unknown survey", async () => {
    const page = await openForm(`/s/${surveyId}?employee=${"x".repeat(130)}`);
    await page.locator('label[for="score-8"]').click();
    await page.getByRole("button", { name: "Send svar" }).click();
    await expect.poll(() => page.locator("#form-error").textContent()).toMatch(/^employee: /);

    for (const id of ["00000000-0000-4000-8000-000000000000", "not-a-survey"]) {
      const gone = await open(`/s/${id}`);
      await gone.getByRole("heading", { name: "Undersøgelsen findes ikke" }).waitFor();
    }
  });
});
