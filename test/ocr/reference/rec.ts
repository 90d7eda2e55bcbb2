// The routine as it was before the change for issue #26 (speed), kept to test that the faster one gives the same output.
import type { Grey } from '../../../src/ocr/image.ts';
import type { Box } from '../../../src/ocr/ppocr/det.ts';

const REC_HEIGHT = 48;
const STRIDE = 8;
const MAX_WIDTH = 3200;

/** `squeeze` < 1 narrows the text (fewer columns, so less work for the model). */
export function resizeBox(img: Grey, box: Box, squeeze: number): { width: number; data: Float32Array } {
  const bw = box.x1 - box.x0 + 1;
  const bh = box.y1 - box.y0 + 1;
  const width = Math.max(STRIDE, Math.min(MAX_WIDTH, Math.ceil((REC_HEIGHT * bw * squeeze) / bh)));
  const data = new Float32Array(REC_HEIGHT * width);
  const sx = bw / width;
  const sy = bh / REC_HEIGHT;
  const src = img.pixels;
  const w = img.width;
  for (let y = 0; y < REC_HEIGHT; y++) {
    const fy = Math.min(img.height - 1.001, Math.max(0, box.y0 + (y + 0.5) * sy - 0.5));
    const y0 = Math.floor(fy);
    const ty = fy - y0;
    for (let x = 0; x < width; x++) {
      const fx = Math.min(w - 1.001, Math.max(0, box.x0 + (x + 0.5) * sx - 0.5));
      const x0 = Math.floor(fx);
      const tx = fx - x0;
      const i = y0 * w + x0;
      const top = src[i]! + (src[i + 1]! - src[i]!) * tx;
      const bottom = src[i + w]! + (src[i + w + 1]! - src[i + w]!) * tx;
      data[y * width + x] = (top + (bottom - top) * ty) / 127.5 - 1;
    }
  }
  return { width, data };
}
