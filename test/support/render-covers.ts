// Prints the cover harness's HTML to PDF with the two producers real reports
// come from: LibreOffice (Writer's HTML import, then its PDF export) and
// Chromium (print to PDF through playwright-core, as web report systems do).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CHROMIUM } from './browser.ts';

/** LibreOffice: every page of `pages` (name → HTML) in one soffice run; name → PDF bytes. */
export function renderWithLibreOffice(pages: Map<string, string>): Map<string, Uint8Array> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'jixiao-covers-lo-'));
  try {
    const files = [...pages].map(([name, html]) => {
      const file = path.join(dir, `${name}.html`);
      writeFileSync(file, html);
      return file;
    });
    // Writer's own HTML filter, not Writer/Web's: page breaks and page size as printed.
    execFileSync(
      'soffice',
      ['--headless', '--infilter=HTML (StarWriter)', '--convert-to', 'pdf', '--outdir', dir, ...files],
      { stdio: 'ignore', env: { ...process.env, HOME: dir } },
    );
    return new Map(
      [...pages.keys()].map((name) => [name, new Uint8Array(readFileSync(path.join(dir, `${name}.pdf`)))]),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Chromium: each page printed on A4 as its CSS asks; name → PDF bytes. Offline: file: URLs only. */
export async function renderWithChromium(pages: Map<string, string>): Promise<Map<string, Uint8Array>> {
  const { chromium } = await import('playwright-core');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'jixiao-covers-chromium-'));
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage();
    await page.route(
      (url) => url.protocol !== 'file:',
      (route) => route.abort('blockedbyclient'),
    );
    const out = new Map<string, Uint8Array>();
    for (const [name, html] of pages) {
      const file = path.join(dir, `${name}.html`);
      writeFileSync(file, html);
      await page.goto(pathToFileURL(file).href);
      out.set(name, new Uint8Array(await page.pdf({ preferCSSPageSize: true, printBackground: false })));
    }
    return out;
  } finally {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
