import { type Browser, chromium } from "playwright-core";

/** Debian's Chromium, never a downloaded browser. Flags keep it off the closed network. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--disable-dev-shm-usage",
    ],
  });
}

/** Viewports we look at: a phone, a laptop and the office TV. */
export const viewports = {
  phone: { width: 390, height: 844 },
  laptop: { width: 1366, height: 900 },
  tv: { width: 1920, height: 1080 },
} as const;
