// PDFium in WebAssembly has a heap of 2 GB at most, and aborts when it is
// full (a fan-out of forms fills it in seconds). An instance that trapped is
// dropped: the document goes on with pdf.js, the next document gets a new
// PDFium, and nothing of the runtime's own is printed. The heap is filled here
// by allocations never touched (address space, not memory). And the file is
// not copied into the heap: PDFium reads it block by block from JavaScript.
import { afterEach, expect, test, vi } from 'vitest';
import { openDocument } from '../../src/pdf/document.ts';
import { pdfium, type Pdfium } from '../../src/pdf/pdfium/module.ts';
import { rawPdf } from '../support/hostile-pdfs.ts';
import { makePdf } from '../support/make-pdf.ts';

const bytes = makePdf({ pages: [{ runs: [{ text: '全年预算数为 4980.37 万元。', x: 72, y: 700, size: 12 }] }] });
const text = async (n: number, pdf: Awaited<ReturnType<typeof openDocument>>) =>
  (await pdf.readText(n)).items.map((i) => i.str).join('');

/** Allocates until not even 16 bytes are left. */
function fill(m: Pdfium): void {
  for (let size = 256 << 20; size >= 16; size >>= 1) while (m._malloc(size)) {}
}

afterEach(() => vi.restoreAllMocks());

test('PDFium out of memory: the document goes on with pdf.js, the next one gets a new PDFium, nothing printed', async () => {
  const printed = vi.spyOn(process.stderr, 'write');
  const logged = vi.spyOn(console, 'error');
  const pdf = await openDocument(bytes, 'pdfium');
  const m = await pdfium();
  fill(m);
  try {
    // PDFium cannot load the page in a full heap (it aborts): pdf.js reads it.
    expect(await text(1, pdf)).toContain('4980.37');
    expect((await pdf.pageSize(1)).width).toBeCloseTo(595.3);
  } finally {
    await pdf.destroy();
  }
  const next = await openDocument(bytes, 'pdfium');
  try {
    expect(await pdfium()).not.toBe(m);
    expect(await text(1, next)).toContain('4980.37');
  } finally {
    await next.destroy();
  }
  expect(printed).not.toHaveBeenCalled();
  expect(logged).not.toHaveBeenCalled();
  // The runtime's getters on globalThis (buffer, asm …) closed over the first instance: it was never collected.
  expect(Object.getOwnPropertyDescriptor(globalThis, 'asm')).toBeUndefined();
  expect(Object.getOwnPropertyDescriptor(globalThis, 'buffer')).toBeUndefined();
});

test('a document PDFium has no heap left to open is read by pdf.js', async () => {
  fill(await pdfium());
  const pdf = await openDocument(bytes, 'pdfium');
  try {
    expect(pdf.engine).toBe('pdfjs');
    expect(await text(1, pdf)).toContain('4980.37');
  } finally {
    await pdf.destroy();
  }
});

test('the file stays in JavaScript: PDFium reads the blocks it parses, its heap does not grow by the file', async () => {
  // one page of text and 64 MB in a stream nothing uses
  const ballast = `<< /Length ${64 << 20} >>\nstream\n${'\0'.repeat(64 << 20)}\nendstream`;
  const big = new Uint8Array(
    rawPdf([
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
      '<< /Length 40 >>\nstream\nBT /F1 12 Tf 72 700 Td (Budget 100) Tj ET\nendstream',
      '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
      ballast,
    ]),
  );
  const heap = (await pdfium()).HEAPU8.byteLength;
  const pdf = await openDocument(big, 'pdfium');
  try {
    expect(pdf.engine).toBe('pdfium');
    expect(await text(1, pdf)).toContain('Budget 100');
    expect((await pdfium()).HEAPU8.byteLength - heap).toBeLessThan(16 << 20);
  } finally {
    await pdf.destroy();
  }
});
