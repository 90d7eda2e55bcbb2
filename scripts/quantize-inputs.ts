// One-off, with scripts/quantize-ppocr.py: the calibration inputs for
// quantising PP-OCR's models to int8 — the detection input of every page of a
// PDF and every fourth recognition crop of every other page, as jixiao's own
// steps make them (src/ocr/ppocr: light, deskew, rules erased, detInput,
// cropBox), written as raw float32 files named by their shape.
//
//   node scripts/quantize-inputs.ts samples/yueyanglou-scjg-2023-scan.pdf /tmp/calib
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ort from 'onnxruntime-node';
import { evenLight, measureSkew, rotate } from '../src/ocr/image.ts';
import { dbBoxes, detInput } from '../src/ocr/ppocr/det.ts';
import { DEFAULT_DET_LIMIT, MODEL_FILES } from '../src/ocr/ppocr/engine.ts';
import { batchInput, cropBox } from '../src/ocr/ppocr/rec.ts';
import { findRules } from '../src/ocr/rules.ts';
import { openDocument } from '../src/pdf/document.ts';

const [file, out] = process.argv.slice(2);
if (!file || !out) throw new Error('usage: node scripts/quantize-inputs.ts FILE.pdf OUTDIR');
for (const d of ['det', 'rec']) mkdirSync(path.join(out, d), { recursive: true });
const det = await ort.InferenceSession.create(MODEL_FILES.detection, { intraOpNumThreads: 1 });
const pdf = await openDocument(new Uint8Array(readFileSync(file)));
let crops = 0;
for (let n = 1; n <= pdf.numPages; n++) {
  const page = await pdf.renderGrey(n, 200, 'ocr');
  const lit = evenLight(page);
  const img = rotate(lit, measureSkew(lit));
  findRules(img, page.scale, { erase: true });
  const input = detInput(img, DEFAULT_DET_LIMIT);
  writeFileSync(path.join(out, 'det', `p${n}_${input.height}x${input.width}.f32`), input.data);
  if (n % 2 === 0) continue;
  const o = await det.run({ x: new ort.Tensor('float32', input.data, [1, 3, input.height, input.width]) });
  const prob = Object.values(o)[0]!.data as Float32Array;
  const boxes = dbBoxes(prob, input.width, input.height, input.sx, input.sy, img.width, img.height);
  const pieces = boxes.flatMap((b, i) => cropBox(img, b, i));
  for (let i = 0; i < pieces.length; i += 4) {
    const { data, width } = batchInput([pieces[i]!]);
    writeFileSync(path.join(out, 'rec', `c${crops++}_48x${width}.f32`), data);
  }
}
await pdf.destroy();
console.log(`${pdf.numPages} detection inputs, ${crops} recognition crops → ${out}`);
