// End-to-end tests against the production build, served by the one-command launcher on the embedded
// database, in a fresh data dir on a free port.
import fs from "node:fs";
import net from "node:net";
import { defineConfig, devices } from "@playwright/test";
import { chromium } from "playwright-core";

const NO_CHROMIUM =
  "No Chromium found: run `apt-get install chromium` (Debian) or `npx playwright install chromium`, or set CHROMIUM_PATH.";

/** Playwright's own Chromium when installed (undefined lets Playwright pick it), else the system one. */
function chromiumExecutablePath(): string | undefined {
  if (fs.existsSync(chromium.executablePath())) return undefined;
  const systemChromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  if (fs.existsSync(systemChromium)) return systemChromium;
  const error = new Error(NO_CHROMIUM);
  error.stack = NO_CHROMIUM;
  throw error;
}

function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

// The config is loaded by the runner and again by every worker: pick the port once, and let the
// workers, which inherit the runner's environment, read it back.
// E2E_BASE_URL points the specs at a server that is already running (e.g. a dev server while a
// feature is being built); unset, the config starts its own production server as below.
const externalBaseURL = process.env.E2E_BASE_URL?.replace(/\/$/, "") || undefined;
process.env.E2E_PORT ??= String(externalBaseURL ? 0 : await findFreePort());
const port = Number(process.env.E2E_PORT);
const baseURL = externalBaseURL ?? `http://127.0.0.1:${port}`;
const DATA_DIR = ".data/e2e";

export default defineConfig({
  testDir: "tests/e2e",
  reporter: "list",
  retries: process.env.CI ? 1 : 0,
  workers: 2,
  use: {
    baseURL,
    trace: "on-first-retry",
    launchOptions: {
      executablePath: chromiumExecutablePath(),
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  projects: [
    { name: "setup", testMatch: /.*\.setup\.ts/ },
    { name: "chromium", use: { ...devices["Desktop Chrome"] }, dependencies: ["setup"] },
    {
      name: "mobile",
      use: {
        ...devices["Pixel 7"],
        viewport: { width: 390, height: 844 },
        screen: { width: 390, height: 844 },
        isMobile: true,
        hasTouch: true,
      },
      dependencies: ["setup"],
    },
  ],
  webServer: externalBaseURL ? undefined : {
    // A fresh embedded database each run; the launcher migrates, seeds, builds if needed and serves.
    command: `node -e "require('node:fs').rmSync('${DATA_DIR}', { recursive: true, force: true })" && node_modules/.bin/tsx server/cli/start.ts`,
    url: baseURL,
    env: {
      PORT: String(port),
      DATA_DIR,
      SITE_URL: baseURL,
      // e2e always runs on the embedded database; server/env.ts reads an empty value as unset.
      DATABASE_URL: "",
      NEXT_TELEMETRY_DISABLED: "1",
      // ≈ 60 s after-sales window, so creator.spec.ts sees a commission settle. Specs that request
      // after-sales do so on PAID orders, which the window does not limit.
      MALL_AFTER_SALES_DAYS: "0.0007",
    },
    timeout: 8 * 60_000,
    reuseExistingServer: false,
    stdout: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 20_000 },
  },
});
