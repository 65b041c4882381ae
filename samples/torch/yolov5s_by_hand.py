"""YOLOv5s field by field, as Yolov5s.java declares it, counted by hand under netcost's cost model
(docs/cost-model.md), then held to the PyTorch counts of yolov5s.py (parameters per yolov5 layer,
Conv2d-hook MACs per module).

Pure integer arithmetic: a walk of the declaration's fields in order, with PyTorch's window rule
floor((n + 2p - k) / s) + 1, and these rules per op (one sample):
  conv, no bias   PARAMS Cout*Cin*K            MACS Cout*O*Cin*K   FLOPS Cout*O*(2*Cin*K - 1)
  conv, bias      PARAMS Cout*Cin*K + Cout     MACS Cout*O*Cin*K   FLOPS Cout*O*2*Cin*K
  batch norm      PARAMS 2C, BUFFERS 2C        MACS 0              FLOPS 2*numel
  SiLU            0                            0                   4*numel
  max pool        0                            0                   (K - 1)*numel
  add             0                            0                   numel
  concat, nearest upsample: 0, 0, 0.
FLOPS are the cost model's, checked by no tool (yolov5 prints none of them).

Run: /usr/bin/python3 yolov5s_by_hand.py
"""
from collections import OrderedDict


def out_size(n, k, s, p):
    return (n + 2 * p - k) // s + 1


class Fig:
    __slots__ = ("params", "buffers", "macs", "flops")

    def __init__(self, params=0, buffers=0, macs=0, flops=0):
        self.params, self.buffers, self.macs, self.flops = params, buffers, macs, flops

    def __iadd__(self, o):
        self.params += o.params
        self.buffers += o.buffers
        self.macs += o.macs
        self.flops += o.flops
        return self

    def row(self):
        return (self.params, self.buffers, self.macs, self.flops)


ROWS = OrderedDict()  # path -> (op, output shape, Fig)


def record(path, op, shape, fig):
    ROWS[path] = (op, shape, fig)
    return fig


def conv(path, x, out, k, s=1, p=0, bias=False):
    c, h, w = x
    ho, wo = out_size(h, k, s, p), out_size(w, k, s, p)
    o = ho * wo
    macs = out * o * c * k * k
    f = Fig(out * c * k * k + (out if bias else 0), 0, macs, out * o * (2 * c * k * k - (0 if bias else 1)))
    y = (out, ho, wo)
    return y, record(path, "Conv2d", y, f)


def bn(path, x):
    n = x[0] * x[1] * x[2]
    return x, record(path, "BatchNorm2d", x, Fig(2 * x[0], 2 * x[0], 0, 2 * n))


def silu(path, x):
    return x, record(path, "SiLU", x, Fig(0, 0, 0, 4 * x[0] * x[1] * x[2]))


def maxpool(path, x, k, s, p):
    c, h, w = x
    y = (c, out_size(h, k, s, p), out_size(w, k, s, p))
    return y, record(path, "MaxPool2d", y, Fig(0, 0, 0, (k * k - 1) * y[0] * y[1] * y[2]))


def concat(path, *xs):
    y = (sum(x[0] for x in xs), xs[0][1], xs[0][2])
    assert all(x[1:] == y[1:] for x in xs)
    return y, record(path, "Concat", y, Fig())


def add(path, a, b):
    assert a == b
    return a, record(path, "Add", a, Fig(0, 0, 0, a[0] * a[1] * a[2]))


def upsample(path, x, scale):
    y = (x[0], x[1] * scale, x[2] * scale)
    return y, record(path, "Upsample", y, Fig())


def block(path, op, parts):
    f = Fig()
    for p in parts:
        f += p
    return f


# ---- the blocks, as the .java blocks declare them


def conv_bn_silu(path, x, out, kernel=1, stride=1, padding=-1):
    pad = padding if padding >= 0 else kernel // 2
    y, a = conv(path + ".conv", x, out, kernel, stride, pad)
    y, b = bn(path + ".bn", y)
    y, c = silu(path + ".act", y)
    f = block(path, "ConvBnSiLU", [a, b, c])
    record(path, "ConvBnSiLU", y, f)
    return y, f


def bottleneck(path, x, shortcut=True):
    y1, a = conv_bn_silu(path + ".cv1", x, x[0])
    y2, b = conv_bn_silu(path + ".cv2", y1, x[0], kernel=3)
    parts = [a, b]
    y = y2
    if shortcut:
        y, c = add(path + ".add", y2, x)
        parts.append(c)
    f = block(path, "YoloBottleneck", parts)
    record(path, "YoloBottleneck", y, f)
    return y, f


def c3(path, x, out, n=1, shortcut=True):
    c_ = out // 2
    y, a = conv_bn_silu(path + ".cv1", x, c_)
    parts = [a]
    for i in range(n):  # m0, m1 (@If n >= 2), m2 (@If n >= 3)
        y, b = bottleneck(f"{path}.m{i}", y, shortcut)
        parts.append(b)
    z, c = conv_bn_silu(path + ".cv2", x, c_)
    parts.append(c)
    cat, d = concat(path + ".cat", y, z)
    parts.append(d)
    y, e = conv_bn_silu(path + ".cv3", cat, out)
    parts.append(e)
    f = block(path, "C3", parts)
    record(path, "C3", y, f)
    return y, f


