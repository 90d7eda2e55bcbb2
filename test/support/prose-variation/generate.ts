// Renders the prose harness's fixtures: every source report in every style by
// both producers, checked against its plan with pdftotext, and the manifest
// of what each must read as. Needs Chromium and LibreOffice; the tests need
// neither (the PDFs are committed).
//
//   npx node test/support/prose-variation/generate.ts [--only zt-s1]
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { planFodt } from './fodt.ts';
import { planHtml } from './html.ts';
import { planDocument, type Plan } from './plan.ts';
import { SOURCES } from './source.ts';
import { STYLES } from './styles.ts';
import type { Fixture, Manifest, Producer, SourceDoc, Style } from './types.ts';
import { verify } from './verify.ts';

export const FIXTURES = path.join(import.meta.dirname, '../../fixtures/prose-variation');
const CHROMIUM = process.env.JIXIAO_CHROMIUM ?? '/usr/bin/chromium';

interface Job {
  doc: SourceDoc;
  style: Style;
  plan: Plan;
  producer: Producer;
  file: string;
}

async function renderChromium(jobs: Job[], out: string): Promise<void> {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage();
    // Offline: the pages name no resource, and nothing may be fetched.
    await page.route(/^(?!file:|data:|about:)/, (route) => route.abort());
    for (const job of jobs) {
      await page.setContent(planHtml(job.doc, job.plan, job.style), { waitUntil: 'load' });
      await page.pdf({ path: path.join(out, job.file), preferCSSPageSize: true, printBackground: true });
    }
  } finally {
    await browser.close();
  }
}

function renderLibreOffice(jobs: Job[], out: string): void {
  if (jobs.length === 0) return;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'prose-variation-lo-'));
  try {
    const inputs = jobs.map((job) => {
      const file = path.join(dir, job.file.replace(/\.pdf$/, '.fodt'));
      writeFileSync(file, planFodt(job.doc, job.plan, job.style));
      return file;
    });
    execFileSync(
      'soffice',
      [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', dir, ...inputs],
      { stdio: 'ignore' },
    );
    for (const job of jobs) renameSync(path.join(dir, job.file), path.join(out, job.file));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function fixtureOf(job: Job): Fixture {
  return {
    file: job.file,
    cls: job.doc.id,
    style: job.style.id,
    producer: job.producer,
    pages: job.plan.pages.length,
    sections: job.plan.sections,
    facts: job.plan.facts,
  };
}

/** What a PDF draws: its text with every word's box, as pdftotext gives it (no dates, no ids). */
function drawn(file: string): string {
  const xml = execFileSync('pdftotext', ['-bbox-layout', file, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  return xml.slice(xml.indexOf('<doc>'));
}

/** The manifest with one line per fixture field and per expected section or fact: short, and a diff shows what changed. */
function manifestText(m: Manifest): string {
  const list = (xs: unknown[]) => `[\n${xs.map((x) => `    ${JSON.stringify(x)}`).join(',\n')}\n   ]`;
  const fixture = (f: Fixture) => {
    const { sections, facts, ...head } = f;
    return `  {\n   ${JSON.stringify(head).slice(1, -1)},\n   "sections": ${list(sections)},\n   "facts": ${list(facts)}\n  }`;
  };
  return (
    `{\n "note": ${JSON.stringify(m.note)},\n "styles": ${JSON.stringify(m.styles, null, 1).replace(/\n/g, '\n ')},\n` +
    ` "fixtures": [\n${m.fixtures.map(fixture).join(',\n')}\n ]\n}\n`
  );
}

async function main(): Promise<void> {
  const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;
  mkdirSync(FIXTURES, { recursive: true });
  const jobs: Job[] = [];
  for (const doc of SOURCES) {
    for (const style of STYLES) {
      if (only && !`${doc.id}-${style.id}`.startsWith(only)) continue;
      const plan = planDocument(doc, style);
      for (const producer of ['chromium', 'libreoffice'] as const) {
        jobs.push({ doc, style, plan, producer, file: `${doc.id}-${style.id}-${producer}.pdf` });
      }
    }
  }
  const out = mkdtempSync(path.join(os.tmpdir(), 'prose-variation-'));
  let bad = 0;
  let unchanged = 0;
  try {
    await renderChromium(
      jobs.filter((j) => j.producer === 'chromium'),
      out,
    );
    renderLibreOffice(
      jobs.filter((j) => j.producer === 'libreoffice'),
      out,
    );
    for (const job of jobs) {
      const fresh = path.join(out, job.file);
      const problems = verify(fresh, job.plan, job.style);
      if (problems.length > 0) {
        bad++;
        console.error(`${job.file}:\n  ${problems.slice(0, 8).join('\n  ')}`);
      }
      // A rendering that draws the same text in the same places as the committed one keeps the committed
      // bytes (producers stamp the time into every file): regenerating changes only what changed.
      const old = path.join(FIXTURES, job.file);
      if (existsSync(old) && drawn(old) === drawn(fresh)) unchanged++;
      else renameSync(fresh, old);
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
  const manifestFile = path.join(FIXTURES, 'manifest.json');
  const old: Manifest | null =
    only && existsSync(manifestFile) ? (JSON.parse(readFileSync(manifestFile, 'utf8')) as Manifest) : null;
  const fresh = jobs.map(fixtureOf);
  const kept = (old?.fixtures ?? []).filter((f) => !fresh.some((g) => g.file === f.file));
  const manifest: Manifest = {
    note: 'Made by test/support/prose-variation/generate.ts from source.ts and styles.ts; each PDF checked against its plan with pdftotext. Expected sections and facts come from the source, their pages from the plan.',
    styles: STYLES.map((s) => ({ id: s.id, note: s.note })),
    fixtures: [...kept, ...fresh].sort((a, b) => a.file.localeCompare(b.file)),
  };
  writeFileSync(manifestFile, manifestText(manifest));
  console.log(`${jobs.length} fixtures, ${unchanged} unchanged, ${bad} not as planned`);
  if (bad > 0) process.exitCode = 1;
}

if (import.meta.main ?? process.argv[1] === import.meta.filename) await main();
