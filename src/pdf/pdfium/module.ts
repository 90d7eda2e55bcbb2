// PDFium compiled to WebAssembly (@embedpdf/pdfium), one instance per thread,
// made on first use. Its wasm is read from the installed package and handed
// over as bytes: the loader never fetches. No JavaScript engine is compiled
// into it (no V8, no XFA), and no form environment is set up: a PDF's scripts
// cannot run. The raw exports are called directly (the wrapped ones convert
// every argument). Its heap holds at most 2 GB: a file that needs more (a
// fan-out of forms) makes PDFium abort, and an instance that trapped is
// forgotten (discard) — the next document gets a new one. What the runtime
// would print (Cannot enlarge memory…, Aborted(…)) goes nowhere: a document's
// fault is one line, said by the pipeline.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/** The exports this project calls: pointers and handles are numbers. */
export interface Pdfium {
  HEAPU8: Uint8Array;
  _malloc(n: number): number;
  _free(p: number): void;
  _FPDF_LoadMemDocument(buf: number, size: number, password: number): number;
  _FPDF_LoadCustomDocument(access: number, password: number): number;
  /** the file as PDFium reads it: block by block from `bytes` (see fileAccess) */
  fileAccess(bytes: Uint8Array): FileAccess;
  _FPDF_CloseDocument(doc: number): void;
  _FPDF_GetLastError(): number;
  _FPDF_GetPageCount(doc: number): number;
  _FPDF_LoadPage(doc: number, index: number): number;
  _FPDF_GetPageSizeByIndexF(doc: number, index: number, size: number): number;
  _FPDF_ClosePage(page: number): void;
  _FPDFPage_GetRotation(page: number): number;
  _FPDFPage_GetMediaBox(page: number, l: number, b: number, r: number, t: number): number;
  _FPDFPage_GetCropBox(page: number, l: number, b: number, r: number, t: number): number;
  _FPDFPage_CountObjects(page: number): number;
  _FPDFPage_GetObject(page: number, i: number): number;
  _FPDFFormObj_CountObjects(form: number): number;
  _FPDFFormObj_GetObject(form: number, i: number): number;
  _FPDFPageObj_GetType(obj: number): number;
  _FPDFPageObj_GetMatrix(obj: number, m: number): number;
  _FPDFPageObj_GetFillColor(obj: number, r: number, g: number, b: number, a: number): number;
  _FPDFPageObj_GetStrokeColor(obj: number, r: number, g: number, b: number, a: number): number;
  _FPDFPageObj_GetClipPath(obj: number): number;
  _FPDFPageObj_CountMarks(obj: number): number;
  _FPDFImageObj_GetImagePixelSize(obj: number, width: number, height: number): number;
  /** the image decoded at its own size, its matrix and mask not applied; the caller destroys it */
  _FPDFImageObj_GetBitmap(obj: number): number;
  _FPDFPageObj_HasTransparency(obj: number): number;
  /** FPDF_IMAGEOBJ_METADATA: width, height, dpi across and down (floats), bits a pixel, colour space, marked-content id */
  _FPDFImageObj_GetImageMetadata(obj: number, page: number, metadata: number): number;
  _FPDFPage_GetAnnotCount(page: number): number;
  _FPDFPageObj_GetMark(obj: number, i: number): number;
  _FPDFClipPath_CountPaths(clip: number): number;
  _FPDFClipPath_CountPathSegments(clip: number, path: number): number;
  _FPDFClipPath_GetPathSegment(clip: number, path: number, i: number): number;
  _FPDFPath_CountSegments(path: number): number;
  _FPDFPath_GetPathSegment(path: number, i: number): number;
  _FPDFPath_GetDrawMode(path: number, fillMode: number, stroke: number): number;
  _FPDFPathSegment_GetPoint(seg: number, x: number, y: number): number;
  _FPDFPathSegment_GetType(seg: number): number;
  _FPDFPathSegment_GetClose(seg: number): number;
  _FPDFTextObj_GetFont(obj: number): number;
  _FPDFFont_GetGlyphWidth(font: number, glyph: number, size: number, width: number): number;
  _FPDFFont_GetIsEmbedded(font: number): number;
  _FPDFFont_GetBaseFontName(font: number, buf: number, len: number): number;
  _FPDFText_LoadPage(page: number): number;
  _FPDFText_ClosePage(tp: number): void;
  _FPDFText_CountChars(tp: number): number;
  _FPDFText_GetUnicode(tp: number, i: number): number;
  _FPDFText_IsGenerated(tp: number, i: number): number;
  _FPDFText_GetTextObject(tp: number, i: number): number;
  _FPDFText_GetFontSize(tp: number, i: number): number;
  _FPDFText_GetCharOrigin(tp: number, i: number, x: number, y: number): number;
  _FPDFText_GetLooseCharBox(tp: number, i: number, rect: number): number;
  _FPDFText_GetMatrix(tp: number, i: number, m: number): number;
  _FPDFBitmap_CreateEx(w: number, h: number, format: number, first: number, stride: number): number;
  _FPDFBitmap_Destroy(bitmap: number): void;
  _FPDFBitmap_FillRect(bitmap: number, l: number, t: number, w: number, h: number, colour: number): number;
  _FPDFBitmap_GetBuffer(bitmap: number): number;
  _FPDFBitmap_GetStride(bitmap: number): number;
  _FPDFBitmap_GetWidth(bitmap: number): number;
  _FPDFBitmap_GetHeight(bitmap: number): number;
  /** 1 grey, 2 BGR, 3 BGRx, 4 BGRA; 0 unknown */
  _FPDFBitmap_GetFormat(bitmap: number): number;
  _FPDF_RenderPageBitmapWithMatrix(bitmap: number, page: number, matrix: number, clip: number, flags: number): void;
  _FPDF_RenderPageBitmap(
    bitmap: number,
    page: number,
    x: number,
    y: number,
    w: number,
    h: number,
    rotate: number,
    flags: number,
  ): void;
}

