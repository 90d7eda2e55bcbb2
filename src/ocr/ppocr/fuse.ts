// PP-OCRv4's ONNX export (paddle2onnx) spells out, after most convolutions,
// a scale and shift (BatchNorm's and PPLCNetV3's learnable affine: Mul and
// Add by a scalar) and hard-swish as four operators (Add 3, Clip 0…6, Mul,
// Div 6). ONNX Runtime fuses none of them: each is a pass over the feature
// map, together about a third of the models' time. They are rewritten here,
// in memory, when a model is loaded:
//   1. Conv → Mul a → Add c: a and c folded into the convolution's weights
//      and bias;
//   2. hard-swish: x · HardSigmoid(x) (α 1/6, β 1/2), the operator ONNX
//      defines it as, one pass and a product;
//   3. Mul s → Add t → a 1×1 convolution without padding: s and t folded
//      into its weights and bias (a padded convolution would see the zeros
//      of its padding shifted too, so those keep theirs).
// The arithmetic is the same up to float rounding (the detection map moves
// by about 1e-4 at most; docs/speed.md). A pattern that does not match
// exactly — a weight shared, a value used twice, a graph output — is left
// as it is.
import { decode, encode, floatField, int64s, msgField, str, strField, varintField, type Field } from './proto.ts';

interface Node {
  inputs: string[];
  outputs: string[];
  op: string;
  /** the node's other fields (name, attributes, domain), as read */
  rest: Field[];
}

export interface FuseCounts {
  convAffine: number;
  hardSwish: number;
  affineConv1x1: number;
}

const FLOAT = 1;

// A field's bytes may be a view into a larger buffer (a Node Buffer's slice is one too): read them in place.
const view = (b: Uint8Array) => new DataView(b.buffer, b.byteOffset, b.byteLength);

/** The model's bytes rewritten (see above), and how many of each pattern were. */
export function fuseModel(model: Uint8Array): { model: Uint8Array; counts: FuseCounts } {
  const top = decode(model);
  const gi = top.findIndex((f) => f.num === 7 && f.wire === 2);
  const counts: FuseCounts = { convAffine: 0, hardSwish: 0, affineConv1x1: 0 };
  if (gi < 0) return { model, counts };
  const graph = decode(top[gi]!.value as Uint8Array);
  const nodes: (Node | null)[] = graph.filter((f) => f.num === 1).map((f) => readNode(decode(f.value as Uint8Array)));
  const outputs = new Set(graph.filter((f) => f.num === 12).map((f) => str(decode(f.value as Uint8Array)[0]!)));
  const constants = new Map<string, Node>();
  for (const n of nodes) if (n!.op === 'Constant' && n!.inputs.length === 0) constants.set(n!.outputs[0]!, n!);
  const consumers = new Map<string, Node[]>();
  for (const n of nodes) for (const i of n!.inputs) consumers.set(i, [...(consumers.get(i) ?? []), n!]);
  const fused = new FuseGraph(nodes, constants, consumers, outputs);
  counts.convAffine = fused.convAffine();
  counts.hardSwish = fused.hardSwish();
  counts.affineConv1x1 = fused.affineConv1x1();
  if (counts.convAffine + counts.hardSwish + counts.affineConv1x1 === 0) return { model, counts };
  // The graph's nodes where they were, in their order (new ones in the place of those they replace), without
  // the constants nothing reads any more (ONNX Runtime would warn of each on stderr).
  const kept = fused.nodes.filter((n): n is Node => n !== null);
  const read = new Set([...kept.flatMap((n) => n.inputs), ...outputs]);
  const live = kept.filter((n) => n.op !== 'Constant' || n.outputs.some((o) => read.has(o)));
  const firstNode = graph.findIndex((f) => f.num === 1);
  const newGraph = [
    ...graph.slice(0, firstNode).filter((f) => f.num !== 1),
    ...live.map((n) => msgField(1, writeNode(n))),
    ...graph.slice(firstNode).filter((f) => f.num !== 1),
  ];
  top[gi] = msgField(7, newGraph);
  return { model: encode(top), counts };
}

function readNode(fields: Field[]): Node {
  const node: Node = { inputs: [], outputs: [], op: '', rest: [] };
  for (const f of fields) {
    if (f.num === 1) node.inputs.push(str(f));
    else if (f.num === 2) node.outputs.push(str(f));
    else {
      if (f.num === 4) node.op = str(f);
      node.rest.push(f);
    }
  }
  return node;
}

function writeNode(n: Node): Field[] {
  return [...n.inputs.map((s) => strField(1, s)), ...n.outputs.map((s) => strField(2, s)), ...n.rest];
}

function newNode(op: string, inputs: string[], outputs: string[], attributes: Field[][] = []): Node {
  return {
    op,
    inputs,
    outputs,
    rest: [strField(3, outputs[0]!), strField(4, op), ...attributes.map((a) => msgField(5, a))],
  };
}

const floatAttribute = (name: string, v: number): Field[] => [strField(1, name), floatField(2, v), varintField(20, 1)];

