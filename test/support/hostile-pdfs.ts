// Hostile PDFs for the limits tests (test/hostile/), each made here in a
// fraction of a second and small on disk, each costing without limits what
// an auditor's hostile input costs: memory, time, OCR or the terminal.
import { deflateRawSync, deflateSync } from 'node:zlib';
import { makePdf } from './make-pdf.ts';

/** A PDF from object bodies (object 1 is the catalog), with a correct xref table. */
export function rawPdf(bodies: (string | Uint8Array)[]): Uint8Array {
  const chunks: Uint8Array[] = [];
  let length = 0;
  const push = (c: string | Uint8Array) => {
    const b = typeof c === 'string' ? Buffer.from(c, 'latin1') : c;
    chunks.push(b);
    length += b.length;
  };
  push('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n');
  const offsets: number[] = [];
  bodies.forEach((body, i) => {
    offsets.push(length);
    push(`${i + 1} 0 obj\n`);
    push(body);
    push('\nendobj\n');
  });
  const xref = length;
  push(`xref\n0 ${bodies.length + 1}\n0000000000 65535 f \n`);
  for (const o of offsets) push(`${String(o).padStart(10, '0')} 00000 n \n`);
  push(`trailer\n<< /Size ${bodies.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`);
  return Buffer.concat(chunks);
}

function stream(dict: string, data: Uint8Array | string): Uint8Array {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'latin1') : data;
  return Buffer.concat([
    Buffer.from(`<< ${dict} /Length ${bytes.length} >>\nstream\n`, 'latin1'),
    bytes,
    Buffer.from('\nendstream', 'latin1'),
  ]);
}

/**
 * A zlib stream of `mb` MB of zeros, built without compressing them: one
 * compressed MB (a non-final, self-contained block) repeated, then an empty
 * final block and the Adler-32 of the zeros.
 */
export function zeroBomb(mb: number): Uint8Array {
  const block = deflateRawSync(Buffer.alloc(1 << 20), { finishFlush: 3 /* Z_FULL_FLUSH: byte-aligned, not final */ });
  const total = mb * (1 << 20);
  const adler = Buffer.alloc(4);
  adler.writeUInt32BE((((total % 65521) << 16) | 1) >>> 0);
  return Buffer.concat([Buffer.from([0x78, 0x9c]), ...Array(mb).fill(block), Buffer.from([0x03, 0x00]), adler]);
}

const page = (contents: string, resources = '', size = '595 842') =>
  `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${size}] /Resources << ${resources} >> /Contents ${contents} >>`;
const catalog = '<< /Type /Catalog /Pages 2 0 R >>';

/** A page whose content stream inflates to `mb` MB (of NULs, whitespace to the parser). */
export function flateBomb(mb = 1024): Uint8Array {
  return rawPdf([
    catalog,
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    page('4 0 R'),
    stream('/Filter /FlateDecode', zeroBomb(mb)),
  ]);
}

/** A page tree that declares `claimed` pages and holds one (pdf.js counts the kids: it reads one page). */
export function claimsManyPages(claimed = 100_000): Uint8Array {
  return rawPdf([catalog, `<< /Type /Pages /Kids [3 0 R] /Count ${claimed} >>`, page('4 0 R'), stream('', 'BT ET')]);
}

/** `n` real (empty) pages, one content stream shared: more than --max-pages from a few bytes per page. */
export function manyPages(n = 2001): Uint8Array {
  const kids = Array.from({ length: n }, (_, i) => `${4 + i} 0 R`).join(' ');
  const pages = Array.from(
    { length: n },
    () => `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 3 0 R >>`,
  );
  return rawPdf([catalog, `<< /Type /Pages /Kids [${kids}] /Count ${n} >>`, stream('', 'BT ET'), ...pages]);
}

/** Form XObjects each drawing the next `fan` times, `depth` levels: fan^depth draws from a few hundred bytes. */
export function xobjectFanOut(fan = 10, depth = 9): Uint8Array {
  const bodies: (string | Uint8Array)[] = [
    catalog,
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    page('4 0 R', '/XObject << /X 5 0 R >>'),
    stream('', '/X Do'),
  ];
  for (let level = 0; level < depth; level++) {
    const id = 5 + level;
    const last = level === depth - 1;
    const draws = last ? 'BT /F1 1 Tf (x) Tj ET 0 0 1 1 re f' : Array(fan).fill('/X Do').join(' ');
    const res = last ? '' : `/XObject << /X ${id + 1} 0 R >>`;
    bodies.push(stream(`/Type /XObject /Subtype /Form /BBox [0 0 595 842] /Resources << ${res} >>`, draws));
  }
  return rawPdf(bodies);
}

