// The two producers the harness prints with: LibreOffice (soffice --headless
// --convert-to pdf of the HTML, imported as a Writer document) and Chromium's
// print to PDF through playwright-core. Only the fixture script uses these;
// the tests read the PDFs they wrote.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export type Producer = 'libreoffice' | 'chromium';
export const PRODUCERS: readonly Producer[] = ['libreoffice', 'chromium'];

/** The font each producer sets the text in: two fonts, two font formats (CFF in LibreOffice, TrueType in Chromium). */
export const FONTS: Record<Producer, string> = {
  libreoffice: 'Noto Sans CJK SC',
  chromium: 'WenQuanYi Micro Hei',
};

/** Where WenQuanYi Micro Hei is: installed (fonts-wqy-microhei), or unpacked from its .deb into a folder. */
export function wqyFolder(): string | null {
  const candidates = [
    process.env.JIXIAO_WQY_DIR,
    '/usr/share/fonts/truetype/wqy',
    path.join(os.tmpdir(), 'jixiao-wqy/usr/share/fonts/truetype/wqy'),
  ];
  return candidates.find((d) => d && existsSync(path.join(d, 'wqy-microhei.ttc'))) ?? null;
}

export function libreofficeVersion(): string {
  return execFileSync('soffice', ['--version'], { encoding: 'utf8' }).trim().split('\n')[0]!;
}

/** Converts HTML files to PDFs of the same base name in outDir, in one soffice run (its own profile). */
export function libreoffice(htmlFiles: string[], outDir: string): void {
  const profile = pathToFileURL(path.join(os.tmpdir(), 'jixiao-variation-lo-profile')).href;
  execFileSync(
    'soffice',
    [
      `-env:UserInstallation=${profile}`,
      '--headless',
      '--infilter=HTML (StarWriter)',
      '--convert-to',
      'pdf:writer_pdf_Export',
      '--outdir',
      outDir,
      ...htmlFiles,
    ],
    { stdio: 'ignore', timeout: 600_000 },
  );
}

/** Prints HTML files to PDFs with Chromium (A4, the page's own @page margins), fonts through a fontconfig that adds WenQuanYi. */
export async function chromium(jobs: { html: string; pdf: string }[]): Promise<string> {
  const { chromium: browserType } = await import('playwright-core');
  const env: Record<string, string> = { ...(process.env as Record<string, string>) };
  const wqy = wqyFolder();
  if (wqy) {
    const dir = path.join(os.tmpdir(), 'jixiao-variation-fonts');
    mkdirSync(dir, { recursive: true });
    const conf = path.join(dir, 'fonts.conf');
    writeFileSync(
      conf,
      `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>\n  <dir>${wqy}</dir>\n  <cachedir>${dir}/cache</cachedir>\n</fontconfig>\n`,
    );
    env.FONTCONFIG_FILE = conf;
  } else
    console.warn(
      'WenQuanYi Micro Hei not found (apt-get install fonts-wqy-microhei): Chromium falls back to Noto (Type 3, larger files)',
    );
  const browser = await browserType.launch({
    executablePath: process.env.JIXIAO_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu'],
    env,
  });
  try {
    for (const job of jobs) {
      const page = await browser.newPage();
      await page.goto(pathToFileURL(job.html).href);
      await page.pdf({ path: job.pdf, format: 'A4', preferCSSPageSize: true, printBackground: true });
      await page.close();
    }
    return `Chromium ${browser.version()}`;
  } finally {
    await browser.close();
  }
}
