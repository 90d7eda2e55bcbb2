// Inputs for the batch tests and bench: small made reports (each different),
// variants of the typed sample, and bad files of every kind a batch meets.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { constants, deflateRawSync, deflateSync } from 'node:zlib';
import { defaultPdfEngine } from '../../src/pdf/document.ts';
import { compose } from '../support/compose.ts';
import { makePdf } from '../support/make-pdf.ts';

export const SAMPLE = fileURLToPath(new URL('../../samples/yueyanglou-scjg-2023.pdf', import.meta.url));

const ORGS = ['岳阳市财政局', '长沙市教育局', '株洲市农业农村局', '衡阳市卫生健康委员会', '湘潭市市场监督管理局'];

/** A small text report, different for every i (its own organisation, year and amounts). */
export function madeReport(i: number): Uint8Array {
  const org = `${ORGS[i % ORGS.length]}第${i + 1}分局`;
  const year = 2018 + (i % 6);
  const basic = 1000 + i * 7.13;
  const personnel = Math.round(basic * 0.7 * 100) / 100;
  const publicFunds = Math.round((basic - personnel) * 100) / 100;
  const paras = [
    { text: `${year}年度${org}整体支出绩效自评报告`, indent: 0, align: 'center' as const, bold: true, size: 16 },
    { text: '一、单位基本情况', indent: 0, bold: true },
    { text: `本单位编制数为 ${20 + (i % 30)} 人，实有人数 ${18 + (i % 30)} 人。` },
    { text: '二、支出情况', indent: 0, bold: true },
    {
      text: `基本支出全年预算数为 ${basic.toFixed(2)} 万元，其中人员经费 ${personnel.toFixed(2)} 万元，公用经费 ${publicFunds.toFixed(2)} 万元。预算执行率为 ${90 + (i % 10)}%。`,
    },
    { text: '三、自评结论', indent: 0, bold: true },
    { text: `经自评，本单位整体支出绩效自评得分 ${85 + (i % 15)} 分。` },
  ];
  // Every third report runs to a second page.
  if (i % 3 === 0)
    for (let k = 0; k < 30; k++) paras.push({ text: `第${k + 1}项工作按计划推进，完成率 ${80 + (k % 20)}%。` });
  return makePdf(compose(paras));
}

/** The typed sample with a comment after %%EOF: the same report, a different file (its own hash). */
export function sampleVariant(i: number): Uint8Array {
  const bytes = readFileSync(SAMPLE);
  return Buffer.concat([bytes, Buffer.from(`\n%variant ${i}\n`, 'latin1')]);
}

export interface BadFile {
  name: string;
  /** the manifest status and code it must end with */
  status: 'ok' | 'failed';
  code: string | null;
  bytes: Uint8Array;
}

/** One file of each kind a batch must contain; `code` is what the manifest must say. */
export function badFiles(): BadFile[] {
  const sample = readFileSync(SAMPLE);
  return [
    {
      name: 'truncated.pdf',
      status: 'failed',
      code: 'corrupt',
      bytes: sample.subarray(0, Math.floor(sample.length * 0.3)),
    },
    {
      name: 'corrupt.pdf',
      status: 'failed',
      code: 'corrupt',
      bytes: Buffer.concat([Buffer.from('%PDF-1.7\n'), noise(20_000, 7)]),
    },
    {
      name: 'encrypted.pdf',
      status: 'failed',
      code: 'encrypted',
      bytes: makePdf({ pages: [{ runs: [{ text: '保密', x: 72, y: 700 }] }], encrypted: true }),
    },
    { name: 'zero-byte.pdf', status: 'failed', code: 'empty', bytes: new Uint8Array(0) },
    {
      name: 'not-a-pdf.pdf',
      status: 'failed',
      code: 'not-pdf',
      bytes: Buffer.from('<html><body>404 Not Found</body></html>\n'),
    },
    {
      name: 'png-named-pdf.PDF',
      status: 'failed',
      code: 'not-pdf',
      bytes: Buffer.concat([Buffer.from('\x89PNG\r\n\x1a\n', 'latin1'), noise(2000, 3)]),
    },
    {
      name: 'thousands-of-pages.pdf',
      status: 'failed',
      code: 'too-many-pages',
      bytes: makePdf({ pages: Array.from({ length: 3000 }, () => ({ runs: [] })) }),
    },
    // pdf.js counts the page tree's leaves rather than trusting /Count (and src/pdf/pdfium/document.ts as it does): one page, read fine.
    { name: 'lying-page-count.pdf', status: 'ok', code: null, bytes: lyingPageCount(1_000_000) },
    // pdf.js's recursive parser runs out of stack; PDFium stops parsing a nesting 64 deep and reads the page.
    {
      name: 'deeply-nested.pdf',
      ...(defaultPdfEngine() === 'pdfium' ? { status: 'ok', code: null } : { status: 'failed', code: 'corrupt' }),
      bytes: deeplyNested(500_000),
    },
    { name: 'spinner.pdf', status: 'failed', code: 'timeout', bytes: spinner() },
    { name: 'memory-bomb.pdf', status: 'failed', code: 'out-of-memory', bytes: memoryBomb() },
  ];
}