def sppf(path, x, out, k=5):
    y0, a = conv_bn_silu(path + ".cv1", x, x[0] // 2)
    y1, b = maxpool(path + ".y1", y0, k, 1, k // 2)
    y2, c = maxpool(path + ".y2", y1, k, 1, k // 2)
    y3, d = maxpool(path + ".y3", y2, k, 1, k // 2)
    cat, e = concat(path + ".cat", y0, y1, y2, y3)
    y, g = conv_bn_silu(path + ".cv2", cat, out)
    f = block(path, "Sppf", [a, b, c, d, e, g])
    record(path, "Sppf", y, f)
    return y, f


# ---- the network, field by field as Yolov5s.java (yolov5 layer index in the comment)

FIELDS = OrderedDict()  # field -> (yolov5 index, shape, Fig)


def field(name, idx, res):
    FIELDS[name] = (idx, res[0], res[1])
    return res[0]


def yolov5s():
    x = (3, 640, 640)
    t = {}
    t["conv0"] = field("conv0", 0, conv_bn_silu("conv0", x, 32, 6, 2, 2))
    t["conv1"] = field("conv1", 1, conv_bn_silu("conv1", t["conv0"], 64, 3, 2))
    t["c3_2"] = field("c3_2", 2, c3("c3_2", t["conv1"], 64, 1))
    t["conv3"] = field("conv3", 3, conv_bn_silu("conv3", t["c3_2"], 128, 3, 2))
    t["c3_4"] = field("c3_4", 4, c3("c3_4", t["conv3"], 128, 2))
    t["conv5"] = field("conv5", 5, conv_bn_silu("conv5", t["c3_4"], 256, 3, 2))
    t["c3_6"] = field("c3_6", 6, c3("c3_6", t["conv5"], 256, 3))
    t["conv7"] = field("conv7", 7, conv_bn_silu("conv7", t["c3_6"], 512, 3, 2))
    t["c3_8"] = field("c3_8", 8, c3("c3_8", t["conv7"], 512, 1))
    t["sppf9"] = field("sppf9", 9, sppf("sppf9", t["c3_8"], 512, 5))
    t["conv10"] = field("conv10", 10, conv_bn_silu("conv10", t["sppf9"], 256, 1, 1))
    t["up11"] = field("up11", 11, upsample("up11", t["conv10"], 2))
    t["cat12"] = field("cat12", 12, concat("cat12", t["up11"], t["c3_6"]))
    t["c3_13"] = field("c3_13", 13, c3("c3_13", t["cat12"], 256, 1, False))
    t["conv14"] = field("conv14", 14, conv_bn_silu("conv14", t["c3_13"], 128, 1, 1))
    t["up15"] = field("up15", 15, upsample("up15", t["conv14"], 2))
    t["cat16"] = field("cat16", 16, concat("cat16", t["up15"], t["c3_4"]))
    t["c3_17"] = field("c3_17", 17, c3("c3_17", t["cat16"], 128, 1, False))
    t["conv18"] = field("conv18", 18, conv_bn_silu("conv18", t["c3_17"], 128, 3, 2))
    t["cat19"] = field("cat19", 19, concat("cat19", t["conv18"], t["conv14"]))
    t["c3_20"] = field("c3_20", 20, c3("c3_20", t["cat19"], 256, 1, False))
    t["conv21"] = field("conv21", 21, conv_bn_silu("conv21", t["c3_20"], 256, 3, 2))
    t["cat22"] = field("cat22", 22, concat("cat22", t["conv21"], t["conv10"]))
    t["c3_23"] = field("c3_23", 23, c3("c3_23", t["cat22"], 512, 1, False))
    # Detect: three 1 x 1 convolutions with bias, to na * (nc + 5) = 3 * 85 = 255
    t["p3"] = field("p3", "24.m.0", conv("p3", t["c3_17"], 255, 1, bias=True))
    t["p4"] = field("p4", "24.m.1", conv("p4", t["c3_20"], 255, 1, bias=True))
    t["p5"] = field("p5", "24.m.2", conv("p5", t["c3_23"], 255, 1, bias=True))
    return t


# which fields each output needs (its ancestors in the declaration's graph)
READS = {
    "conv0": ["input"], "conv1": ["conv0"], "c3_2": ["conv1"], "conv3": ["c3_2"], "c3_4": ["conv3"],
    "conv5": ["c3_4"], "c3_6": ["conv5"], "conv7": ["c3_6"], "c3_8": ["conv7"], "sppf9": ["c3_8"],
    "conv10": ["sppf9"], "up11": ["conv10"], "cat12": ["up11", "c3_6"], "c3_13": ["cat12"],
    "conv14": ["c3_13"], "up15": ["conv14"], "cat16": ["up15", "c3_4"], "c3_17": ["cat16"],
    "conv18": ["c3_17"], "cat19": ["conv18", "conv14"], "c3_20": ["cat19"], "conv21": ["c3_20"],
    "cat22": ["conv21", "conv10"], "c3_23": ["cat22"], "p3": ["c3_17"], "p4": ["c3_20"], "p5": ["c3_23"],
}


def needs(name):
    seen, stack = set(), [name]
    while stack:
        f = stack.pop()
        if f == "input" or f in seen:
            continue
        seen.add(f)
        stack.extend(READS[f])
    return seen


def main():
    import yolov5s as ref
    import torch
    import torch.nn as nn

    yolov5s()
    total = Fig()
    for name, (idx, shape, f) in FIELDS.items():
        total += f
    print(f"{'field':<8} {'yolov5':<7} {'output':<16} {'PARAMS':>10} {'BUFFERS':>8} {'MACS':>15} {'FLOPS':>15}")
    for name, (idx, shape, f) in FIELDS.items():
        print(f"{name:<8} {str(idx):<7} {str(shape):<16} {f.params:>10,} {f.buffers:>8,} {f.macs:>15,} {f.flops:>15,}")
    print(f"{'total':<8} {'':<7} {'':<16} {total.params:>10,} {total.buffers:>8,} {total.macs:>15,} {total.flops:>15,}")

    outs = ["p3", "p4", "p5"]
    need = {o: needs(o) for o in outs}
    print("outputs: needs (everything the output depends on) and only (what no other output needs)")
    for o in outs:
        others = set().union(*(need[p] for p in outs if p != o))
        only = need[o] - others
        fn = Fig()
        fo = Fig()
        for n in need[o]:
            fn += FIELDS[n][2]
        for n in only:
            fo += FIELDS[n][2]
        order = [n for n in FIELDS if n in only]
        print(f"  {o} {FIELDS[o][1]}: needs {len(need[o])} fields, PARAMS {fn.params:,} BUFFERS {fn.buffers:,} "
              f"MACS {fn.macs:,} FLOPS {fn.flops:,}")
        print(f"     only {order}: PARAMS {fo.params:,} BUFFERS {fo.buffers:,} MACS {fo.macs:,} FLOPS {fo.flops:,}")

    print("block instances and their layers (params, buffers, MACs, FLOPs):")
    for path, (op, shape, f) in ROWS.items():
        if "." in path:
            print(f"   {path:<22} {op:<15} {str(shape):<16} {f.params:>9,} {f.buffers:>7,} {f.macs:>13,} {f.flops:>14,}")

    # ---- against PyTorch
    torch.manual_seed(0)
    model = ref.DetectionModel().eval()
    idx = {name: i for name, (i, _, _) in FIELDS.items()}
    for name, (i, shape, f) in FIELDS.items():
        if isinstance(i, int):
            assert f.params == ref.PUBLISHED[i] == model.model[i].np, (name, f.params)
            bufs = sum(m.running_mean.numel() + m.running_var.numel()
                       for m in model.model[i].modules() if isinstance(m, nn.BatchNorm2d))
            assert f.buffers == bufs, (name, f.buffers, bufs)
    det = model.model[24]
    for k, o in enumerate(outs):
        assert FIELDS[o][2].params == sum(p.numel() for p in det.m[k].parameters())
    assert sum(FIELDS[o][2].params for o in outs) == ref.PUBLISHED[24]
    assert total.params == ref.PUBLISHED_TOTAL == sum(p.numel() for p in model.parameters())

    per_module = OrderedDict()
    names = {m: n for n, m in model.named_modules()}

    def hook(m, inp, out):
        per_module[names[m]] = out.numel() * (m.in_channels // m.groups) * m.kernel_size[0] * m.kernel_size[1]

    for m in model.modules():
        if isinstance(m, nn.Conv2d):
            m.register_forward_hook(hook)
    with torch.no_grad():
        model(torch.zeros(1, 3, 640, 640))
    for name, (i, shape, f) in FIELDS.items():
        prefix = f"model.{i}." if isinstance(i, int) else f"model.{i}"
        torch_macs = sum(v for k, v in per_module.items() if k.startswith(prefix) or k == prefix)
        assert f.macs == torch_macs, (name, f.macs, torch_macs)
    # the C3 inner paths: yolov5's m.0.cv1.conv is the declaration's m0.cv1.conv
    for path, (op, shape, f) in ROWS.items():
        if op == "Conv2d" and not path.startswith("p"):
            top, rest = path.split(".", 1)
            i = idx[top]
            tpath = f"model.{i}." + rest.replace("m0.", "m.0.").replace("m1.", "m.1.").replace("m2.", "m.2.")
            assert per_module[tpath] == f.macs, (path, tpath)
    assert total.macs == sum(per_module.values())
    print(f"PyTorch agrees: PARAMS {total.params:,}, BUFFERS {total.buffers:,}, MACS {total.macs:,} "
          f"(per field, per Conv2d, per yolov5 layer)")


if __name__ == "__main__":
    main()
