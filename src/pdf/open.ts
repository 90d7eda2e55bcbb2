// Opens a PDF with pdf.js in the safe configuration this project promises:
// no eval (CVE-2024-4367), character maps and standard fonts from the
// installed package (never fetched), and a destroy() that the caller owns.
import { createRequire } from 'node:module';
import path from 'node:path';
import { getDocument, type PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { checkPdfHeader, PdfOpenError } from './errors.ts';

const require = createRequire(import.meta.url);
// pdf.js in Node reads these with fs: they must be paths ending in a separator, not file: URLs.
const pdfjsRoot = path.dirname(require.resolve('pdfjs-dist/package.json'));
const CMAP_DIR = path.join(pdfjsRoot, 'cmaps') + path.sep;
const FONT_DIR = path.join(pdfjsRoot, 'standard_fonts') + path.sep;
const WASM_DIR = path.join(pdfjsRoot, 'wasm') + path.sep;

// pdf.js 5.7+ dropped the isEvalSupported option together with the eval it
// guarded (PostScript functions are no longer compiled to JS; a test checks
// the bundle has no eval). We still pass it, untyped, so that an older pdf.js
// resolved by mistake runs without eval too (CVE-2024-4367).
const NO_EVAL = { isEvalSupported: false } as Record<string, unknown>;

export { PdfOpenError } from './errors.ts';

export interface OpenedPdf {
  doc: PDFDocumentProxy;
  destroy(): Promise<void>;
}

export interface OpenOptions {
  /** the engine may take the buffer (pdf.js detaches it): no copy of a large file is made */
  transfer?: boolean;
  /** an image of more pixels is not decoded (pdf.js removes it from its page): its decoding would exceed the memory bound */
  maxImagePixels?: number;
}

/** Opens PDF bytes. The caller must call destroy() (use try/finally). */
export async function openPdf(bytes: Uint8Array, options: OpenOptions = {}): Promise<OpenedPdf> {
  checkPdfHeader(bytes);
  // pdf.js takes ownership of (and detaches) the buffer it is given: a copy, unless the caller gives it away.
  const task = getDocument({
    ...NO_EVAL,
    data: options.transfer ? bytes : bytes.slice(),
    ...(options.maxImagePixels !== undefined && { maxImageSize: Math.floor(options.maxImagePixels) }),
    cMapUrl: CMAP_DIR,
    cMapPacked: true,
    standardFontDataUrl: FONT_DIR,
    wasmUrl: WASM_DIR,
    useSystemFonts: false,
    disableFontFace: true,
    stopAtErrors: false,
    verbosity: 0,
  });
  try {
    const doc = await task.promise;
    return { doc, destroy: () => task.destroy() };
  } catch (err) {
    await task.destroy().catch(() => {});
    throw classifyOpenError(err);
  }
}

function classifyOpenError(err: unknown): PdfOpenError {
  const name = (err as { name?: string })?.name ?? '';
  const message = (err as { message?: string })?.message ?? String(err);
  if (name === 'PasswordException') return new PdfOpenError('encrypted', 'encrypted PDF: a password is required');
  if (name === 'InvalidPDFException') return new PdfOpenError('corrupt', `corrupt or truncated PDF: ${message}`);
  return new PdfOpenError('corrupt', `unreadable PDF: ${message}`);
}
