/**
 * The whole first-run journey through the real UI on a fresh database:
 * set up an organisation, create a survey, answer it on a phone, see the answer counted.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, viewports } from "../support/browser";
import { startServer } from "../support/server";

const COMMENT = "Julie i skranken var utrolig hjælpsom <b>tak</b>";

describe("web app: setup, survey, answer, analytics", () => {
  let server: { baseUrl: string; stop: () => Promise<void> | void };
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("creates an organisation, a survey, takes an answer and shows it in analytics", async () => {
    const admin = await browser.newContext({ viewport: viewports.laptop, locale: "da-DK" });
    const page = await admin.newPage();
    const failures = collectFailures(page);

    // First run: the app sends us to /setup by itself.
    await page.goto(server.baseUrl);
    await page.waitForURL("**/setup");
    await expect.poll(() => page.title()).toContain("Velkommen");
    await page.getByLabel("Organisationens navn").fill("Testkommune Borgerservice");
    await page.getByLabel("Dit navn").fill("Anne Admin");
    await page.getByLabel("Din e-mail").fill("anne@testkommune.dk");
    await page.getByLabel(/^Adgangskode/).fill("en lang hemmelig sætning");
    await page.getByLabel("Gentag adgangskode").fill("en lang hemmelig sætning");
    await page.getByRole("button", { name: "Opret organisation" }).click();

    // Logged in, on the overview, with the organisation in the header and an empty state.
    await page.getByRole("heading", { level: 1, name: "Overblik" }).waitFor();
    await expect
      .poll(() => page.getByTestId("organisation-name").textContent())
      .toBe("Testkommune Borgerservice");
    await page.getByText("Ingen besvarelser endnu").waitFor();

    // Create a survey through the navigation.
    await page.getByRole("link", { name: "Målinger" }).click();
    await page.getByRole("heading", { level: 1, name: "Målinger" }).waitFor();
    await page.getByRole("link", { name: "Ny måling" }).first().click();
    await page.getByLabel("Navn på målingen").fill("Besøg i Borgerservice");
    await page.getByRole("button", { name: "Opret måling" }).click();
    await page.getByRole("heading", { level: 1, name: "Besøg i Borgerservice" }).waitFor();

    const publicLink = await page.getByTestId("public-link").inputValue();
    expect(publicLink).toMatch(/\/s\/[^/?#]+/);
    const surveyId = new URL(publicLink).pathname.split("/").pop() as string;
    // The QR code for the link builder's link is a real image from the API.
    const qr = page.getByRole("img", { name: /QR-kode til/ });
    await expect
      .poll(() => qr.evaluate((img: HTMLImageElement) => img.naturalWidth))
      .toBeGreaterThan(0);

    // A citizen answers on a phone.
    const phone = await browser.newContext({
      viewport: viewports.phone,
      isMobile: true,
      hasTouch: true,
      locale: "da-DK",
    });
    const citizen = await phone.newPage();
    await citizen.goto(publicLink);
    await citizen.locator('label[for="score-9"]').click();
    await citizen.locator("#comment").fill(COMMENT);
    const [submitted] = await Promise.all([
      citizen.waitForResponse(
        (response) =>
          response.request().method() === "POST" &&
          response.url().includes(`/api/v1/surveys/${surveyId}/responses`),
      ),
      citizen.locator("#submit").click(),
    ]);
    expect(submitted.status()).toBe(201);
    await phone.close();

    // Back in the app: the answer is counted and the comment is listed, as text.
    await page.getByRole("link", { name: "Se resultater" }).click();
    await page.waitForURL(`**/analytics?*surveyId=${surveyId}*`);
    await page.getByRole("heading", { level: 1, name: "Analyse" }).waitFor();
    await expect
      .poll(() => page.getByTestId("nps-n").first().textContent())
      .toBe("n = 1 besvarelse");
    await expect.poll(() => page.getByTestId("nps-value").first().textContent()).toBe("+100");
    const comment = page.getByTestId("comment-item").filter({ hasText: "Julie i skranken" });
    await comment.waitFor();
    expect(await comment.textContent()).toContain(COMMENT);
    // User text is never parsed as HTML.
    expect(await comment.locator("b").count()).toBe(0);

    // The distribution chart drew; the comment count and the CSV link follow the filters.
    await page.getByTestId("distribution-chart").locator("svg").waitFor();
    const csv = await page.getByRole("link", { name: "Eksportér CSV" }).getAttribute("href");
    expect(csv).toContain(`surveyId=${surveyId}`);

    // A refusal from the API reads in Danish beside the field, not in the API's English.
    await page.getByRole("link", { name: "Indstillinger" }).click();
    await page.getByRole("heading", { level: 1, name: "Indstillinger" }).waitFor();
    const teamName = page.getByRole("textbox", { name: "Navn" });
    for (const attempt of [1, 2]) {
      await teamName.fill("Borgerservice");
      await page.getByRole("button", { name: "Tilføj" }).click();
      if (attempt === 1) await page.getByRole("cell", { name: "Borgerservice" }).waitFor();
    }
    await page.getByText("Navnet er allerede i brug. Vælg et andet.").waitFor();
    expect(await page.getByText("already exists").count()).toBe(0);
    await page.goBack();
    await page.getByRole("heading", { level: 1, name: "Analyse" }).waitFor();

    // The language switch remembers English across a reload.
    await page.getByTestId("language-switch").click();
    await page.getByRole("menuitem", { name: "English" }).click();
    await page.getByRole("heading", { level: 1, name: "Analytics" }).waitFor();
    await page.reload();
    await page.getByRole("heading", { level: 1, name: "Analytics" }).waitFor();
    await expect.poll(() => page.getByTestId("nps-n").first().textContent()).toBe("n = 1 response");

    expect(failures).toEqual([]);
    await admin.close();
  });
});

/** Console errors and failed API calls are bugs even when the page looks fine. */
function collectFailures(page: Page): string[] {
  const failures: string[] = [];
  page.on("console", (message) => {
    // Chromium logs every 4xx as a console error; an API refusal the UI shows is expected.
    if (message.type() === "error" && !/status of 4\d\d/.test(message.text())) {
      failures.push(`console: ${message.text()}`);
    }
  });
  page.on("pageerror", (error) => failures.push(`page: ${error.message}`));
  page.on("response", (response) => {
    const url = new URL(response.url());
    // 401 from the session probe before setup/login is expected.
    if (url.pathname.startsWith("/api/") && response.status() >= 500) {
      failures.push(`${response.status()} ${url.pathname}`);
    }
  });
  return failures;
}
