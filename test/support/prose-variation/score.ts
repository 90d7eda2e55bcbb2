// The prose harness's matrix and scores: every fixture read by the real
// pipeline, pass or fail for its sections and its facts (class × style ×
// producer), headings P/R/F1 as the corpus scorer counts them (level, ordinal,
// the title's first 8 characters without punctuation) and narrative-fact
// precision and recall (kind, value, page).
//
//   npx node test/support/prose-variation/score.ts [--list] [--only zt-s1]
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { extractBytes } from '../../../src/pipeline/extract.ts';
import { compare, describe, proseFacts } from './compare.ts';
import type { Fixture, Manifest } from './types.ts';

const DIR = path.join(import.meta.dirname, '../../fixtures/prose-variation');

/** The corpus scorer's title key: NFKC, no punctuation, symbols or spaces, first 8 characters. */
const titleKey = (t: string) => [...t.normalize('NFKC').replace(/[\p{P}\p{S}\p{Z}\s]/gu, '')].slice(0, 8).join('');

interface Tally {
  tp: number;
  pred: number;
  truth: number;
}
const add = (a: Tally, b: Tally) => ({ tp: a.tp + b.tp, pred: a.pred + b.pred, truth: a.truth + b.truth });
const prf = (t: Tally) => {
  const p = t.pred ? t.tp / t.pred : 1;
  const r = t.truth ? t.tp / t.truth : 1;
  return { p, r, f: p + r ? (2 * p * r) / (p + r) : 0 };
};

function headingTally(f: Fixture, sections: { level: number; ordinal: number; title: string }[]): Tally {
  const pred = sections.map((s) => `${s.level}|${s.ordinal}|${titleKey(s.title)}`);
  let tp = 0;
  for (const s of f.sections) {
    const at = pred.indexOf(`${s.level}|${s.ordinal}|${titleKey(s.title)}`);
    if (at >= 0) {
      pred.splice(at, 1);
      tp++;
    }
  }
  return { tp, pred: sections.length, truth: f.sections.length };
}

async function main(): Promise<void> {
  const manifest = JSON.parse(readFileSync(path.join(DIR, 'manifest.json'), 'utf8')) as Manifest;
  const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;
  const list = process.argv.includes('--list');
  let headings: Tally = { tp: 0, pred: 0, truth: 0 };
  let facts: Tally = { tp: 0, pred: 0, truth: 0 };
  const rows = new Map<string, Map<string, string>>();
  for (const f of manifest.fixtures) {
    if (only && !f.file.startsWith(only)) continue;
    const report = await extractBytes(new Uint8Array(readFileSync(path.join(DIR, f.file))), f.file, { ocr: 'never' });
    const o = compare(f, report);
    const d = describe(o);
    headings = add(headings, headingTally(f, report.sections));
    const nonDate = (k: string) => k !== 'date';
    const missed = o.facts.missed.filter((x) => nonDate(x.kind)).length;
    const spurious = o.facts.spurious.filter((x) => nonDate(x.kind)).length;
    const truth = f.facts.filter((x) => nonDate(x.kind)).length;
    facts = add(facts, { tp: truth - missed, pred: proseFacts(report).filter((x) => nonDate(x.kind)).length, truth });
    void spurious;
    const cell = `${d.sections.length === 0 ? 'S ok' : `S ${d.sections.length}✗`} ${d.facts.length === 0 ? 'F ok' : `F ${d.facts.length}✗`}`;
    const row = `${f.cls}-${f.style}`;
    rows.set(row, (rows.get(row) ?? new Map<string, string>()).set(f.producer, cell));
    if (list && d.sections.length + d.facts.length > 0)
      console.log(`${f.file}\n  ${[...d.sections, ...d.facts].join('\n  ')}`);
  }
  console.log('\n| class-style | chromium | libreoffice |\n| --- | --- | --- |');
  for (const [row, cells] of rows)
    console.log(`| ${row} | ${cells.get('chromium') ?? ''} | ${cells.get('libreoffice') ?? ''} |`);
  const h = prf(headings);
  const x = prf(facts);
  console.log(
    `\nheadings P ${h.p.toFixed(3)} R ${h.r.toFixed(3)} F1 ${h.f.toFixed(3)} (${headings.tp}/${headings.truth}, ${headings.pred} given)`,
  );
  console.log(
    `prose facts (no dates) P ${x.p.toFixed(3)} R ${x.r.toFixed(3)} F1 ${x.f.toFixed(3)} (${facts.tp}/${facts.truth}, ${facts.pred} given)`,
  );
}

await main();