/** An FPDF_FILEACCESS in the heap over bytes that stay in JavaScript; released once the document is closed. */
export interface FileAccess {
  ptr: number;
  release(): void;
}

let loading: Promise<Pdfium> | null = null;
/** the instance `loading` gave, once it has */
let loaded: Pdfium | null = null;

/** This thread's PDFium, loaded and initialised once (again after discard). */
export function pdfium(): Promise<Pdfium> {
  return (loading ??= load().then((m) => (loaded = m)));
}

/** WebAssembly's RuntimeError, what a trap throws (the ES lib this project compiles against declares no WebAssembly). */
const RuntimeError = (globalThis as unknown as { WebAssembly: { RuntimeError: new (message?: string) => Error } })
  .WebAssembly.RuntimeError;

/**
 * Whether `err` is a trap of the wasm instance (PDFium's abort() on a failed allocation, an unreachable):
 * its state is lost, and no call into it may be made again.
 */
export function isTrap(err: unknown): boolean {
  return err instanceof RuntimeError;
}

/** Forgets the instance `m` after a trap: the next pdfium() makes a new one, and `m` goes with its last user. */
export function discard(m: Pdfium): void {
  if (loaded !== m) return;
  loaded = null;
  loading = null;
}

/** The wasm file of the installed package. */
function wasmBytes(): Uint8Array {
  return readFileSync(createRequire(import.meta.url).resolve('@embedpdf/pdfium/pdfium.wasm'));
}

/**
 * PDFium's wasm compiled, to hand to threads (a WebAssembly.Module passes through postMessage and workerData
 * without a copy): each instantiates it (usePdfiumModule) rather than compiling its own, and the code V8
 * compiles and optimises as it runs is made once for all of them.
 */
export function compiledPdfium(): Promise<WasmModule> {
  return (compiling ??= Wasm.compile(wasmBytes()));
}
let compiling: Promise<WasmModule> | null = null;

/** This thread's PDFium made from a module compiled elsewhere (compiledPdfium), when it is first loaded. */
export function usePdfiumModule(module: WasmModule): void {
  shared = module;
}
let shared: WasmModule | null = null;

/** The WebAssembly API, as far as used here (the ES lib this project compiles against declares none). */
type WasmModule = object;
const Wasm = (
  globalThis as unknown as {
    WebAssembly: {
      compile(bytes: Uint8Array): Promise<WasmModule>;
      instantiate(module: WasmModule, imports: object): Promise<object>;
    };
  }
).WebAssembly;

async function load(): Promise<Pdfium> {
  const { init } = await import('@embedpdf/pdfium');
  const silent = () => {};
  const module = shared;
  const from = module
    ? // emscripten's hook for an instance made by the caller: from the module compiled once
      {
        instantiateWasm(imports: object, receive: (instance: object, module: WasmModule) => void) {
          void Wasm.instantiate(module, imports).then((instance) => receive(instance, module));
          return {};
        },
      }
    : { wasmBinary: arrayBufferOf(wasmBytes()) };
  const globals = new Set(Object.getOwnPropertyNames(globalThis));
  const wrapped = await init({ ...from, print: silent, printErr: silent } as never);
  unhookGlobals(globals);
  wrapped.PDFiumExt_Init();
  const runtime = wrapped.pdfium as unknown as {
    wasmExports: Record<string, unknown>;
    addFunction(f: (...args: number[]) => number, signature: string): number;
  };
  const m = direct(runtime.wasmExports);
  m.fileAccess = blockReader(m, runtime.addFunction);
  return m;
}

