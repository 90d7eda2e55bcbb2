import ort from 'onnxruntime-node';
import { MODEL_FILES } from './src/ocr/ppocr/engine.ts';
const so = { intraOpNumThreads: 1, interOpNumThreads: 1, executionMode: 'sequential' as const, graphOptimizationLevel: 'all' as const };
const rec = await ort.InferenceSession.create(MODEL_FILES.recognition, so);
for (const h of [48, 32, 24]) {
  const data = new Float32Array(3 * h * 320).fill(0.5);
  try { const o = await rec.run({ x: new ort.Tensor('float32', data, [1, 3, h, 320]) }); console.log(h, Object.values(o)[0]!.dims); } catch (e) { console.log(h, String(e).slice(0, 200)); }
}
