// The happy-customer wall page (web/wall.html) in Debian Chromium, against a small fake of
// the three public wall endpoints: the config, the state and the server-sent event stream,
// whose events the tests push by hand. The wall entry is built on its own from
// web/vite.config.ts into .tmp/e2e/wall-dist, so a half-finished entry elsewhere in web/
// cannot break (or race) this test.
import { mkdir, readFile } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import { extname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { Browser, BrowserContext, BrowserContextOptions, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { launchBrowser, viewports } from "../support/browser";
import { type BundleSize, buildWebEntry, startFakeServer } from "../support/web-entry";

const root = resolve(fileURLToPath(import.meta.url), "../../..");
const distDir = join(root, ".tmp/e2e/wall-dist");
const screensDir = join(root, ".tmp/screens");
const hd = { width: 1280, height: 720 } as const;
const uhd = { width: 3840, height: 2160 } as const;

// ------------------------------------------------------------------ fixtures

const minutes = (n: number) => new Date(Date.now() - n * 60_000).toISOString();

type WallEvent = {
  id: string;
  score: number;
  comment?: string;
  employee?: string;
  touchpoint?: string;
  team?: string;
  at: string;
};

function danishRecent(): WallEvent[] {
  return [
    {
      id: "r1",
      score: 10,
      comment: "Julie huskede min kones fødselsdag. Sikke en service!",
      employee: "Julie",
      touchpoint: "Borgerservice",
      team: "Pas og kørekort",
      at: minutes(2),
    },
    { id: "r2", score: 9, touchpoint: "Telefonen", at: minutes(9) },
    {
      id: "r3",
      score: 10,
      comment: "Hurtig og venlig hjælp med mit pas – jeg var ude igen på ti minutter.",
      employee: "Ahmed",
      touchpoint: "Borgerservice",
      at: minutes(26),
    },
    {
      id: "r4",
      score: 10,
      comment: "Endelig en kommune, der ringer tilbage, når de siger det!",
      touchpoint: "Jobcenter",
      at: minutes(64),
    },
    {
      id: "r5",
      score: 9,
      comment: "Rart at blive mødt med et smil.",
      employee: "Mette",
      touchpoint: "Biblioteket",
      at: minutes(130),
    },
    { id: "r6", score: 10, team: "Ældreplejen", at: minutes(200) },
    {
      id: "r7",
      score: 9,
      comment:
        "Jeg var meget nervøs for mødet om min mors plejebolig, men sagsbehandleren tog sig god tid, forklarede alle mulighederne og ringede endda dagen efter for at høre, om vi havde flere spørgsmål. Det betød virkelig meget for hele familien.",
      touchpoint: "Borgerservice",
      at: minutes(320),
    },
    {
      id: "r8",
      score: 10,
      comment: "Tak for hjælpen med boligstøtten.",
      employee: "Søren",
      touchpoint: "Ydelser",
      at: minutes(60 * 26),
    },
  ];
}

function englishRecent(): WallEvent[] {
  return [
    {
      id: "e1",
      score: 10,
      comment: "Julie remembered my wife's birthday. What service!",
      employee: "Julie",
      touchpoint: "Citizen Services",
      at: minutes(1),
    },
    { id: "e2", score: 9, touchpoint: "Phone", at: minutes(14) },
    {
      id: "e3",
      score: 10,
      comment: "Quick and friendly help with my passport.",
      employee: "Ahmed",
      touchpoint: "Citizen Services",
      at: minutes(75),
    },
    {
      id: "e4",
      score: 9,
      comment: "They actually called back when they said they would!",
      touchpoint: "Job centre",
      at: minutes(190),
    },
  ];
}

function manyRecent(count: number): WallEvent[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `m${i}`,
    score: i % 3 === 0 ? 9 : 10,
    comment:
      i % 4 === 1
        ? undefined
        : `Svar nummer ${i + 1}: venligt personale, kort ventetid og en rigtig god oplevelse hele vejen igennem.`,
    employee: i % 2 === 0 ? "Julie" : undefined,
    touchpoint: "Borgerservice",
    at: minutes(i * 7 + 1),
  }));
}

