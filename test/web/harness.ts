import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { startServer, type AppOptions } from '../../src/serve/app.js';
import type { Db } from '../../src/store/db.js';

/** Debian's chromium (installed by .ci/run); override with CHRONIK_CHROMIUM. */
export const CHROMIUM = process.env.CHRONIK_CHROMIUM ?? '/usr/bin/chromium';
export const RESULTS_DIR = join(process.cwd(), 'test-results', 'web');

export interface Server {
  url: string;
  close: () => Promise<void>;
}

/** Serves the app (article API, pages, assets) over `db` on a random port of 127.0.0.1. */
export async function startWeb(db: Db, opts: AppOptions = {}): Promise<Server> {
  const server = await startServer(db, { ...opts, port: 0, host: '127.0.0.1' });
  return { url: server.url.replace(/\/$/, ''), close: () => server.close() };
}

export interface BrowserSession {
  context: BrowserContext;
  page: Page;
  /** Console errors, page errors and dialogs seen so far (an XSS would show up here). */
  problems: string[];
  close: () => Promise<void>;
}

/** Headless chromium with a fresh profile, 1280×800, collecting errors and dialogs. */
export async function openBrowser(): Promise<BrowserSession> {
  const profile = mkdtempSync(join(tmpdir(), 'chronik-chromium-'));
  // A persistent context is how playwright takes a user-data-dir: a fresh one per run.
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 800 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const problems: string[] = [];
  page.on('dialog', (d) => {
    problems.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  return {
    context,
    page,
    problems,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const path = join(RESULTS_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: false });
  return path;
}
