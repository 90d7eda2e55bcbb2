// Table digit recall (issue #26: OCR ahead of the `tesseract` command "at table
// digit recall ≥ 0.98"), on made pages with known truth, never the corpus:
// single-page tables of figures of the variation harness (test/fixtures/
// variation: nine classes, five styles, printed by LibreOffice or Chromium)
// put through the scan maker (test/support/variation/scan.ts: a dpi, a tilt,
// blur, JPEG), drawn for OCR as the pipeline draws a scanned page (200 dpi),
// then read in turn by the `tesseract` command (one thread, `tsv` for its word
// boxes) and by PP-OCR (one thread), each page's CPU counted.
//
// Truth: every run of the typed page that is a figure alone (a cell's value),
// with its box. A cell is read right when a figure read over its box (lines or
// words whose centre is within its row and whose extent meets its column, the
// boxes brought to the scanned frame: the tilt for the truth, PP-OCR's own
// deskew for its lines) is the same figure (digits and decimal point, thousands
// commas aside); per digit, the digits of the closest figure read there less
// its edit distance. A figure read there that is not the cell's is counted
// apart (misread: worse than missed).
//
//   node bench/ocr-tables.ts [--limit N] [--configs=fp32,int8-detection] [--rec=FILE.onnx] [--det=FILE.onnx]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { noiseReason } from '../src/ocr/noise.ts';
import type { OcrResult } from '../src/ocr/types.ts';
import { createPpOcrEngine, type PpOcrEngine, type PpOcrOptions } from '../src/ocr/ppocr/engine.ts';
import { openDocument } from '../src/pdf/document.ts';
import { toPgm, type GreyImage } from '../src/pdf/render.ts';
import type { TextItem } from '../src/pdf/types.ts';
import { FIXTURES, readManifest, type Entry } from '../test/support/variation/manifest.ts';
import { scannedEntry, type ScanOptions } from '../test/support/variation/scan.ts';
import { machine } from './extract.ts';

const DPI = 200;
const STYLES = ['grid', 'sheet', 'three', 'grid-dense', 'three-thousands'];
/** How the pages are scanned, in turn: each entry gets the next. */
export const SCANS: (ScanOptions & { name: string })[] = [
  { name: '150 dpi grey, tilt 0.8°', dpi: 150, tilt: 0.8 },
  { name: '200 dpi colour JPEG 75, tilt 0.6°', dpi: 200, tilt: 0.6, jpeg: 75 },
  { name: '300 dpi colour JPEG 70, blur 1 px, tilt 0.4°', dpi: 300, tilt: 0.4, blur: 1, jpeg: 70 },
];

interface Box {
  cx: number;
  cy: number;
  w: number;
  h: number;
}
interface Cell extends Box {
  figure: string;
}
interface TablePage {
  id: string;
  scan: string;
  image: GreyImage;
  cells: Cell[];
}
interface Read extends Box {
  text: string;
}

/** A figure alone: digits with thousands commas, a decimal part, a sign or a percent. */
const FIGURE = /^[-−]?\d{1,3}(?:,\d{3})+(?:\.\d+)?%?$|^[-−]?\d+(?:\.\d+)?%?$/;
/** The digits and decimal point of each number in a text (NFKC: full-width digits too), thousands commas dropped. */
export const figures = (text: string): string[] =>
  text
    .normalize('NFKC')
    .replace(/(?<=\d),(?=\d{3})/g, '')
    .match(/\d+(?:\.\d+)?/g) ?? [];

/** The entries read: single-page tables, the styles above, producers in turn. */
export function tableEntries(limit = Infinity): Entry[] {
  const all = readManifest().entries.filter(
    (e) => STYLES.includes(e.style) && !e.class.endsWith('-planted') && e.pages[0] === e.pages[1] && e.filler === 0,
  );
  const byKey = new Map<string, Entry[]>();
  for (const e of all) byKey.set(`${e.class}/${e.style}`, [...(byKey.get(`${e.class}/${e.style}`) ?? []), e]);
  return [...byKey.values()]
    .map((es, i) => es.find((e) => e.producer === (i % 2 ? 'chromium' : 'libreoffice')) ?? es[0]!)
    .slice(0, limit);
}

/** Runs that go on where the last ended (same baseline, no gap) joined: a cell's text as one run. */
function joined(items: TextItem[]): TextItem[] {
  const out: TextItem[] = [];
  for (const it of items) {
    if (it.str.trim() === '') {
      out.push({ ...it, str: '' }); // a space between cells (LibreOffice writes them) parts them
      continue;
    }
    const prev = out[out.length - 1];
    if (prev && Math.abs(it.y - prev.y) < 1 && Math.abs(it.x - (prev.x + prev.width)) < 0.25 * it.size)
      out[out.length - 1] = { ...prev, str: prev.str + it.str, width: it.x + it.width - prev.x };
    else out.push({ ...it });
  }
  return out;
}

