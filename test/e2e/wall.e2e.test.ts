import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, viewports } from "../support/browser";
import { type RunningServer, startServer } from "../support/server";

// The whole loop on the real server: a citizen answers on a phone, the office TV celebrates.
const screens = join(new URL("../..", import.meta.url).pathname, ".tmp/screens");
let server: RunningServer;
let browser: Browser;
let cookie: string;

async function api(path: string, body?: object) {
  const response = await fetch(`${server.baseUrl}${path}`, {
    method: body ? "POST" : "GET",
    headers: { "content-type": "application/json", cookie },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  expect(response.status).toBeLessThan(300);
  return response.json();
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
      name: "Mette",
      email: "mette@aabenraa.dk",
      password: "a long password",
    }),
  });
  cookie = (setup.headers.getSetCookie()[0] ?? "").split(";")[0] ?? "";
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe("the live wall in Chromium", () => {
  it("shows a phone answer of 10 within a second, user markup as plain text, and runs nothing", async () => {
    const survey = await api("/api/v1/surveys", { name: "Borgerservice", language: "da" });
    const wall = await api("/api/v1/walls", { name: "Glade borgere", goalPerWeek: 25 });
    await api("/api/v1/employees", { name: "Julie Hansen", team: "Borgerservice" });

    const tv = await browser.newContext({ viewport: viewports.tv });
    const wallPage = await tv.newPage();
    const dialogs: string[] = [];
    wallPage.on("dialog", async (d) => {
      dialogs.push(d.message());
      await d.dismiss();
    });
    await wallPage.goto(wall.url);
    await wallPage.locator("#value-today").waitFor();
    expect(await wallPage.locator("#value-today").textContent()).toBe("0");

    const phone = await browser.newContext({
      viewport: viewports.phone,
      isMobile: true,
      hasTouch: true,
    });
    const surveyPage = await phone.newPage();
    await surveyPage.goto(`${survey.publicUrl}?touchpoint=Borgerservice&employee=Julie%20Hansen`);
    await surveyPage.locator('label[for="score-10"]').click();
    const markup = "<img src=x onerror=alert(1)> Julie gjorde min dag!";
    await surveyPage.locator("#comment").fill(markup);
    await surveyPage.locator('label[for="consent"]').click();

    const sent = Date.now();
    await surveyPage.getByRole("button", { name: "Send svar" }).click();
    const card = wallPage.locator(".card-item").filter({ hasText: "Julie gjorde min dag!" });
    await card.waitFor({ timeout: 5000 });
    const elapsed = Date.now() - sent;
    await surveyPage.getByRole("heading", { name: "Tak for dit svar!" }).waitFor();

    expect(elapsed).toBeLessThan(1000);
    expect(await card.textContent()).toContain("<img src=x onerror=alert(1)>");
    expect(await card.textContent()).toContain("Tak, Julie!");
    expect(await wallPage.locator("img[src='x']").count()).toBe(0);
    expect(await wallPage.locator("#value-today").textContent()).toBe("1");
    // No <img> element exists, so no onerror can ever run; and no dialog has opened.
    expect(dialogs).toEqual([]);
    // The stats event that follows brings the NPS tile up to date.
    await expect
      .poll(() => wallPage.locator("#value-nps").textContent(), { timeout: 5000 })
      .toBe("+100");
    // Let the card's entrance finish (the LIVE dot pulses for ever, so only finite ones count).
    await wallPage.waitForFunction(() =>
      document
        .getAnimations()
        .every(
          (a) =>
            a.playState !== "running" ||
            a.effect?.getTiming().iterations === Number.POSITIVE_INFINITY,
        ),
    );
    await wallPage.screenshot({ path: join(screens, "wall-live-1920x1080.png") });
    await tv.close();
    await phone.close();
  });
});
