// Debian's Chromium driven by playwright-core (Playwright's own browser
// download is not reachable here). Every page opened through here fails its
// test on any request that would leave the file system.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';

export const CHROMIUM = process.env.JIXIAO_CHROMIUM ?? '/usr/bin/chromium';

/** Why the browser tests cannot run here, or null when they can. */
export function browserMissing(): string | null {
  if (existsSync(CHROMIUM)) return null;
  return `Chromium not found at ${CHROMIUM}: the browser tests of the review site are SKIPPED (install it: apt-get install -y chromium; .ci/run does)`;
}

export interface Browser {
  context: BrowserContext;
  /** every URL requested that is not file: (must stay empty) */
  offsite: string[];
  open(url: string, viewport?: { width: number; height: number }): Promise<Page>;
  close(): Promise<void>;
}

/** `allow`: origins besides file: that pages may reach (the review server on 127.0.0.1); everything else is refused. */
export async function launch(options: { allow?: string[] } = {}): Promise<Browser> {
  const allowed = (url: string | URL) => {
    const u = new URL(url);
    return u.protocol === 'file:' || (options.allow ?? []).includes(u.origin);
  };
  const { chromium } = await import('playwright-core');
  const profile = mkdtempSync(path.join(os.tmpdir(), 'jixiao-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    viewport: { width: 1400, height: 1000 },
    deviceScaleFactor: 1,
    locale: 'zh-CN',
    timezoneId: 'UTC',
  });
  const offsite: string[] = [];
  // Refused before they leave, and recorded for the test to fail on.
  await context.route(
    (url) => !allowed(url),
    (route) => {
      offsite.push(route.request().url());
      return route.abort('blockedbyclient');
    },
  );
  context.on('request', (r) => {
    if (!allowed(r.url()) && !offsite.includes(r.url())) offsite.push(r.url());
  });
  const errors: string[] = [];
  return {
    context,
    offsite,
    async open(url, viewport) {
      const page = await context.newPage();
      if (viewport) await page.setViewportSize(viewport);
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(m.text());
      });
      (page as Page & { errors?: string[] }).errors = errors;
      await page.goto(url);
      return page;
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Console errors and uncaught exceptions of pages opened by this browser. */
export function pageErrors(page: Page): string[] {
  return (page as Page & { errors?: string[] }).errors ?? [];
}
