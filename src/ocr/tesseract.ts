// The tesseract.js engine (--ocr-engine tesseract): a pool of workers, fully offline: the simplified-Chinese model
// comes from the @tesseract.js-data/chi_sim package on disk, nothing is
// fetched, and no *.traineddata cache is written anywhere. Workers are made on
// first use, reused across pages and documents, and terminated by close().
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import PQueue from 'p-queue';
import { createWorker, type Worker } from 'tesseract.js';
import { toPgm } from '../pdf/render.ts';
import { evenLight, measureSkew, rotate, type Grey } from './image.ts';
import { findRules } from './rules.ts';
import type { OcrLine, OcrPool, OcrResult } from './types.ts';

const require = createRequire(import.meta.url);
const DATA_DIR = path.dirname(require.resolve('@tesseract.js-data/chi_sim/package.json'));
/** The models the chi_sim package ships (gzip): 4.0.0 (LSTM and legacy) and 4.0.0_best_int (LSTM only, integer: on the scanned sample it read every number right where 4.0.0 missed one, and ran 6 % faster). */
export type OcrModel = '4.0.0' | '4.0.0_best_int';
export const DEFAULT_MODEL: OcrModel = '4.0.0_best_int';

// eslint-disable-next-line max-lines-per-function -- split pending (issue 11)
export function createTesseractPool(
  size = Math.max(1, os.availableParallelism()),
  model: OcrModel = DEFAULT_MODEL,
): OcrPool {
  const langPath = path.join(DATA_DIR, model);
  const queue = new PQueue({ concurrency: size });
  const idle: Worker[] = [];
  const settings = new WeakMap<Worker, string>();
  const all: Promise<Worker>[] = [];
  let closed = false;

  const acquire = async (): Promise<Worker> => {
    const ready = idle.pop();
    if (ready) return ready;
    const made = createWorker('chi_sim', 1, { langPath, cacheMethod: 'none', gzip: true });
    all.push(made);
    const worker = await made;
    // Chinese text: no invented spaces between characters; one block of text per page.
    await worker.setParameters({ preserve_interword_spaces: '1' });
    return worker;
  };

  return {
    size,
    engine: 'tesseract',
    recognize(page, pixelsPerPoint) {
      if (closed) return Promise.reject(new Error('OCR pool is closed'));
      // The image upright and its ruling lines painted out (here, on the calling thread: tesseract.js has its own).
      // A photographed page's uneven light evened out first (a scan is left as it is).
      const lit = evenLight(page);
      const skew = measureSkew(lit);
      const img: Grey = rotate(lit, skew);
      const rules = findRules(img, pixelsPerPoint, { erase: true });
      // Mode 6 (one block) reads prose best; it drops the number columns of ruled tables, which mode 3 (automatic layout) keeps.
      const table = rules.filter((r) => r.x0 === r.x1).length >= 2;
      const dpi = Math.round(pixelsPerPoint * 72);
      const image = toPgm({ ...img, scale: pixelsPerPoint });
      return queue.add(async () => {
        const worker = await acquire();
        let broken = false;
        try {
          const wanted = `${dpi}|${table ? 3 : 6}`;
          if (settings.get(worker) !== wanted) {
            await worker.setParameters({
              user_defined_dpi: String(dpi),
              tessedit_pageseg_mode: (table ? '3' : '6') as never,
            });
            settings.set(worker, wanted);
          }
          const { data } = await worker.recognize(image, {}, { blocks: true, text: false });
          const lines: OcrLine[] = [];
          for (const block of data.blocks ?? []) {
            for (const para of block.paragraphs) {
              for (const line of para.lines) {
                lines.push({
                  confidence: line.confidence,
                  bbox: line.bbox,
                  baseline: line.baseline,
                  words: line.words.map((w) => ({ text: w.text, confidence: w.confidence, bbox: w.bbox })),
                });
              }
            }
          }
          return { engine: 'tesseract', confidence: data.confidence, lines, rules, skew } satisfies OcrResult;
        } catch (err) {
          // A worker that failed a page (tesseract.js's "Unexpected end of JSON input" when its wasm ran out of
          // memory) is not trusted with the next: it is ended, and the next page gets a fresh one.
          broken = true;
          void worker.terminate().catch(() => {});
          throw err;
        } finally {
          if (!broken) idle.push(worker);
        }
      }) as Promise<OcrResult>;
    },
    async close() {
      closed = true;
      await queue.onIdle();
      const workers = await Promise.allSettled(all);
      await Promise.all(
        workers.map((w) => (w.status === 'fulfilled' ? w.value.terminate().catch(() => {}) : undefined)),
      );
    },
  };
}
