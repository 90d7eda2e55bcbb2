// One-off, with scripts/quantize-ppocr.py: the calibration inputs for
// quantising PP-OCR's models to int8 — the detection input of every page and
// every third recognition crop, as jixiao's own steps make them
// (src/ocr/ppocr: light, deskew, rules erased, the ink window, detInput,
// cropBox), written as raw float32 files named by their shape; and the fp32
// models as the engine runs them (fused, src/ocr/ppocr/fuse.ts), to quantise.
//
//   node scripts/quantize-inputs.ts --made /tmp/calib      made pages only: tables of the
//     variation harness not in bench/ocr-tables.ts (the planted classes, other styles) and the
//     test reports, put through the scan maker (150/200/300 dpi, tilt, JPEG, blur); never the corpus
//   node scripts/quantize-inputs.ts FILE.pdf… /tmp/calib   the pages of PDFs
// Both also write /tmp/calib/fused/{det,rec}.onnx.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ort from 'onnxruntime-node';
import { evenLight, measureSkew, rotate } from '../src/ocr/image.ts';
import { dbBoxes, detGrid, detInput, inkWindow } from '../src/ocr/ppocr/det.ts';
import { DEFAULT_DET_LIMIT, MODEL_FILES } from '../src/ocr/ppocr/engine.ts';
import { fuseModel } from '../src/ocr/ppocr/fuse.ts';
import { batchInput, cropBox } from '../src/ocr/ppocr/rec.ts';
import { findRules } from '../src/ocr/rules.ts';
import { openDocument } from '../src/pdf/document.ts';
import { readManifest, type Entry } from '../test/support/variation/manifest.ts';
import { scannedEntry, type ScanOptions } from '../test/support/variation/scan.ts';
import { SCANS, tableEntries } from '../bench/ocr-tables.ts';

const args = process.argv.slice(2);
const out = args.pop();
if (!out || args.length === 0) throw new Error('usage: node scripts/quantize-inputs.ts (--made | FILE.pdf…) OUTDIR');
for (const d of ['det', 'rec', 'fused']) mkdirSync(path.join(out, d), { recursive: true });
const fused = {
  det: fuseModel(readFileSync(MODEL_FILES.detection)).model,
  rec: fuseModel(readFileSync(MODEL_FILES.recognition)).model,
};
writeFileSync(path.join(out, 'fused', 'det.onnx'), fused.det);
writeFileSync(path.join(out, 'fused', 'rec.onnx'), fused.rec);
const det = await ort.InferenceSession.create(fused.det, { intraOpNumThreads: 1 });

/** The PDFs to read: made ones (scanned bytes, named) or the files given. */
async function* documents(): AsyncGenerator<[string, Uint8Array]> {
  if (args[0] !== '--made') {
    for (const f of args) yield [f, new Uint8Array(readFileSync(f))];
    return;
  }
  // Not a page of the bench's: the planted classes (the same tables with a figure changed) in styles the bench does not use.
  const bench = new Set(tableEntries().map((e) => e.id));
  const entries = readManifest().entries.filter(
    (e) => e.class.endsWith('-planted') && !bench.has(e.id) && e.pages[1] - e.pages[0] < 2,
  );
  const picked = entries.filter((_, i) => i % 9 === 0);
  const scans: ScanOptions[] = [...SCANS, { dpi: 200, tilt: 1.2, blur: 1 }, { dpi: 150, tilt: -0.5, jpeg: 60 }];
  for (const [i, e] of picked.entries()) yield [e.id, await scannedEntry(e, scans[i % scans.length]!)];
  const reports = path.resolve('test/fixtures/reports');
  for (const [i, f] of readdirSync(reports)
    .filter((f) => f.endsWith('.pdf'))
    .entries()) {
    const pdf = await openDocument(new Uint8Array(readFileSync(path.join(reports, f))));
    const pages = pdf.numPages;
    await pdf.destroy();
    const asEntry: Entry = {
      id: f,
      class: 'report',
      style: 'report',
      producer: 'libreoffice',
      file: `../reports/${f}`,
      pages: [1, Math.min(pages, 4)],
      filler: 0,
    };
    yield [f, await scannedEntry(asEntry, scans[(i + 2) % scans.length]!)];
  }
}

let [pages, crops] = [0, 0];
for await (const [name, bytes] of documents()) {
  const pdf = await openDocument(bytes);
  for (let n = 1; n <= pdf.numPages; n++) {
    const page = await pdf.renderGrey(n, 200, 'ocr');
    const lit = evenLight(page);
    const img = rotate(lit, measureSkew(lit));
    findRules(img, page.scale, { erase: true });
    const input = detInput(img, DEFAULT_DET_LIMIT, inkWindow(img, detGrid(img.width, img.height, DEFAULT_DET_LIMIT)));
    if (input.width === 0 || input.height === 0) continue;
    writeFileSync(path.join(out, 'det', `p${pages++}_${input.height}x${input.width}.f32`), input.data);
    const o = await det.run({ x: new ort.Tensor('float32', input.data, [1, 3, input.height, input.width]) });
    const prob = Object.values(o)[0]!.data as Float32Array;
    const boxes = dbBoxes(
      prob,
      input.width,
      input.height,
      input.sx,
      input.sy,
      img.width,
      img.height,
      input.ox,
      input.oy,
    );
    const pieces = boxes.flatMap((b, i) => cropBox(img, b, i));
    for (let i = n % 3; i < pieces.length; i += 3) {
      const { data, width } = batchInput([pieces[i]!]);
      writeFileSync(path.join(out, 'rec', `c${crops++}_48x${width}.f32`), data);
    }
  }
  console.error(`${name}: ${pdf.numPages} pages`);
  await pdf.destroy();
}
console.log(`${pages} detection inputs, ${crops} recognition crops → ${out}`);
