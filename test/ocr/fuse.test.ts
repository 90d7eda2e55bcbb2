// The fp32 models' spelled-out scales and hard-swishes are fused as they are
// loaded (src/ocr/ppocr/fuse.ts): the same outputs to float rounding, fewer operators.
import { readFileSync } from 'node:fs';
import ort from 'onnxruntime-node';
import { expect, test } from 'vitest';
import { fuseModel } from '../../src/ocr/ppocr/fuse.ts';
import { MODEL_FILES } from '../../src/ocr/ppocr/engine.ts';
import { decode, encode } from '../../src/ocr/ppocr/proto.ts';

const options: ort.InferenceSession.SessionOptions = {
  intraOpNumThreads: 1,
  graphOptimizationLevel: 'all',
  logSeverityLevel: 3,
};

/** The op types of a model's graph, counted. */
function ops(model: Uint8Array): Record<string, number> {
  const graph = decode(decode(model).find((f) => f.num === 7)!.value as Uint8Array);
  const out: Record<string, number> = {};
  for (const f of graph.filter((g) => g.num === 1)) {
    const op = decode(f.value as Uint8Array).find((g) => g.num === 4)!;
    const name = new TextDecoder().decode(op.value as Uint8Array);
    out[name] = (out[name] ?? 0) + 1;
  }
  return out;
}

test('a model decoded and encoded again is the same bytes', () => {
  const bytes = new Uint8Array(readFileSync(MODEL_FILES.detection));
  expect(Buffer.compare(encode(decode(bytes)), bytes)).toBe(0);
});

test('each model has its affine scales folded into convolutions and its hard-swishes made one gate', () => {
  for (const [file, counts] of [
    [MODEL_FILES.detection, { convAffine: 28, hardSwish: 24, affineConv1x1: 10 }],
    [MODEL_FILES.recognition, { convAffine: 28, hardSwish: 28, affineConv1x1: 12 }],
  ] as const) {
    const before = new Uint8Array(readFileSync(file));
    const { model, counts: got } = fuseModel(before);
    expect(got).toEqual(counts);
    const [a, b] = [ops(before), ops(model)];
    expect(b.Div ?? 0).toBe(a.Div! - counts.hardSwish);
    expect(b.Clip ?? 0).toBe(a.Clip! - counts.hardSwish);
    expect(b.Add).toBe(a.Add! - counts.hardSwish - counts.convAffine - counts.affineConv1x1);
    expect(b.Conv).toBe(a.Conv);
    expect(b.HardSigmoid ?? 0).toBe((a.HardSigmoid ?? 0) + counts.hardSwish);
    // No constant is left that nothing reads (ONNX Runtime warns of each on stderr).
    const graph = decode(decode(model).find((f) => f.num === 7)!.value as Uint8Array);
    const nodes = graph.filter((f) => f.num === 1).map((f) => decode(f.value as Uint8Array));
    const text = (f: { value: unknown }) => new TextDecoder().decode(f.value as Uint8Array);
    const read = new Set(nodes.flatMap((n) => n.filter((f) => f.num === 1).map(text)));
    const unread = nodes.filter(
      (n) => text(n.find((f) => f.num === 4)!) === 'Constant' && !read.has(text(n.find((f) => f.num === 2)!)),
    );
    expect(unread).toHaveLength(0);
    // Nothing left to fuse the second time.
    expect(fuseModel(model).counts).toEqual({ convAffine: 0, hardSwish: 0, affineConv1x1: 0 });
  }
});

test('the fused detection model gives the same map, and the fused recognition model the same classes', async () => {
  // A grey "page" with strokes, and a line crop of the same: deterministic, not random.
  const [H, W] = [256, 320];
  const img = new Float32Array(3 * H * W).map((_, i) => (((i * 7919) % 97 < 12 ? -1.8 : 2.0) + (i % 5) * 0.01) * 0.9);
  const line = new Float32Array(3 * 48 * 320).map((_, i) => ((i * 104729) % 89 < 15 ? -1 : 1));
  for (const [file, input, dims] of [
    [MODEL_FILES.detection, img, [1, 3, H, W]],
    [MODEL_FILES.recognition, line, [1, 3, 48, 320]],
  ] as const) {
    const bytes = new Uint8Array(readFileSync(file));
    const [plain, fused] = await Promise.all([
      ort.InferenceSession.create(bytes, options),
      ort.InferenceSession.create(fuseModel(bytes).model, options),
    ]);
    try {
      const x = new ort.Tensor('float32', input, [...dims]);
      const a = Object.values(await plain.run({ x }))[0]!;
      const b = Object.values(await fused.run({ x }))[0]!;
      expect(b.dims).toEqual(a.dims);
      const [da, db] = [a.data as Float32Array, b.data as Float32Array];
      let max = 0;
      for (let i = 0; i < da.length; i++) max = Math.max(max, Math.abs(da[i]! - db[i]!));
      expect(max).toBeLessThan(1e-3);
      if (dims[2] === 48) {
        // The same class at every time step.
        const classes = a.dims[2]!;
        for (let t = 0; t < a.dims[1]!; t++) {
          const arg = (d: Float32Array) => {
            let best = 0;
            for (let k = 1; k < classes; k++) if (d[t * classes + k]! > d[t * classes + best]!) best = k;
            return best;
          };
          expect(arg(db)).toBe(arg(da));
        }
      }
    } finally {
      await Promise.all([plain.release(), fused.release()]);
    }
  }
}, 60_000);