/** The point p of the upright page as the scanner's tilt of `deg` (about the image's centre) puts it. */
function tilt(x: number, y: number, deg: number, w: number, h: number): [number, number] {
  const [c, s] = [Math.cos((deg * Math.PI) / 180), Math.sin((deg * Math.PI) / 180)];
  const [dx, dy] = [x - w / 2, y - h / 2];
  return [w / 2 + c * dx - s * dy, h / 2 + s * dx + c * dy];
}

/** One entry scanned and drawn for OCR, with its cells' figures and boxes in the drawn image's pixels. */
export async function tablePage(entry: Entry, scan: (typeof SCANS)[number]): Promise<TablePage[]> {
  const typed = await openDocument(new Uint8Array(readFileSync(`${FIXTURES}${entry.file}`)));
  const scanned = await openDocument(await scannedEntry(entry, scan));
  try {
    const n = entry.pages[0];
    const size = await typed.pageSize(n);
    if (size.width > size.height) return []; // the scan maker puts every page on A4 upright
    const image = await scanned.renderGrey(1, DPI, 'ocr');
    const s = image.scale;
    const deg = n % 2 ? scan.tilt : -scan.tilt;
    const cells = joined((await typed.readText(n)).items)
      .filter((it) => FIGURE.test(it.str.trim()))
      .map((it) => {
        const [cx, cy] = tilt(
          (it.x + it.width / 2) * s,
          (size.height - it.y - 0.33 * it.size) * s,
          deg,
          image.width,
          image.height,
        );
        return { figure: figures(it.str)[0]!, cx, cy, w: it.width * s, h: it.size * s };
      });
    return [{ id: entry.id, scan: scan.name, image, cells }];
  } finally {
    await typed.destroy();
    await scanned.destroy();
  }
}

function levenshtein(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++)
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length]!;
}

export interface CellScore {
  cells: number;
  right: number;
  misread: number;
  digits: number;
  digitsRight: number;
}

/** Each cell against what was read over it (see the head of this file). */
export function scoreCells(cells: Cell[], read: Read[], misreads?: string[]): CellScore {
  const score: CellScore = { cells: 0, right: 0, misread: 0, digits: 0, digitsRight: 0 };
  for (const c of cells) {
    const over = read
      .filter((r) => Math.abs(r.cy - c.cy) < 0.6 * c.h && Math.abs(r.cx - c.cx) < (r.w + c.w) / 2)
      .sort((a, b) => a.cx - b.cx);
    const got = figures(over.map((r) => r.text).join(' '));
    const want = c.figure.replace('.', '');
    score.cells++;
    score.digits += want.length;
    if (got.includes(c.figure)) {
      score.right++;
      score.digitsRight += want.length;
      continue;
    }
    if (got.length > 0) {
      score.misread++;
      misreads?.push(`${c.figure}→${got.join('|')}`);
    }
    score.digitsRight += Math.max(0, ...got.map((g) => want.length - levenshtein(want, g.replace('.', ''))));
  }
  return score;
}

/** PP-OCR's lines brought back to the scanned frame (its boxes are in the deskewed image). */
function ppocrReads(r: OcrResult, w: number, h: number): Read[] {
  const a = r.skew ?? 0;
  const [c, s] = [Math.cos(a), Math.sin(a)];
  return r.lines.map((l) => {
    const [x, y] = [(l.bbox.x0 + l.bbox.x1) / 2 - w / 2, (l.bbox.y0 + l.bbox.y1) / 2 - h / 2];
    return {
      cx: w / 2 + c * x - s * y,
      cy: h / 2 + s * x + c * y,
      w: l.bbox.x1 - l.bbox.x0,
      h: l.bbox.y1 - l.bbox.y0,
      text: l.words.map((wd) => wd.text).join(''),
    };
  });
}