const trend = [38, 41, 40, 46, 44, 49, 52, 54].map((nps, i) => ({
  week: `2025-W${String(14 + i).padStart(2, "0")}`,
  nps,
  n: 30 + i * 3,
}));

function state(recent: WallEvent[], extra: Record<string, unknown> = {}) {
  return {
    promotersToday: 7,
    promotersThisWeek: 18,
    goal: { perWeek: 25, progress: 18 },
    nps: {
      current: {
        n: 214,
        promoters: 142,
        passives: 46,
        detractors: 26,
        nps: 54.2,
        marginOfError95: 8.4,
      },
      trend,
    },
    recent,
    ...extra,
  };
}

const danishConfig = {
  name: "Glade borgere",
  organisationName: "Aabenraa Kommune",
  team: null,
  touchpoint: "Borgerservice",
  theme: "dark",
  language: "da",
  goalPerWeek: 25,
};

type Wall = { config: Record<string, unknown>; state: () => Record<string, unknown> };

const walls: Record<string, Wall> = {
  tok_dark: { config: danishConfig, state: () => state(danishRecent()) },
  tok_light: { config: { ...danishConfig, theme: "light" }, state: () => state(danishRecent()) },
  tok_en: {
    config: {
      ...danishConfig,
      name: "Happy citizens",
      organisationName: "Aabenraa Municipality",
      touchpoint: null,
      theme: "light",
      language: "en",
    },
    state: () => state(englishRecent(), { promotersToday: 4, promotersThisWeek: 11 }),
  },
  tok_many: { config: danishConfig, state: () => state(manyRecent(30)) },
  tok_empty: {
    config: { ...danishConfig, name: null, goalPerWeek: null },
    state: () => ({
      promotersToday: 0,
      promotersThisWeek: 0,
      goal: null,
      nps: { current: { n: 0, nps: null, marginOfError95: null }, trend: [] },
      recent: [],
    }),
  },
};

// ------------------------------------------------------------------ fake API

const api = {
  gets: [] as string[],
  streams: [] as { token: string; res: ServerResponse; lastEventId: string | null }[],
  /** Every stream request, including reconnects. */
  connects: [] as { token: string; lastEventId: string | null }[],
  revoked: new Set<string>(),
  seq: 0,
  reset() {
    this.gets = [];
    this.connects = [];
    this.revoked.clear();
    for (const s of this.streams.splice(0)) s.res.destroy();
  },
};

const contentTypes: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
};

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
}

function notFound(res: ServerResponse): void {
  json(res, 404, { error: { code: "not_found", message: "Wall not found" } });
}

async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const path = new URL(req.url ?? "/", "http://localhost").pathname;

  if (req.method === "GET" && /^\/w\/[^/]+\/?$/.test(path)) {
    res.writeHead(200, { "content-type": contentTypes[".html"] as string });
    res.end(await readFile(join(distDir, "wall.html")));
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
      notFound(res);
    }
    return;
  }

  const match = /^\/api\/walls\/([^/]+)(\/state|\/stream)?$/.exec(path);
  if (req.method !== "GET" || !match) {
    notFound(res);
    return;
  }
  const token = decodeURIComponent(match[1] as string);
  const wall = api.revoked.has(token) ? undefined : walls[token];
  api.gets.push(path);
  if (!wall) {
    notFound(res);
    return;
  }
  if (!match[2]) {
    json(res, 200, wall.config);
    return;
  }
  if (match[2] === "/state") {
    json(res, 200, wall.state());
    return;
  }
  const lastEventId = (req.headers["last-event-id"] as string | undefined) ?? null;
  api.connects.push({ token, lastEventId });
  res.writeHead(200, {
    "content-type": "text/event-stream",
    "cache-control": "no-cache",
    connection: "keep-alive",
  });
  // A short retry, so the reconnect test does not wait the browser's default 3 s.
  res.write("retry: 300\n: hello\n\n");
  const stream = { token, res, lastEventId };
  api.streams.push(stream);
  req.on("close", () => {
    const i = api.streams.indexOf(stream);
    if (i >= 0) api.streams.splice(i, 1);
  });
}