/** A node's attributes by name: ints (kernel_shape, pads), int (group) and float (Clip's min, max). */
function attributes(n: Node): Map<string, { i?: number; f?: number; ints?: number[] }> {
  const out = new Map<string, { i?: number; f?: number; ints?: number[] }>();
  for (const f of n.rest) {
    if (f.num !== 5) continue;
    const a = decode(f.value as Uint8Array);
    const name = a.find((x) => x.num === 1);
    if (!name) continue;
    const i = a.find((x) => x.num === 3 && x.wire === 0);
    const fl = a.find((x) => x.num === 2 && x.wire === 5);
    out.set(str(name), {
      ...(i && { i: Number(BigInt.asIntN(64, i.value as bigint)) }),
      ...(fl && { f: view(fl.value as Uint8Array).getFloat32(0, true) }),
      ints: int64s(a, 8),
    });
  }
  return out;
}

/** A float Constant's tensor: its dims and values (null for any other kind). */
function constantValue(n: Node): { dims: number[]; data: Float32Array } | null {
  const attr = n.rest.find((f) => f.num === 5);
  if (!attr) return null;
  const a = decode(attr.value as Uint8Array);
  const name = a.find((x) => x.num === 1);
  const t = a.find((x) => x.num === 5 && x.wire === 2);
  if (!name || str(name) !== 'value' || !t) return null;
  const tensor = decode(t.value as Uint8Array);
  const type = tensor.find((x) => x.num === 2);
  if (!type || Number(type.value) !== FLOAT) return null;
  const dims = int64s(tensor, 1);
  const raw = tensor.find((x) => x.num === 9);
  const values: number[] = [];
  for (const f of raw ? [raw] : tensor.filter((x) => x.num === 4)) {
    const b = f.value as Uint8Array;
    const v = view(b);
    for (let o = 0; o + 4 <= b.length; o += 4) values.push(v.getFloat32(o, true));
  }
  const data = Float32Array.from(values);
  const size = dims.reduce((p, d) => p * d, 1);
  return data.length === size ? { dims, data } : null;
}

/** The Constant node holding `data` (dims as before), written as raw little-endian floats. */
function setConstant(n: Node, dims: number[], data: Float32Array): void {
  const name = n.outputs[0]!;
  const bytes = new Uint8Array(data.length * 4);
  const view = new DataView(bytes.buffer);
  data.forEach((v, i) => view.setFloat32(i * 4, v, true));
  const tensor: Field[] = [
    ...dims.map((d) => varintField(1, d)),
    varintField(2, FLOAT),
    strField(8, name),
    { num: 9, wire: 2, value: bytes },
  ];
  n.rest = [
    ...n.rest.filter((f) => f.num !== 5),
    msgField(5, [strField(1, 'value'), msgField(5, tensor), varintField(20, 4)]),
  ];
}

class FuseGraph {
  readonly nodes: (Node | null)[];
  private constants: Map<string, Node>;
  private consumers: Map<string, Node[]>;
  private outputs: Set<string>;

  constructor(
    nodes: (Node | null)[],
    constants: Map<string, Node>,
    consumers: Map<string, Node[]>,
    outputs: Set<string>,
  ) {
    this.nodes = nodes;
    this.constants = constants;
    this.consumers = consumers;
    this.outputs = outputs;
  }

  /** The one node that reads `name` (none if several do, or if it is a graph output). */
  private sole(name: string): Node | null {
    const c = this.consumers.get(name) ?? [];
    return c.length === 1 && !this.outputs.has(name) ? c[0]! : null;
  }

  private value(name: string): { dims: number[]; data: Float32Array } | null {
    const n = this.constants.get(name);
    return n ? constantValue(n) : null;
  }

  /** A Constant read by this node alone (so that changing it changes nothing else). */
  private own(name: string | undefined): { node: Node; dims: number[]; data: Float32Array } | null {
    if (name === undefined || this.sole(name) === null) return null;
    const node = this.constants.get(name);
    const v = node && constantValue(node);
    return v ? { node, ...v } : null;
  }

  /** A Mul or Add of a value by a one-element constant: the constant and the value's name. */
  private scalarOperand(n: Node | null, op: string): { k: number; x: string } | null {
    if (!n || n.op !== op || n.inputs.length !== 2) return null;
    const [a, b] = n.inputs as [string, string];
    for (const [c, x] of [
      [a, b],
      [b, a],
    ] as const) {
      const v = this.constants.has(x) ? null : this.value(c);
      if (v && v.data.length === 1) return { k: v.data[0]!, x };
    }
    return null;
  }

  private drop(...ns: Node[]): void {
    for (const n of ns) this.nodes[this.nodes.indexOf(n)] = null;
  }

