// Makes docs/review-report.png, the README's picture of the review site:
// `node scripts/review-screenshot.ts SITE_DIR` after `jixiao report samples/*.pdf --out SITE_DIR`.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { launch } from '../test/support/browser.ts';

const site = process.argv[2] ?? 'report';
const browser = await launch();
try {
  const page = await browser.open(pathToFileURL(path.resolve(site, 'documents', 'yueyanglou-scjg-2023.html')).href, {
    width: 1400,
    height: 860,
  });
  const warning = page.locator('button.finding.sev-warning').first();
  await warning.click();
  const id = await warning.getAttribute('data-finding');
  const box = page.locator(`.box.hl[data-findings~="${id}"]`).last();
  await box.hover();
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.resolve('docs/review-report.png') });
  if (browser.offsite.length > 0) throw new Error(`requests left the file system: ${browser.offsite.join(' ')}`);
} finally {
  await browser.close();
}
