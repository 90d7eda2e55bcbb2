import { readFileSync } from 'node:fs';
import ort from 'onnxruntime-node';
import { openPdf } from './src/pdf/open.ts';
import { renderGrey } from './src/pdf/render.ts';
import { measureSkew, rotate } from './src/ocr/image.ts';
import { findRules } from './src/ocr/rules.ts';
import { detInput, dbBoxes } from './src/ocr/ppocr/det.ts';
import { batches, batchInput, cropBox, REC_HEIGHT } from './src/ocr/ppocr/rec.ts';
import { MODEL_FILES } from './src/ocr/ppocr/engine.ts';
const pdf = await openPdf(new Uint8Array(readFileSync(process.argv[2]!)));
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
let c = cpu();
const img0 = await renderGrey(pdf.doc, Number(process.argv[3]), 200);
const T = (l: string) => { const n = cpu(); console.log(l, (n - c).toFixed(0), 'ms cpu'); c = n; };
T('render');
const so = { intraOpNumThreads: 1, interOpNumThreads: 1, executionMode: 'sequential' as const, graphOptimizationLevel: 'all' as const, extra: { session: { intra_op: { allow_spinning: '0' }, set_denormal_as_zero: process.env.DAZ ?? '0' } } };
const det = await ort.InferenceSession.create(MODEL_FILES.detection, so);
const rec = await ort.InferenceSession.create(MODEL_FILES.recognition, so);
T('load');
for (let round = 0; round < 1; round++) {
const skew = measureSkew(img0); T('skew');
const img = rotate(img0, skew); T('rotate');
const rules = findRules(img, img0.scale, { erase: true }); T('rules');
for (const lim of [1280]) {
const inp = detInput(img, lim); T('detInput ' + inp.width + 'x' + inp.height);
const o = await det.run({ x: new ort.Tensor('float32', inp.data, [1, 3, inp.height, inp.width]) }); T('det');
const boxes = dbBoxes(Object.values(o)[0]!.data as Float32Array, inp.width, inp.height, inp.sx, inp.sy, img.width, img.height); T('db ' + boxes.length);
const crops = boxes.flatMap((b, i) => cropBox(img, b, i)); T('crops ' + crops.length + ' cols ' + crops.reduce((s, c) => s + c.width, 0));
for (const bs of [1]) {
for (const b of batches(crops, undefined, bs)) { const { data, width } = batchInput(b); await rec.run({ x: new ort.Tensor('float32', data, [b.length, 3, REC_HEIGHT, width]) }); }
T('rec batch ' + bs);
}
}
}