  convAffine(): number {
    let count = 0;
    for (const conv of [...this.nodes]) {
      if (!conv || conv.op !== 'Conv' || conv.inputs.length < 2) continue;
      const mul = this.sole(conv.outputs[0]!);
      const m = this.scalarOperand(mul, 'Mul');
      if (!mul || !m || m.x !== conv.outputs[0]) continue;
      const add = this.sole(mul.outputs[0]!);
      const a = this.scalarOperand(add, 'Add');
      if (!add || !a || a.x !== mul.outputs[0]) continue;
      const w = this.own(conv.inputs[1]);
      const b = conv.inputs.length > 2 ? this.own(conv.inputs[2]) : null;
      if (!w || (conv.inputs.length > 2 && !b)) continue;
      const out = w.dims[0]!;
      const scaled = w.data.map((v) => Math.fround(v * m.k));
      const bias = new Float32Array(out).map((_, i) => Math.fround(Math.fround((b?.data[i] ?? 0) * m.k) + a.k));
      setConstant(w.node, w.dims, scaled);
      if (b) setConstant(b.node, b.dims, bias);
      else {
        const name = `${conv.outputs[0]}.fused_bias`;
        const node = newNode('Constant', [], [name]);
        setConstant(node, [out], bias);
        this.nodes.splice(this.nodes.indexOf(conv), 0, node);
        conv.inputs.push(name);
      }
      conv.outputs[0] = add.outputs[0]!;
      this.drop(mul, add);
      count++;
    }
    return count;
  }

  hardSwish(): number {
    let count = 0;
    for (const add of [...this.nodes]) {
      const a = this.scalarOperand(add, 'Add');
      if (!add || !a || a.k !== 3) continue;
      const clip = this.sole(add.outputs[0]!);
      if (!clip || clip.op !== 'Clip' || clip.inputs[0] !== add.outputs[0] || !this.clipsTo(clip, 0, 6)) continue;
      const mul = this.sole(clip.outputs[0]!);
      if (!mul || mul.op !== 'Mul' || new Set(mul.inputs).size !== 2) continue;
      if (!mul.inputs.includes(a.x) || !mul.inputs.includes(clip.outputs[0]!)) continue;
      const div = this.sole(mul.outputs[0]!);
      const six = div && div.op === 'Div' && div.inputs[0] === mul.outputs[0] ? this.value(div.inputs[1]!) : null;
      if (!div || !six || six.data.length !== 1 || six.data[0] !== 6) continue;
      const gate = `${add.outputs[0]}.hard_sigmoid`;
      const i = this.nodes.indexOf(add);
      this.drop(add, clip, mul, div);
      this.nodes.splice(
        i,
        1,
        newNode('HardSigmoid', [a.x], [gate], [floatAttribute('alpha', 1 / 6), floatAttribute('beta', 0.5)]),
        newNode('Mul', [a.x, gate], [div.outputs[0]!]),
      );
      count++;
    }
    return count;
  }

  /** Clip's bounds, as attributes (opset < 11) or as constant inputs. */
  private clipsTo(clip: Node, lo: number, hi: number): boolean {
    if (clip.inputs.length === 3) {
      const [l, h] = [this.value(clip.inputs[1]!), this.value(clip.inputs[2]!)];
      return l?.data.length === 1 && h?.data.length === 1 && l.data[0] === lo && h.data[0] === hi;
    }
    const at = attributes(clip);
    return at.get('min')?.f === lo && at.get('max')?.f === hi;
  }

  affineConv1x1(): number {
    let count = 0;
    for (const mul of [...this.nodes]) {
      const m = this.scalarOperand(mul, 'Mul');
      if (!mul || !m) continue;
      const add = this.sole(mul.outputs[0]!);
      const a = this.scalarOperand(add, 'Add');
      if (!add || !a || a.x !== mul.outputs[0]) continue;
      const conv = this.sole(add.outputs[0]!);
      if (!conv || conv.op !== 'Conv' || conv.inputs[0] !== add.outputs[0] || conv.inputs.length !== 3) continue;
      const at = attributes(conv);
      const kernel = at.get('kernel_shape')?.ints ?? [];
      if (kernel.length !== 2 || kernel.some((k) => k !== 1) || (at.get('group')?.i ?? 1) !== 1) continue;
      if ((at.get('pads')?.ints ?? []).some((p) => p !== 0)) continue;
      const w = this.own(conv.inputs[1]);
      const b = this.own(conv.inputs[2]);
      if (!w || !b || w.dims.length !== 4) continue;
      const [out, inputs] = [w.dims[0]!, w.dims[1]!];
      // conv(s·x + t) = (s·W)·x + (b + t·ΣW)
      const bias = new Float32Array(out);
      for (let o = 0; o < out; o++) {
        let sum = 0;
        for (let c = 0; c < inputs; c++) sum += w.data[o * inputs + c]!;
        bias[o] = Math.fround(b.data[o]! + a.k * sum);
      }
      setConstant(
        w.node,
        w.dims,
        w.data.map((v) => Math.fround(v * m.k)),
      );
      setConstant(b.node, b.dims, bias);
      conv.inputs[0] = m.x;
      this.drop(mul, add);
      count++;
    }
    return count;
  }
}