/** Writes files into `dir` (created), returns their paths. */
export function writeAll(dir: string, files: { name: string; bytes: Uint8Array }[]): string[] {
  mkdirSync(dir, { recursive: true });
  return files.map((f) => {
    const p = path.join(dir, f.name);
    writeFileSync(p, f.bytes);
    return p;
  });
}

/** A deterministic PRNG (mulberry32): the same seed, the same bytes. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function noise(n: number, seed: number): Buffer {
  const r = prng(seed);
  const out = Buffer.alloc(n);
  for (let i = 0; i < n; i++) out[i] = Math.floor(r() * 256);
  return out;
}

/** Hand-written PDF from numbered object bodies: header, objects, xref, trailer. */
export function rawPdf(objects: (string | Buffer)[], trailerExtra = ''): Buffer {
  const parts: Buffer[] = [Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  let offset = parts[0]!.length;
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(offset);
    const b = Buffer.concat([
      Buffer.from(`${i + 1} 0 obj\n`),
      typeof body === 'string' ? Buffer.from(body, 'latin1') : body,
      Buffer.from('\nendobj\n'),
    ]);
    parts.push(b);
    offset += b.length;
  });
  let xref = `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) xref += `${String(o).padStart(10, '0')} 00000 n \n`;
  xref += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R${trailerExtra} >>\nstartxref\n${offset}\n%%EOF\n`;
  parts.push(Buffer.from(xref, 'latin1'));
  return Buffer.concat(parts);
}

/** /Count says a million pages; there is one. */
function lyingPageCount(count: number): Buffer {
  return rawPdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [3 0 R] /Count ${count} >>`,
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>',
  ]);
}

/** An array nested `depth` deep in the catalog: a recursive parser runs out of stack. */
function deeplyNested(depth: number): Buffer {
  return rawPdf([
    `<< /Type /Catalog /Pages 2 0 R /Deep ${'['.repeat(depth)}${']'.repeat(depth)} >>`,
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>',
  ]);
}

/** 500 pages that all draw one compressed content stream of a million operators: a small file that takes minutes to read. */
export function spinner(pages = 500): Buffer {
  const op = Buffer.from('1 0 0 1 0 0 cm 0 0 m ');
  const content = Buffer.alloc(op.length * 1_000_000);
  for (let i = 0; i < content.length; i += op.length) op.copy(content, i);
  const z = deflateSync(content, { level: 9 });
  const kids = Array.from({ length: pages }, (_, i) => `${i + 4} 0 R`).join(' ');
  return rawPdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [${kids}] /Count ${pages} >>`,
    Buffer.concat([
      Buffer.from(`<< /Length ${z.length} /Filter /FlateDecode >>\nstream\n`),
      z,
      Buffer.from('\nendstream'),
    ]),
    ...Array.from({ length: pages }, () => '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 3 0 R >>'),
  ]);
}

/** A content stream that inflates to `mb` MB of zeros (PDF white space) from a file of about mb KB. */
export function memoryBomb(mb = 1024): Buffer {
  const zeros = Buffer.alloc(1024 * 1024);
  const chunks: Buffer[] = [];
  // Deflate blocks are independent, so one compressed MB repeated, joined by sync flushes, inflates to mb MB.
  const d = deflateRawChunk(zeros);
  for (let i = 0; i < mb; i++) chunks.push(d);
  const body = Buffer.concat([Buffer.from([0x78, 0x9c]), ...chunks, Buffer.from([0x03, 0x00])]);
  return rawPdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>',
    Buffer.concat([
      Buffer.from(`<< /Length ${body.length} /Filter /FlateDecode >>\nstream\n`),
      body,
      Buffer.from('\nendstream'),
    ]),
  ]);
}

/** Raw deflate of `data` ending in a sync flush (no final block), so copies can be concatenated. */
function deflateRawChunk(data: Buffer): Buffer {
  return deflateRawSync(data, { level: 9, finishFlush: constants.Z_SYNC_FLUSH });
}