/** Sends one SSE event to every open stream of the wall. */
function push(token: string, type: string, data: unknown = {}): void {
  const id = ++api.seq;
  for (const s of api.streams) {
    if (s.token === token)
      s.res.write(`id: ${id}\nevent: ${type}\ndata: ${JSON.stringify(data)}\n\n`);
  }
}

async function streamOpen(token: string, count = 1): Promise<void> {
  await expect
    .poll(() => api.streams.filter((s) => s.token === token).length, { timeout: 5_000 })
    .toBeGreaterThanOrEqual(count);
}

// ------------------------------------------------------------------ harness

let fake: Awaited<ReturnType<typeof startFakeServer>> | undefined;
let baseUrl: string;
let browser: Browser;
const contexts: BrowserContext[] = [];
let bundle: BundleSize;

beforeAll(async () => {
  bundle = await buildWebEntry("wall", distDir);
  await mkdir(screensDir, { recursive: true });
  fake = await startFakeServer(handle);
  baseUrl = fake.baseUrl;
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  api.reset();
  await fake?.close();
});

beforeEach(() => api.reset());

afterEach(async () => {
  for (const context of contexts.splice(0)) await context.close();
});

type WallPage = Page & { errors: string[]; dialogs: string[] };

async function open(
  token: string,
  viewport: { width: number; height: number } = viewports.tv,
  extra: BrowserContextOptions = {},
): Promise<WallPage> {
  const context = await browser.newContext({
    viewport,
    locale: "da-DK",
    timezoneId: "Europe/Copenhagen",
    reducedMotion: "reduce",
    ...extra,
  });
  contexts.push(context);
  const page = (await context.newPage()) as WallPage;
  page.errors = [];
  page.dialogs = [];
  page.on("pageerror", (error) => page.errors.push(error.message));
  page.on("console", (message) => {
    if (message.type() === "error" && !message.text().includes("Failed to load resource")) {
      page.errors.push(message.text());
    }
  });
  page.on("dialog", (dialog) => {
    page.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.goto(`${baseUrl}/w/${token}`);
  return page;
}

/** Opens a wall and waits until its feed and its stream are live. */
async function openWall(
  token: string,
  viewport?: { width: number; height: number },
  extra?: BrowserContextOptions,
): Promise<WallPage> {
  const before = api.streams.filter((s) => s.token === token).length;
  const page = await open(token, viewport, extra);
  await page.locator("#screen").waitFor();
  await streamOpen(token, before + 1);
  await expect.poll(() => api.gets.filter((g) => g.endsWith("/state")).length).toBeGreaterThan(0);
  await page.waitForFunction(
    () =>
      document.querySelector("#value-today")?.textContent !== "0" ||
      document.querySelector("#empty:not([hidden])"),
  );
  // Right after a state load the page does not count live events itself (they may be
  // replays the state already holds); let that short window pass.
  await page.waitForTimeout(600);
  return page;
}

async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(screensDir, `wall-${name}.png`) });
}

function card(page: Page, id: string) {
  return page.locator(`.card-item[data-id="${id}"]`);
}

/** The page never scrolls, and every card it shows is whole. */
async function expectNoScroll(page: Page): Promise<{ shown: number; total: number }> {
  const result = await page.evaluate(() => {
    const doc = document.documentElement;
    const list = document.getElementById("cards") as HTMLElement;
    const bottom =
      list.getBoundingClientRect().bottom - Number.parseFloat(getComputedStyle(list).paddingBottom);
    const shown = [...list.querySelectorAll<HTMLElement>(".card-item:not(.off)")];
    return {
      scrollHeight: doc.scrollHeight,
      scrollWidth: doc.scrollWidth,
      innerHeight,
      innerWidth,
      overflowingCards: shown.filter((li) => li.getBoundingClientRect().bottom > bottom + 1).length,
      shown: shown.length,
      total: list.children.length,
    };
  });
  expect(result.scrollHeight).toBeLessThanOrEqual(result.innerHeight);
  expect(result.scrollWidth).toBeLessThanOrEqual(result.innerWidth);
  expect(result.overflowingCards).toBe(0);
  return { shown: result.shown, total: result.total };
}

// ------------------------------------------------------------------ tests

