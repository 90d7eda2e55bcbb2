// The routine as it was before the change for issue #26 (speed), kept to test that the faster one gives the same output.
import type { Grey } from '../../../src/ocr/image.ts';

/** Rotates the image by -angle about its centre (so lines of slope tan(angle) become level), white outside. */
export function rotate(img: Grey, angle: number): Grey {
  if (Math.abs(angle) < (0.02 * Math.PI) / 180) return img;
  const { width: w, height: h, pixels: src } = img;
  const out = new Uint8Array(w * h);
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  const cx = w / 2;
  const cy = h / 2;
  for (let y = 0; y < h; y++) {
    const dy = y - cy;
    // source = c + R(angle)·(p − c)
    let sx = cx - cx * cos - dy * sin;
    let sy = cy - cx * sin + dy * cos;
    const o = y * w;
    for (let x = 0; x < w; x++, sx += cos, sy += sin) {
      const x0 = Math.floor(sx);
      const y0 = Math.floor(sy);
      if (x0 < 0 || y0 < 0 || x0 >= w - 1 || y0 >= h - 1) {
        out[o + x] = 255;
        continue;
      }
      const fx = sx - x0;
      const fy = sy - y0;
      const i = y0 * w + x0;
      const top = src[i]! + (src[i + 1]! - src[i]!) * fx;
      const bottom = src[i + w]! + (src[i + w + 1]! - src[i + w]!) * fx;
      out[o + x] = top + (bottom - top) * fy + 0.5;
    }
  }
  return { width: w, height: h, pixels: out };
}