/** `tesseract IMG - -l chi_sim tsv`, one thread: its words with their boxes, and the CPU of its process. */
function tesseractReads(file: string): { read: Read[]; ms: number } {
  const run = spawnSync(
    '/usr/bin/time',
    ['-f', '%U %S', 'tesseract', file, '-', '-l', 'chi_sim', '--dpi', String(DPI), 'tsv'],
    { env: { ...process.env, OMP_THREAD_LIMIT: '1' }, encoding: 'utf8', maxBuffer: 1 << 24 },
  );
  const [user, system] = (run.stderr.trim().split('\n').pop() ?? '').split(' ').map(Number);
  const read = run.stdout
    .split('\n')
    .slice(1)
    .map((l) => l.split('\t'))
    .filter((f) => f.length >= 12 && f[0] === '5' && f[11]!.trim() !== '')
    .map((f) => {
      const [left, top, width, height] = f.slice(6, 10).map(Number) as [number, number, number, number];
      return { cx: left + width / 2, cy: top + height / 2, w: width, h: height, text: f[11]! };
    });
  return { read, ms: ((user ?? NaN) + (system ?? NaN)) * 1000 };
}

const cpuMs = (from: NodeJS.CpuUsage) => {
  const d = process.cpuUsage(from);
  return (d.user + d.system) / 1000;
};

function add(into: CellScore, s: CellScore): void {
  for (const k of Object.keys(s) as (keyof CellScore)[]) into[k] += s[k];
}
const round = (v: number, places = 4) => Math.round(v * 10 ** places) / 10 ** places;
const summary = (s: CellScore) => ({
  ...s,
  cellRecall: round(s.right / s.cells),
  digitRecall: round(s.digitsRight / s.digits),
});

/** PP-OCR configurations to read with: the default, and the models named on the command line. */
function configs(): Record<string, Partial<PpOcrOptions>> {
  const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  const all: Record<string, Partial<PpOcrOptions>> = {
    fp32: { int8: { detection: false, recognition: false } },
    'int8-detection': { int8: { detection: true, recognition: false } },
  };
  const [det, rec] = [arg('det'), arg('rec')];
  if (det || rec)
    all.candidate = {
      int8: { detection: false, recognition: false },
      modelFiles: { ...(det && { detection: det }), ...(rec && { recognition: rec }) },
    };
  const only = arg('configs')?.split(',') ?? ['fp32', ...(det || rec ? ['candidate'] : [])];
  return Object.fromEntries(Object.entries(all).filter(([k]) => only.includes(k)));
}