/** A chain of `depth` Form XObjects, each drawing the next once (pdf.js recurses through it). */
export function deepFormChain(depth = 20_000): Uint8Array {
  const bodies: (string | Uint8Array)[] = [
    catalog,
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    page('4 0 R', '/XObject << /X 5 0 R >>'),
    stream('', '/X Do'),
  ];
  for (let level = 0; level < depth; level++) {
    const id = 5 + level;
    const last = level === depth - 1;
    bodies.push(
      stream(
        `/Type /XObject /Subtype /Form /BBox [0 0 595 842] /Resources << ${last ? '' : `/XObject << /X ${id + 1} 0 R >>`} >>`,
        last ? '0 0 1 1 re f' : '/X Do',
      ),
    );
  }
  return rawPdf(bodies);
}

/**
 * A page of 9000 × 12600 pt (a 3 m poster) with no text and a scanned picture over a tenth of it (so
 * that --ocr auto reads it): OCR would render it at 875 million pixels.
 */
export function hugePage(): Uint8Array {
  const [w, h] = [1000, 1334];
  return rawPdf([
    catalog,
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    page('4 0 R', '/XObject << /Im1 5 0 R >>', '9000 12600'),
    stream('', '0 0 9000 12600 re S q 3000 0 0 4002 0 0 cm /Im1 Do Q'),
    stream(
      `/Type /XObject /Subtype /Image /Width ${w} /Height ${h} /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode`,
      deflateSync(Buffer.alloc(w * h, 255)),
    ),
  ]);
}

/** A scanned page of random dots (what a garbage CCITT or JBIG2 stream decodes to). */
export function noisePage(seed = 1): Uint8Array {
  const width = 1240;
  const height = 1754;
  const gray = new Uint8Array(width * height);
  let s = seed >>> 0;
  for (let i = 0; i < gray.length; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    gray[i] = s >>> 31 ? 0 : 255;
  }
  return makePdf({ pages: [{ runs: [], image: { width, height, gray } }] });
}

/**
 * `n` text items on one page, 50 set close to a line (one paragraph of 2,000
 * lines of prose). Spaced out into columns they would read as a table of
 * 2,000 rows, which src/tables/text-aligned.ts still reads in quadratic time.
 */
export function manyItems(n = 100_000): Uint8Array {
  const runs = [];
  for (let i = 0; i < n; i++) {
    const row = Math.floor(i / 50);
    const col = i % 50;
    runs.push({ text: col % 5 === 4 ? String(i % 997) : '项目', x: 20 + col * 10, y: 14_000 - row * 6.5, size: 5 });
  }
  return makePdf({ pages: [{ runs, width: 1400, height: 14_400 }] });
}

/** A report whose text holds a terminal escape that hides the rest of a line, a NUL and a BEL, inside the label of two contradicting counts. */
export const HIDE = '\u001b[8m';
export function controlCharacters(): Uint8Array {
  return makePdf({
    pages: [
      {
        runs: [
          { text: '2023年度部门整体支出绩效自评报告', x: 100, y: 760, size: 16 },
          { text: `收入合计${HIDE}隐藏\u0000\u0007 100 万元。`, x: 72, y: 700, size: 12 },
          { text: `全年查处${HIDE}违法案件 115 起。`, x: 72, y: 680, size: 12 },
        ],
      },
      { runs: [{ text: `全年查处${HIDE}违法案件 138 起。`, x: 72, y: 700, size: 12 }] },
    ],
  });
}

/**
 * A page that is one Flate-compressed image of side × side grey pixels, all black: 400 KB on disk at the default
 * 20,480 (400 MB of pixels), which decoded for drawing (four bytes a pixel, and copies) took 5.1 GB.
 */
export function imageBomb(side = 20_480): Uint8Array {
  const mb = Math.ceil((side * side) / (1 << 20));
  return rawPdf([
    catalog,
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    page('4 0 R', '/XObject << /Im0 5 0 R >>'),
    stream('', 'q 595 0 0 842 0 0 cm /Im0 Do Q'),
    stream(
      `/Type /XObject /Subtype /Image /Width ${side} /Height ${side} /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode`,
      zeroBomb(mb),
    ),
  ]);
}
