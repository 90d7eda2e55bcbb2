// The protobuf wire format, as much as rewriting an ONNX model needs: a
// message is a list of fields kept in order, each as its number, wire type
// and raw value, so that whatever is not touched is written back as read.

export interface Field {
  num: number;
  /** 0 varint, 1 fixed 64, 2 length-delimited, 5 fixed 32 */
  wire: number;
  /** varint: its value; otherwise the field's bytes (without tag or length) */
  value: bigint | Uint8Array;
}

function readVarint(buf: Uint8Array, pos: number): [bigint, number] {
  let v = 0n;
  let shift = 0n;
  for (;;) {
    if (pos >= buf.length) throw new Error('protobuf: varint past the end');
    const b = buf[pos++]!;
    v |= BigInt(b & 0x7f) << shift;
    if ((b & 0x80) === 0) return [v, pos];
    shift += 7n;
    if (shift > 70n) throw new Error('protobuf: varint too long');
  }
}

function varintBytes(v: bigint): number[] {
  // Negative int64 values are written as their two's complement in ten bytes.
  let u = v < 0n ? v + (1n << 64n) : v;
  const out: number[] = [];
  do {
    const b = Number(u & 0x7fn);
    u >>= 7n;
    out.push(u > 0n ? b | 0x80 : b);
  } while (u > 0n);
  return out;
}

export function decode(buf: Uint8Array): Field[] {
  const fields: Field[] = [];
  let pos = 0;
  while (pos < buf.length) {
    const [tag, p] = readVarint(buf, pos);
    pos = p;
    const num = Number(tag >> 3n);
    const wire = Number(tag & 7n);
    if (wire === 0) {
      const [v, q] = readVarint(buf, pos);
      fields.push({ num, wire, value: v });
      pos = q;
    } else if (wire === 1 || wire === 5) {
      const n = wire === 1 ? 8 : 4;
      if (pos + n > buf.length) throw new Error('protobuf: fixed field past the end');
      fields.push({ num, wire, value: buf.subarray(pos, pos + n) });
      pos += n;
    } else if (wire === 2) {
      const [len, q] = readVarint(buf, pos);
      const end = q + Number(len);
      if (end > buf.length) throw new Error('protobuf: field past the end');
      fields.push({ num, wire, value: buf.subarray(q, end) });
      pos = end;
    } else throw new Error(`protobuf: wire type ${wire} not handled`);
  }
  return fields;
}

export function encode(fields: Field[]): Uint8Array {
  const parts: Uint8Array[] = [];
  let size = 0;
  const push = (b: Uint8Array) => {
    parts.push(b);
    size += b.length;
  };
  for (const f of fields) {
    push(Uint8Array.from(varintBytes(BigInt((f.num << 3) | f.wire))));
    if (f.wire === 0) push(Uint8Array.from(varintBytes(f.value as bigint)));
    else {
      const b = f.value as Uint8Array;
      if (f.wire === 2) push(Uint8Array.from(varintBytes(BigInt(b.length))));
      push(b);
    }
  }
  const out = new Uint8Array(size);
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

const text = new TextDecoder();
const utf8 = new TextEncoder();

export const str = (f: Field): string => text.decode(f.value as Uint8Array);
export const strField = (num: number, s: string): Field => ({ num, wire: 2, value: utf8.encode(s) });
export const msgField = (num: number, fields: Field[]): Field => ({ num, wire: 2, value: encode(fields) });
export const varintField = (num: number, v: number): Field => ({ num, wire: 0, value: BigInt(v) });
export function floatField(num: number, v: number): Field {
  const b = new Uint8Array(4);
  new DataView(b.buffer).setFloat32(0, v, true);
  return { num, wire: 5, value: b };
}

/** A repeated int64 field's values, packed or not. */
export function int64s(fields: Field[], num: number): number[] {
  const out: number[] = [];
  for (const f of fields) {
    if (f.num !== num) continue;
    if (f.wire === 0) out.push(Number(BigInt.asIntN(64, f.value as bigint)));
    else if (f.wire === 2) {
      const b = f.value as Uint8Array;
      for (let pos = 0; pos < b.length;) {
        const [v, q] = readVarint(b, pos);
        out.push(Number(BigInt.asIntN(64, v)));
        pos = q;
      }
    }
  }
  return out;
}