export async function runOcrTablesBench(limit = Infinity): Promise<Record<string, unknown>> {
  const hasTesseract = !spawnSync('tesseract', ['--version']).error && existsSync('/usr/bin/time');
  const ppocr = configs();
  const names = Object.keys(ppocr);
  const engines: PpOcrEngine[] = await Promise.all(names.map((n) => createPpOcrEngine({ threads: 1, ...ppocr[n] })));
  const readers = [...(hasTesseract ? ['tesseract'] : []), ...names.map((n) => `ppocr-${n}`)];
  const totals = Object.fromEntries(
    readers.map((r) => [r, { cells: 0, right: 0, misread: 0, digits: 0, digitsRight: 0 }]),
  );
  const byScan: Record<string, Record<string, CellScore>> = {};
  const ms: Record<string, number> = {};
  const misreads: Record<string, string[]> = Object.fromEntries(readers.map((r) => [r, []]));
  const dir = mkdtempSync(path.join(os.tmpdir(), 'jixiao-tables-'));
  let pages = 0;
  try {
    const entries = tableEntries(limit);
    for (const [i, entry] of entries.entries()) {
      for (const page of await tablePage(entry, SCANS[i % SCANS.length]!)) {
        if (pages === 0) for (const e of engines) await e.recognize(copy(page.image), page.image.scale); // warm
        pages++;
        const got: Record<string, { read: Read[]; ms: number }> = {};
        if (hasTesseract) {
          const file = path.join(dir, 'page.pgm');
          writeFileSync(file, toPgm(page.image));
          got.tesseract = tesseractReads(file);
        }
        for (let j = 0; j < engines.length; j++) {
          const k = (i + j) % engines.length; // each page starts with another configuration
          const t = process.cpuUsage();
          noiseReason(page.image);
          const r = await engines[k]!.recognize(copy(page.image), page.image.scale);
          const used = cpuMs(t);
          got[`ppocr-${names[k]}`] = { read: ppocrReads(r, page.image.width, page.image.height), ms: used };
        }
        for (const [name, g] of Object.entries(got)) {
          const s = scoreCells(page.cells, g.read, misreads[name]);
          add(totals[name]!, s);
          add(((byScan[page.scan] ??= {})[name] ??= { cells: 0, right: 0, misread: 0, digits: 0, digitsRight: 0 }), s);
          ms[name] = (ms[name] ?? 0) + g.ms;
        }
        if (process.argv.includes('--verbose'))
          console.error(
            `${page.id} (${page.scan}): ${page.cells.length} cells; ` +
              readers.map((r) => `${r} ${scoreCells(page.cells, got[r]!.read).right}`).join(', '),
          );
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await Promise.all(engines.map((e) => e.release()));
  }
  const out: Record<string, unknown> = { machine: machine(), dpi: DPI, pages, scans: SCANS.map((s) => s.name) };
  for (const r of readers)
    out[r] = {
      cpuMsPerPage: Math.round(ms[r]! / pages),
      ...summary(totals[r]!),
      byScan: Object.fromEntries(Object.entries(byScan).map(([k, v]) => [k, summary(v[r]!)])),
      misreads: misreads[r]!.slice(0, 40),
    };
  if (hasTesseract)
    for (const n of names) out[`ratio-${n}-vs-tesseract`] = Math.round((ms.tesseract! / ms[`ppocr-${n}`]!) * 100) / 100;
  return out;
}

const copy = (img: GreyImage): GreyImage => ({ ...img, pixels: img.pixels.slice() });

/**
 * The scanned corpus reports' table pages (to find classes of failure, not to tune): each page's table
 * cells by the truth (facts with `table`, their quotes' figures) against the figures of the page's text
 * read, as multisets (no boxes in the truth, so no per-digit figure).
 */
export async function corpusTables(dir: string): Promise<Record<string, unknown>> {
  const hasTesseract = !spawnSync('tesseract', ['--version']).error && existsSync('/usr/bin/time');
  const ppocr = configs();
  const names = Object.keys(ppocr);
  const engines = await Promise.all(names.map((n) => createPpOcrEngine({ threads: 1, ...ppocr[n] })));
  const found: Record<string, number> = {};
  const ms: Record<string, number> = {};
  let [total, pages] = [0, 0];
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'jixiao-tables-'));
  try {
    for (const file of readdirSync(dir).filter((f) => f.endsWith('-scan.pdf'))) {
      const truth = JSON.parse(readFileSync(path.join(dir, file.replace(/\.pdf$/, '.truth.json')), 'utf8')) as {
        facts: { quote: string; page: number; table: boolean }[];
      };
      const byPage = new Map<number, string[]>();
      for (const f of truth.facts.filter((f) => f.table))
        byPage.set(f.page, [...(byPage.get(f.page) ?? []), ...figures(f.quote)]);
      const pdf = await openDocument(new Uint8Array(readFileSync(path.join(dir, file))));
      try {
        for (const [n, want] of byPage) {
          const image = await pdf.renderGrey(n, DPI, 'ocr');
          pages++;
          total += want.length;
          const got: Record<string, { read: Read[]; ms: number }> = {};
          if (hasTesseract) {
            writeFileSync(path.join(tmp, 'page.pgm'), toPgm(image));
            got.tesseract = tesseractReads(path.join(tmp, 'page.pgm'));
          }
          for (const [k, e] of engines.entries()) {
            const t = process.cpuUsage();
            noiseReason(image);
            const r = await e.recognize(copy(image), image.scale);
            got[`ppocr-${names[k]}`] = { read: ppocrReads(r, image.width, image.height), ms: cpuMs(t) };
          }
          for (const [name, g] of Object.entries(got)) {
            const read = figures(g.read.map((r) => r.text).join(' '));
            found[name] = (found[name] ?? 0) + multisetFound(want, read);
            ms[name] = (ms[name] ?? 0) + g.ms;
          }
        }
      } finally {
        await pdf.destroy();
      }
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
    await Promise.all(engines.map((e) => e.release()));
  }
  return {
    pages,
    cells: total,
    ...Object.fromEntries(
      Object.keys(found).map((k) => [
        k,
        { cellRecall: round(found[k]! / total), cpuMsPerPage: Math.round(ms[k]! / pages) },
      ]),
    ),
  };
}

function multisetFound(want: string[], read: string[]): number {
  const left = new Map<string, number>();
  for (const r of read) left.set(r, (left.get(r) ?? 0) + 1);
  let n = 0;
  for (const w of want) {
    const k = left.get(w) ?? 0;
    if (k > 0) [n] = [n + 1, left.set(w, k - 1)];
  }
  return n;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const i = process.argv.indexOf('--limit');
  const corpus = process.argv.find((a) => a.startsWith('--corpus='))?.slice('--corpus='.length);
  if (corpus) console.log(JSON.stringify(await corpusTables(corpus), null, 2));
  else console.log(JSON.stringify(await runOcrTablesBench(i < 0 ? Infinity : Number(process.argv[i + 1])), null, 2));
}
