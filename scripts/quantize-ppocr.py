r"""One-off: PP-OCRv4 mobile detection and recognition quantised to int8.

Run once, by hand; jixiao never runs Python. Its outputs are committed in
models/ and read by src/ocr/ppocr/engine.ts when the precision is int8.

    python3 -m venv /tmp/q && /tmp/q/bin/pip install --index-url file:///opt/pypi/simple onnx onnxruntime
    node scripts/quantize-inputs.ts --made /tmp/calib     (made pages, never the corpus; also writes the fused models)
    /tmp/q/bin/python scripts/quantize-ppocr.py /tmp/calib/fused/det.onnx /tmp/calib/det OUT.onnx [all|Conv,…] [fp32 nodes regex]
    /tmp/q/bin/python scripts/quantize-ppocr.py /tmp/calib/fused/rec.onnx /tmp/calib/rec OUT.onnx Conv 'p2o\.Conv\.3[3-7]\b'
      (the last: the backbone's Convs int8, the neck's in fp32)
    node bench/ocr-tables.ts --configs=fp32,candidate --rec=OUT.onnx    (table digit recall and CPU against fp32)

The models in models/ were made on 2026-12-07 from the unfused models and the
scanned sample's inputs; those of 2026-12-08 (docs/speed.md) from the fused
ones (src/ocr/ppocr/fuse.ts) and made pages.

How, and why so:
- The exported models hold their weights as Constant nodes; the quantiser
  only quantises initializers, so each Constant is made an initializer first.
- The models are opset 11; per-channel weights need DequantizeLinear's axis
  (opset 13), so the model is converted to opset 13.
- Static QDQ, not dynamic: dynamic quantisation (ConvInteger, MatMulInteger)
  ran no faster than fp32 on this machine (detection 596 → 591 ms, recognition
  1106 → 1113 ms a page) and quantising the recognition's Convs dynamically
  garbled its text. Static int8 Convs run as QLinearConv (VNNI): detection
  591 → 342 ms, recognition 1194 → 825 ms a page.
- Detection: every operator the quantiser knows (591 → 348 ms a page; its
  Convs alone: 445 ms). Recognition: only Conv — its attention (MatMul) and
  the rest stay fp32; quantising them too changed 39 of 254 lines read
  (xm-23-010-scan), against 21.
- Weights int8 per channel, activations uint8 per tensor, ranges by MinMax
  over the calibration inputs (scripts/quantize-inputs.ts: jixiao's own inputs
  from the scanned sample, not the corpus).
"""

import glob
import os
import re
import sys
import tempfile

import numpy as np
import onnx
from onnx import numpy_helper, version_converter
from onnxruntime.quantization import CalibrationDataReader, QuantFormat, QuantType, quantize_static


def constants_to_initializers(model: onnx.ModelProto) -> int:
    graph = model.graph
    keep = []
    moved = 0
    for node in graph.node:
        if node.op_type == "Constant" and len(node.attribute) == 1 and node.attribute[0].name == "value":
            graph.initializer.append(numpy_helper.from_array(numpy_helper.to_array(node.attribute[0].t), node.output[0]))
            moved += 1
        else:
            keep.append(node)
    del graph.node[:]
    graph.node.extend(keep)
    return moved


class Inputs(CalibrationDataReader):
    """Raw float32 files named …_HxW.f32: one input x of shape [1, 3, H, W] each."""

    def __init__(self, folder: str):
        self.files = iter(sorted(glob.glob(os.path.join(folder, "*.f32"))))

    def get_next(self):
        f = next(self.files, None)
        if f is None:
            return None
        h, w = map(int, re.search(r"_(\d+)x(\d+)\.f32$", f).groups())
        return {"x": np.fromfile(f, dtype=np.float32).reshape(1, 3, h, w)}


def main(src: str, calib: str, dst: str, ops: list[str] | None, exclude: str | None) -> None:
    model = onnx.load(src)
    moved = constants_to_initializers(model)
    model = version_converter.convert_version(model, 13)
    # Nodes kept in fp32: those whose name or output matches the pattern (the last layers, say).
    keep = [n.name for n in model.graph.node if exclude and re.search(exclude, n.name + " " + " ".join(n.output))]
    with tempfile.TemporaryDirectory() as tmp:
        mid = os.path.join(tmp, "model.onnx")
        onnx.save(model, mid)
        quantize_static(
            mid,
            dst,
            Inputs(calib),
            quant_format=QuantFormat.QDQ,
            per_channel=True,
            activation_type=QuantType.QUInt8,
            weight_type=QuantType.QInt8,
            op_types_to_quantize=ops,
            nodes_to_exclude=keep,
            # Ranges merged every 8 inputs: all of a page's feature maps at once would not fit in memory.
            extra_options={"CalibMaxIntermediateOutputs": 8},
        )
    what = ", ".join(ops) if ops else "every operator"
    print(f"{src}: {moved} Constant nodes made initializers, opset 13, {what} int8 (static QDQ), {len(keep)} kept fp32 → {dst}")


if __name__ == "__main__":
    ops = sys.argv[4].split(",") if len(sys.argv) > 4 and sys.argv[4] != "all" else None
    main(sys.argv[1], sys.argv[2], sys.argv[3], ops, sys.argv[5] if len(sys.argv) > 5 else None)