describe("happy-customer wall page", () => {
  it("stays small: the wall entry ships well under 25 kB of gzipped JS", () => {
    console.log(
      `wall bundle: JS ${bundle.js} B (${bundle.jsGzip} B gzip), CSS ${bundle.css} B (${bundle.cssGzip} B gzip)`,
    );
    expect(bundle.jsGzip).toBeGreaterThan(0);
    expect(bundle.jsGzip).toBeLessThan(25 * 1024);
  });

  it("shows the config, the tiles and the feed from /state, newest first", async () => {
    const page = await openWall("tok_dark");
    expect(await page.getAttribute("html", "lang")).toBe("da");
    expect(await page.getAttribute("html", "data-theme")).toBe("dark");
    expect(await page.locator("#title").textContent()).toBe("Glade borgere");
    expect(await page.locator("#subtitle").textContent()).toBe("Aabenraa Kommune · Borgerservice");
    expect(await page.locator("#value-today").textContent()).toBe("7");
    expect(await page.locator("#value-week").textContent()).toBe("18");
    expect(await page.locator("#value-nps").textContent()).toBe("+54");
    expect(await page.locator("#value-moe").textContent()).toBe("± 8");
    expect(await page.locator("#value-n").textContent()).toBe("214 svar");
    expect(await page.locator("#goal-count").textContent()).toBe("18 af 25");
    expect(await page.locator("#goal-label").textContent()).toBe("Mål for ugen");
    expect(await page.locator("#goal-hint").textContent()).toBe("7 mere til målet");
    expect(await page.locator("#spark-weeks").textContent()).toBe("uge 14–21");
    expect(await page.locator("#spark-plot path.spark-line").count()).toBe(1);
    expect(await page.locator("#label-today").textContent()).toBe("Glade kunder i\u00a0dag");

    const first = page.locator(".card-item").first();
    expect(await first.getAttribute("data-id")).toBe("r1");
    expect(await first.locator(".card-text").textContent()).toBe(
      "»Julie huskede min kones fødselsdag. Sikke en service!«",
    );
    expect(await first.locator(".card-thanks").textContent()).toBe("Tak, Julie!");
    expect(await first.locator(".card-time").textContent()).toBe("for 2 min siden");
    expect(await first.locator(".chip").allTextContents()).toEqual([
      "Borgerservice",
      "Pas og kørekort",
    ]);
    // No comment: the touchpoint instead, and no shout-out without an employee.
    expect(await card(page, "r2").locator(".card-text").textContent()).toBe(
      "Et 9-tal til Telefonen",
    );
    expect(await card(page, "r2").locator(".card-thanks").count()).toBe(0);
    expect(await card(page, "r2").locator(".chip").count()).toBe(0); // not twice

    expect(await card(page, "r4").locator(".card-time").textContent()).toBe("for 1 time siden");
    expect(await card(page, "r8").locator(".card-time").textContent()).toBe("i går");
    await expectNoScroll(page);
    expect(page.errors).toEqual([]);
  });

  it("shows a pushed response within a second, bumps the counters and ignores duplicates", async () => {
    const page = await openWall("tok_dark");
    const event = {
      id: "live-1",
      score: 10,
      comment: "Fantastisk hjælp i dag – tusind tak!",
      employee: "Karin",
      touchpoint: "Borgerservice",
      at: new Date().toISOString(),
    };
    const pushedAt = Date.now();
    push("tok_dark", "response", event);
    await card(page, "live-1").waitFor({ timeout: 1_000 });
    expect(Date.now() - pushedAt).toBeLessThan(1_000);
    expect(await page.locator(".card-item").first().getAttribute("data-id")).toBe("live-1");
    expect(await card(page, "live-1").locator(".card-text").textContent()).toBe(
      "»Fantastisk hjælp i dag – tusind tak!«",
    );
    expect(await card(page, "live-1").locator(".card-thanks").textContent()).toBe("Tak, Karin!");
    expect(await card(page, "live-1").locator(".card-time").textContent()).toBe("lige nu");
    await expect.poll(() => page.locator("#value-today").textContent()).toBe("8");
    expect(await page.locator("#value-week").textContent()).toBe("19");
    expect(await page.locator("#goal-count").textContent()).toBe("19 af 25");

    // The same item again (a replay) is ignored.
    push("tok_dark", "response", event);
    push("tok_dark", "response", { ...danishRecent()[2], id: "r3" });
    await page.waitForTimeout(300);
    expect(await card(page, "live-1").count()).toBe(1);
    expect(await card(page, "r3").count()).toBe(1);
    expect(await page.locator("#value-today").textContent()).toBe("8");

    // `stats` is the truth: the tiles follow it.
    push("tok_dark", "stats", {
      promotersToday: 12,
      promotersThisWeek: 25,
      goal: { perWeek: 25, progress: 25 },
      nps: { current: { n: 220, nps: 57.4, marginOfError95: 8.1 } },
    });
    await expect.poll(() => page.locator("#value-today").textContent()).toBe("12");
    expect(await page.locator("#value-week").textContent()).toBe("25");
    expect(await page.locator("#value-nps").textContent()).toBe("+57");
    expect(await page.locator("#goal-hint").textContent()).toBe("Målet er nået!");
    expect(await page.locator("#goal").getAttribute("class")).toContain("reached");
    await expectNoScroll(page);
    expect(page.errors).toEqual([]);
  });

  it("shows markup in a comment as text: no dialog, no <img>", async () => {
    const page = await openWall("tok_dark");
    const evil = "<img src=x onerror=alert(1)>";
    push("tok_dark", "response", {
      id: "xss",
      score: 10,
      comment: evil,
      employee: "<b>Bo</b>",
      touchpoint: '<script>alert("t")</script>',
      at: new Date().toISOString(),
    });
    await card(page, "xss").waitFor({ timeout: 1_000 });
    expect(await card(page, "xss").locator(".card-text").textContent()).toBe(`»${evil}«`);
    expect(await card(page, "xss").locator(".card-thanks").textContent()).toBe("Tak, <b>Bo</b>!");
    expect(await card(page, "xss").locator(".chip").first().textContent()).toBe(
      '<script>alert("t")</script>',
    );
    await page.waitForTimeout(300);
    expect(await page.locator("img").count()).toBe(0);
    expect(await page.locator(".card b, .card script").count()).toBe(0);
    expect(page.dialogs).toEqual([]);
    await screenshot(page, "1920-xss");
  });

  it("removes a hidden item from the screen", async () => {
    const page = await openWall("tok_dark");
    push("tok_dark", "response", {
      id: "to-hide",
      score: 9,
      comment: "Skal fjernes igen",
      at: new Date().toISOString(),
    });
    await card(page, "to-hide").waitFor({ timeout: 1_000 });
    push("tok_dark", "hide", { id: "to-hide" });
    push("tok_dark", "hide", { id: "r3" });
    await card(page, "to-hide").waitFor({ state: "detached", timeout: 2_000 });
    await card(page, "r3").waitFor({ state: "detached", timeout: 2_000 });
    // A replay of the hidden item does not bring it back.
    push("tok_dark", "response", { id: "to-hide", score: 9, at: new Date().toISOString() });
    await page.waitForTimeout(300);
    expect(await card(page, "to-hide").count()).toBe(0);
    expect(page.errors).toEqual([]);
  });

  it("shows a calm full-screen message when the link is revoked, and closes the stream", async () => {
    const page = await openWall("tok_dark");
    api.revoked.add("tok_dark");
    push("tok_dark", "revoked");
    await page.getByRole("heading", { name: "Denne skærm er ikke længere aktiv" }).waitFor();
    expect(await page.locator("#screen").isHidden()).toBe(true);
    await expect.poll(() => api.streams.filter((s) => s.token === "tok_dark").length).toBe(0);
    await page.waitForTimeout(800); // no reconnect after the retry time
    expect(api.streams.length).toBe(0);
    await screenshot(page, "1920-revoked");
    expect(page.errors).toEqual([]);
  });

  it("says so when the link is unknown (404 on the config)", async () => {
    const page = await open("tok_gone");
    await page.getByRole("heading", { name: "Ukendt eller tilbagekaldt skærm-link" }).waitFor();
    expect(await page.locator("#message-alt-title").textContent()).toBe(
      "Unknown or revoked screen link",
    );
    expect(api.connects).toEqual([]);
    await screenshot(page, "1920-unknown");
  });

  it("shows a small badge while reconnecting, then re-reads /state", async () => {
    const page = await openWall("tok_dark");
    push("tok_dark", "response", { id: "before-drop", score: 10, at: new Date().toISOString() });
    await card(page, "before-drop").waitFor({ timeout: 1_000 });
    const statesBefore = api.gets.filter((g) => g.endsWith("/state")).length;

    for (const s of api.streams.splice(0)) s.res.destroy();
    await page.locator("#status").waitFor({ timeout: 3_000 });
    expect(await page.locator("#status").textContent()).toBe("Genopretter forbindelsen…");
    await screenshot(page, "1920-reconnecting");
    // Unobtrusive: the wall is still there under it.
    expect(await page.locator("#screen").isVisible()).toBe(true);
    expect(await page.locator("#message").isHidden()).toBe(true);

    await streamOpen("tok_dark");
    expect(api.connects.at(-1)?.lastEventId).toBe(String(api.seq));
    await page.locator("#status").waitFor({ state: "hidden", timeout: 3_000 });
    await expect
      .poll(() => api.gets.filter((g) => g.endsWith("/state")).length)
      .toBeGreaterThan(statesBefore);
    // The state is the truth after a gap: the live item newer than it stays on screen.
    await expect.poll(() => page.locator("#value-today").textContent()).toBe("7");
    expect(await card(page, "before-drop").count()).toBe(1);
    expect(page.errors).toEqual([]);
  });

  it("never scrolls: 30 items at 1920x1080, 1280x720 and 3840x2160 show only what fits", async () => {
    for (const viewport of [viewports.tv, hd, uhd]) {
      const page = await openWall("tok_many", viewport);
      const { shown, total } = await expectNoScroll(page);
      expect(total).toBe(30);
      expect(shown).toBeGreaterThanOrEqual(3);
      expect(shown).toBeLessThan(30);
      // Newest first: the shown cards are the first ones.
      const ids = await page
        .locator(".card-item:not(.off)")
        .evaluateAll((els) => els.map((el) => (el as HTMLElement).dataset.id));
      expect(ids).toEqual(Array.from({ length: shown }, (_, i) => `m${i}`));
      // A new item pushes the oldest shown one off; still no scrolling.
      push("tok_many", "response", {
        id: "m-new",
        score: 10,
        comment: "Endnu en glad borger!",
        at: new Date().toISOString(),
      });
      await card(page, "m-new").waitFor({ timeout: 1_000 });
      await expectNoScroll(page);
      if (viewport === viewports.tv) await screenshot(page, "1920-many");
      expect(page.errors).toEqual([]);
    }
  });

  it("uses the light theme and English when the wall is configured so", async () => {
    const page = await openWall("tok_en");
    expect(await page.getAttribute("html", "lang")).toBe("en");
    expect(await page.getAttribute("html", "data-theme")).toBe("light");
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background).toBe("rgb(247, 243, 235)");
    expect(await page.locator("#label-today").textContent()).toBe("Happy customers today");
    expect(await page.locator("#label-week").textContent()).toBe("This week");
    expect(await page.locator("#goal-count").textContent()).toBe("18 of 25");
    expect(await page.locator("#goal-label").textContent()).toBe("Goal for the week");
    expect(await page.locator("#feed-title").textContent()).toBe("Right now");
    expect(await page.locator("#value-n").textContent()).toBe("214 answers");
    expect(await card(page, "e1").locator(".card-thanks").textContent()).toBe("Thank you, Julie!");
    expect(await card(page, "e1").locator(".card-text").textContent()).toBe(
      "“Julie remembered my wife's birthday. What service!”",
    );
    expect(await card(page, "e1").locator(".card-time").textContent()).toBe("1 min ago");
    expect(await card(page, "e2").locator(".card-text").textContent()).toBe("A 9 for Phone");
    expect(await card(page, "e3").locator(".card-time").textContent()).toBe("1 hour ago");
    expect(await page.locator("#spark-weeks").textContent()).toBe("weeks 14–21");

    for (const s of api.streams.splice(0)) s.res.destroy();
    await page.locator("#status").waitFor({ timeout: 3_000 });
    expect(await page.locator("#status").textContent()).toBe("Reconnecting…");
    await page.locator("#status").waitFor({ state: "hidden", timeout: 3_000 });
    await screenshot(page, "1920-light-en");
    expect(page.errors).toEqual([]);
  });

  it("refreshes relative times every 30 seconds", async () => {
    const context = await browser.newContext({ viewport: viewports.tv, reducedMotion: "reduce" });
    contexts.push(context);
    const page = await context.newPage();
    await page.clock.install();
    await page.goto(`${baseUrl}/w/tok_dark`);
    await card(page, "r1").waitFor();
    push("tok_dark", "response", { id: "tick", score: 10, at: new Date().toISOString() });
    await card(page, "tick").waitFor({ timeout: 1_000 });
    expect(await card(page, "tick").locator(".card-time").textContent()).toBe("lige nu");
    // Refreshed on a 30 s beat: after 3.5 minutes every time has moved on at least 3.
    await page.clock.runFor(3.5 * 60_000);
    expect(await card(page, "tick").locator(".card-time").textContent()).toBe("for 3 min siden");
    expect(await card(page, "r1").locator(".card-time").textContent()).toBe("for 5 min siden");
  });

  it("greets an empty wall kindly", async () => {
    const page = await openWall("tok_empty");
    expect(await page.locator("#title").textContent()).toBe("Glade kunder");
    expect(await page.locator("#empty").isVisible()).toBe(true);
    expect(await page.locator("#value-nps").textContent()).toBe("–");
    expect(await page.locator("#value-n").textContent()).toBe("Ingen svar endnu");
    expect(await page.locator("#goal").isHidden()).toBe(true);
    await screenshot(page, "1920-empty");
    push("tok_empty", "response", { id: "first", score: 10, at: new Date().toISOString() });
    await card(page, "first").waitFor({ timeout: 1_000 });
    expect(await page.locator("#empty").isHidden()).toBe(true);
    expect(await card(page, "first").locator(".card-text").textContent()).toBe("Et 10-tal!");
    expect(page.errors).toEqual([]);
  });

  it("looks right on the office TV (screenshots for review)", async () => {
    const dark = await openWall("tok_dark");
    await screenshot(dark, "1920-dark");
    const light = await openWall("tok_light");
    await screenshot(light, "1920-light");
    const small = await openWall("tok_dark", hd);
    await expectNoScroll(small);
    await screenshot(small, "1280-dark");
    const big = await openWall("tok_light", uhd);
    await expectNoScroll(big);
    await screenshot(big, "3840-light");

    // With motion: the entrance and the confetti, which is gone again within ~2 s and
    // never catches a click.
    const moving = await openWall("tok_dark", viewports.tv, { reducedMotion: "no-preference" });
    push("tok_dark", "response", {
      id: "party",
      score: 10,
      comment: "Bedste oplevelse med kommunen nogensinde!",
      employee: "Julie",
      touchpoint: "Borgerservice",
      at: new Date().toISOString(),
    });
    await card(moving, "party").waitFor({ timeout: 1_000 });
    await moving.waitForTimeout(450);
    await screenshot(moving, "1920-dark-confetti");
    expect(
      await moving.evaluate(
        () => getComputedStyle(document.getElementById("confetti") as Element).pointerEvents,
      ),
    ).toBe("none");
    await moving.waitForTimeout(2_300);
    const painted = await moving.evaluate(() => {
      const canvas = document.getElementById("confetti") as HTMLCanvasElement;
      const ctx = canvas.getContext("2d");
      if (!ctx || canvas.width === 0) return 0;
      const pixels = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
      let count = 0;
      for (let i = 3; i < pixels.length; i += 4) if ((pixels[i] as number) > 0) count++;
      return count;
    });
    expect(painted).toBe(0);
    await screenshot(moving, "1920-dark-after");
    for (const page of [dark, light, small, big, moving]) expect(page.errors).toEqual([]);
  });
});