function arrayBufferOf(bytes: Uint8Array): ArrayBuffer {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

/**
 * The runtime (a build with assertions) hooks some 150 names on globalThis — getters that warn of symbols it
 * lacks (`buffer`, `asm` …) — the first time an instance is made, closing over that instance: it could never
 * be collected, and one PDFium dropped after a trap kept its 2 GB till the process ended. They are removed.
 */
function unhookGlobals(before: Set<string>): void {
  for (const name of Object.getOwnPropertyNames(globalThis)) {
    if (before.has(name)) continue;
    const d = Object.getOwnPropertyDescriptor(globalThis, name);
    if (d?.get && d.configurable) Reflect.deleteProperty(globalThis, name);
  }
}

/**
 * Files handed to PDFium as FPDF_FILEACCESS (FPDF_LoadCustomDocument): it asks for each block it parses
 * and the block is copied into its heap, so the file is held once, by JavaScript — FPDF_LoadMemDocument
 * needs the whole file copied into the heap first, and a 700 MB file was held twice (1975 MB at its
 * peak under the 2048 MB bound, against pdf.js's 1263 MB).
 */
function blockReader(m: Pdfium, addFunction: (f: (...args: number[]) => number, signature: string) => number) {
  const sources = new Map<number, Uint8Array>();
  let next = 1;
  // int m_GetBlock(void* param, unsigned long position, unsigned char* pBuf, unsigned long size): non-zero when read
  const getBlock = addFunction((param: number, position: number, buf: number, size: number) => {
    const bytes = sources.get(param);
    const [from, n] = [position >>> 0, size >>> 0];
    if (!bytes || from + n > bytes.length) return 0;
    m.HEAPU8.set(bytes.subarray(from, from + n), buf);
    return 1;
  }, 'iiiii');
  return (bytes: Uint8Array): FileAccess => {
    const id = next++;
    // struct FPDF_FILEACCESS { unsigned long m_FileLen; m_GetBlock; void* m_Param; }: three 32-bit words in wasm32
    const ptr = m._malloc(12);
    if (!ptr) throw new RuntimeError('no memory for a file access');
    new Uint32Array(m.HEAPU8.buffer, ptr, 3).set([bytes.length, getBlock, id]);
    sources.set(id, bytes);
    return {
      ptr,
      release: () => {
        sources.delete(id);
        m._free(ptr);
      },
    };
  };
}

/**
 * The wasm exports called directly: the package's own `_FPDF…` functions wrap each in argument
 * checks (a build with assertions) that cost more than the calls on a page of characters.
 */
function direct(exports: Record<string, unknown>): Pdfium {
  const memory = exports.memory as { buffer: ArrayBuffer };
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(exports)) if (typeof value === 'function') out[`_${name}`] = value;
  let heap = new Uint8Array(memory.buffer);
  Object.defineProperty(out, 'HEAPU8', {
    // a new view when the memory has grown (its old buffer is then detached: length 0)
    get: () => (heap.byteLength > 0 ? heap : (heap = new Uint8Array(memory.buffer))),
  });
  return out as unknown as Pdfium;
}

/** A scratch area of the wasm heap for out-parameters: 64 bytes, read as floats, doubles or ints. */
export class Scratch {
  readonly ptr: number;
  private readonly m: Pdfium;
  private views: { buffer: ArrayBufferLike; f32: Float32Array; f64: Float64Array; u32: Uint32Array } | null = null;
  constructor(m: Pdfium) {
    this.m = m;
    this.ptr = m._malloc(64);
  }
  private get v() {
    if (!this.views || this.views.f32.byteLength === 0) {
      const buffer = this.m.HEAPU8.buffer;
      this.views = {
        buffer,
        f32: new Float32Array(buffer, this.ptr, 16),
        f64: new Float64Array(buffer, this.ptr, 8),
        u32: new Uint32Array(buffer, this.ptr, 16),
      };
    }
    return this.views;
  }
  f32(i: number): number {
    return this.v.f32[i]!;
  }
  f64(i: number): number {
    return this.v.f64[i]!;
  }
  u32(i: number): number {
    return this.v.u32[i]!;
  }
  at(byte: number): number {
    return this.ptr + byte;
  }
  free(): void {
    this.m._free(this.ptr);
  }
}
