"""YOLOv5s (v6.0+ yaml) re-implemented in plain PyTorch, after ultralytics/yolov5 at commit
5081342f04fb287fc2e5f2b5a4e06752b7937b1c (models/common.py: autopad, Conv, Bottleneck, C3, SPPF,
Concat; models/yolo.py: Detect, parse_model; models/yolov5s.yaml). ultralytics is not installed:
the classes below are copied in substance (same constructor arithmetic, same registration order,
same forward), without training-only or export paths.

Run: /usr/bin/python3 yolov5s.py   (torch 1.13). Prints every figure NOTES.md quotes.

Counts:
- PARAMS: sum(p.numel() for p in model.parameters()), what yolov5's model_info prints
  ("Model summary: 214 layers, 7235389 parameters").
- BUFFERS: BatchNorm running_mean + running_var (netcost's BUFFERS), and apart what PyTorch's
  buffers() also holds: num_batches_tracked (one int64 per BatchNorm2d) and Detect.anchors (3x3x2).
- MACs: a forward hook on every nn.Conv2d adding out.numel() * (in_channels / groups) * kh * kw
  (netcost: Cout * O * (Cin/g) * K) at 1 x 3 x 640 x 640, attributed per top-level layer index and
  per submodule path.
"""
import math
from collections import OrderedDict

import torch
import torch.nn as nn

# ---------------------------------------------------------------- models/common.py


def autopad(k, p=None, d=1):
    if d > 1:
        k = d * (k - 1) + 1 if isinstance(k, int) else [d * (x - 1) + 1 for x in k]
    if p is None:
        p = k // 2 if isinstance(k, int) else [x // 2 for x in k]
    return p


class Conv(nn.Module):
    default_act = nn.SiLU()

    def __init__(self, c1, c2, k=1, s=1, p=None, g=1, d=1, act=True):
        super().__init__()
        self.conv = nn.Conv2d(c1, c2, k, s, autopad(k, p, d), groups=g, dilation=d, bias=False)
        self.bn = nn.BatchNorm2d(c2)
        self.act = self.default_act if act is True else act if isinstance(act, nn.Module) else nn.Identity()

    def forward(self, x):
        return self.act(self.bn(self.conv(x)))


class Bottleneck(nn.Module):
    def __init__(self, c1, c2, shortcut=True, g=1, e=0.5):
        super().__init__()
        c_ = int(c2 * e)
        self.cv1 = Conv(c1, c_, 1, 1)
        self.cv2 = Conv(c_, c2, 3, 1, g=g)
        self.add = shortcut and c1 == c2

    def forward(self, x):
        return x + self.cv2(self.cv1(x)) if self.add else self.cv2(self.cv1(x))


class C3(nn.Module):
    def __init__(self, c1, c2, n=1, shortcut=True, g=1, e=0.5):
        super().__init__()
        c_ = int(c2 * e)
        self.cv1 = Conv(c1, c_, 1, 1)
        self.cv2 = Conv(c1, c_, 1, 1)
        self.cv3 = Conv(2 * c_, c2, 1)
        self.m = nn.Sequential(*(Bottleneck(c_, c_, shortcut, g, e=1.0) for _ in range(n)))

    def forward(self, x):
        return self.cv3(torch.cat((self.m(self.cv1(x)), self.cv2(x)), 1))


class SPPF(nn.Module):
    def __init__(self, c1, c2, k=5):
        super().__init__()
        c_ = c1 // 2
        self.cv1 = Conv(c1, c_, 1, 1)
        self.cv2 = Conv(c_ * 4, c2, 1, 1)
        self.m = nn.MaxPool2d(kernel_size=k, stride=1, padding=k // 2)

    def forward(self, x):
        x = self.cv1(x)
        y1 = self.m(x)
        y2 = self.m(y1)
        return self.cv2(torch.cat((x, y1, y2, self.m(y2)), 1))


class Concat(nn.Module):
    def __init__(self, dimension=1):
        super().__init__()
        self.d = dimension

    def forward(self, x):
        return torch.cat(x, self.d)


# ---------------------------------------------------------------- models/yolo.py


class Detect(nn.Module):
    stride = None

    def __init__(self, nc=80, anchors=(), ch=(), inplace=True):
        super().__init__()
        self.nc = nc
        self.no = nc + 5
        self.nl = len(anchors)
        self.na = len(anchors[0]) // 2
        self.register_buffer("anchors", torch.tensor(anchors).float().view(self.nl, -1, 2))
        self.m = nn.ModuleList(nn.Conv2d(x, self.no * self.na, 1) for x in ch)

    def forward(self, x):
        # training-mode return: the three raw maps (bs, 255, ny, nx) before view/permute/decode,
        # which netcost's outputs are. The inference decode (sigmoid, grid, anchors) has no MAC.
        return [self.m[i](x[i]) for i in range(self.nl)]


def make_divisible(x, divisor):
    return math.ceil(x / divisor) * divisor


YOLOV5S = {
    "nc": 80,
    "depth_multiple": 0.33,
    "width_multiple": 0.50,
    "anchors": [[10, 13, 16, 30, 33, 23], [30, 61, 62, 45, 59, 119], [116, 90, 156, 198, 373, 326]],
    "backbone": [
        [-1, 1, "Conv", [64, 6, 2, 2]],  # 0-P1/2
        [-1, 1, "Conv", [128, 3, 2]],  # 1-P2/4
        [-1, 3, "C3", [128]],
        [-1, 1, "Conv", [256, 3, 2]],  # 3-P3/8
        [-1, 6, "C3", [256]],
        [-1, 1, "Conv", [512, 3, 2]],  # 5-P4/16
        [-1, 9, "C3", [512]],
        [-1, 1, "Conv", [1024, 3, 2]],  # 7-P5/32
        [-1, 3, "C3", [1024]],
        [-1, 1, "SPPF", [1024, 5]],  # 9
    ],
    "head": [
        [-1, 1, "Conv", [512, 1, 1]],
        [-1, 1, "nn.Upsample", [None, 2, "nearest"]],
        [[-1, 6], 1, "Concat", [1]],
        [-1, 3, "C3", [512, False]],  # 13
        [-1, 1, "Conv", [256, 1, 1]],
        [-1, 1, "nn.Upsample", [None, 2, "nearest"]],
        [[-1, 4], 1, "Concat", [1]],
        [-1, 3, "C3", [256, False]],  # 17 (P3/8-small)
        [-1, 1, "Conv", [256, 3, 2]],
        [[-1, 14], 1, "Concat", [1]],
        [-1, 3, "C3", [512, False]],  # 20 (P4/16-medium)
        [-1, 1, "Conv", [512, 3, 2]],
        [[-1, 10], 1, "Concat", [1]],
        [-1, 3, "C3", [1024, False]],  # 23 (P5/32-large)
        [[17, 20, 23], 1, "Detect", ["nc", "anchors"]],
    ],
}


def parse_model(d, ch):
    anchors, nc, gd, gw = d["anchors"], d["nc"], d["depth_multiple"], d["width_multiple"]
    ch_mul = 8
    na = len(anchors[0]) // 2
    no = na * (nc + 5)
    names = {"Conv": Conv, "C3": C3, "SPPF": SPPF, "Concat": Concat, "Detect": Detect, "nn.Upsample": nn.Upsample}
    layers, save, c2 = [], [], ch[-1]
    table = []
    for i, (f, n, m, args) in enumerate(d["backbone"] + d["head"]):
        m = names[m]
        args = [d[a] if isinstance(a, str) and a in d else a for a in args]
        n = n_ = max(round(n * gd), 1) if n > 1 else n
        if m in {Conv, SPPF, C3}:
            c1, c2 = ch[f], args[0]
            if c2 != no:
                c2 = make_divisible(c2 * gw, ch_mul)
            args = [c1, c2, *args[1:]]
            if m is C3:
                args.insert(2, n)
                n = 1
        elif m is Concat:
            c2 = sum(ch[x] for x in f)
        elif m is Detect:
            args.append([ch[x] for x in f])
        else:
            c2 = ch[f]
        m_ = nn.Sequential(*(m(*args) for _ in range(n))) if n > 1 else m(*args)
        np_ = sum(x.numel() for x in m_.parameters())
        m_.i, m_.f, m_.np = i, f, np_
        table.append((i, f, n_, np_, m.__name__, args))
        save.extend(x % i for x in ([f] if isinstance(f, int) else f) if x != -1)
        layers.append(m_)
        if i == 0:
            ch = []
        ch.append(c2)
    return nn.Sequential(*layers), sorted(save), table


class DetectionModel(nn.Module):
    def __init__(self, cfg=YOLOV5S, ch=3):
        super().__init__()
        self.model, self.save, self.table = parse_model(cfg, [ch])

    def forward(self, x):
        y = []
        for m in self.model:
            if m.f != -1:
                x = y[m.f] if isinstance(m.f, int) else [x if j == -1 else y[j] for j in m.f]
            x = m(x)
            y.append(x if m.i in self.save else None)
        return x


# The per-layer parameter counts yolov5 prints while parsing yolov5s.yaml (tutorial.ipynb at
# 5081342f, the training cell's table), and its summary line.
PUBLISHED = [3520, 18560, 18816, 73984, 115712, 295424, 625152, 1180672, 1182720, 656896, 131584, 0, 0,
             361984, 33024, 0, 0, 90880, 147712, 0, 296448, 590336, 0, 1182720, 229245]
PUBLISHED_TOTAL = 7235389


def main():
    torch.manual_seed(0)
    model = DetectionModel().eval()

    print("layer  from          n   params  module   args")
    for (i, f, n, np_, name, args), pub in zip(model.table, PUBLISHED):
        assert np_ == pub, (i, np_, pub)
        a = args if name != "Detect" else [args[0], "anchors", args[2]]
        print(f"{i:>5}  {str(f):<12} {n:>2} {np_:>8}  {name:<8} {a}")
    params = sum(p.numel() for p in model.parameters())
    print(f"PARAMS {params:,}  (published {PUBLISHED_TOTAL:,}; match: {params == PUBLISHED_TOTAL}); "
          f"len(list(model.modules())) {len(list(model.modules()))} (yolov5: '214 layers'; the SiLU is one shared "
          f"instance, Conv.default_act)")

    bn_stats = sum(m.running_mean.numel() + m.running_var.numel()
                   for m in model.modules() if isinstance(m, nn.BatchNorm2d))
    n_bn = sum(1 for m in model.modules() if isinstance(m, nn.BatchNorm2d))
    all_buffers = sum(b.numel() for b in model.buffers())
    print(f"BUFFERS (BN running mean+var) {bn_stats:,}; BatchNorm2d modules {n_bn}; "
          f"torch buffers() total {all_buffers:,} = {bn_stats:,} + {n_bn} num_batches_tracked + "
          f"{model.model[-1].anchors.numel()} Detect.anchors")
    # DetectionModel.__init__ then sets m.stride = torch.tensor([8., 16., 32.]) on Detect (a class
    # attribute stride = None before): nn.Module.__setattr__ keeps a plain tensor that is not an
    # existing buffer as an ordinary attribute, so it is neither a parameter nor a buffer.
    det = model.model[-1]
    det.stride = torch.tensor([8.0, 16.0, 32.0])
    print("Detect buffers:", {k: tuple(b.shape) for k, b in det.named_buffers()},
          "| stride a buffer:", "stride" in dict(det.named_buffers()), "| in state_dict:",
          [k for k in model.state_dict() if "stride" in k or "anchors" in k])
    n_conv = sum(1 for m in model.modules() if isinstance(m, nn.Conv2d))
    bn_params = sum(m.weight.numel() + m.bias.numel() for m in model.modules() if isinstance(m, nn.BatchNorm2d))
    bn_channels = bn_params // 2
    print(f"Conv2d modules {n_conv}; BN params {bn_params:,} over {bn_channels:,} channels; fused (Conv+BN -> Conv "
          f"with bias, yolov5's fuse()) params {params - bn_params + bn_channels:,} (tutorial.ipynb: 7225885)")

    # ---- MACs by forward hooks on every Conv2d
    per_module = OrderedDict()
    names = {m: n for n, m in model.named_modules()}

    def hook(m, inp, out):
        per_module[names[m]] = per_module.get(names[m], 0) + out.numel() * (m.in_channels // m.groups) * m.kernel_size[0] * m.kernel_size[1]

    shapes = {}

    def shape_hook(m, inp, out):
        shapes[m.i] = [tuple(o.shape[1:]) for o in out] if isinstance(out, list) else tuple(out.shape[1:])

    for m in model.modules():
        if isinstance(m, nn.Conv2d):
            m.register_forward_hook(hook)
    for m in model.model:
        m.register_forward_hook(shape_hook)
    with torch.no_grad():
        outs = model(torch.zeros(1, 3, 640, 640))
    print("outputs", [tuple(o.shape) for o in outs])
    total = sum(per_module.values())
    print(f"MACS (Conv2d hooks, 640x640) {total:,}")

    per_layer = OrderedDict()
    for name, v in per_module.items():
        idx = int(name.split(".")[1])
        per_layer[idx] = per_layer.get(idx, 0) + v
    print("per top-level layer: index, output shape, params, MACs")
    for i, m in enumerate(model.model):
        print(f"{i:>3} {str(shapes[i]):<40} {m.np:>9,} {per_layer.get(i, 0):>15,}")

    print("per Conv2d module: path, MACs")
    for name, v in per_module.items():
        print(f"   {name:<24} {v:>14,}")

    # ---- the three outputs: own (exclusive) and needed (inclusive) figures
    det = model.model[24]
    head_params = [sum(p.numel() for p in c.parameters()) for c in det.m]
    head_macs = [per_module[f"model.24.m.{k}"] for k in range(3)]
    print("Detect convs params", head_params, "MACs", head_macs)

    def sum_layers(idx):
        return (sum(model.model[i].np for i in idx), sum(per_layer.get(i, 0) for i in idx))

    # ancestors of each output in the layer graph
    inc = {"p3": list(range(0, 18)), "p4": list(range(0, 21)), "p5": list(range(0, 24))}
    for k, key in enumerate(["p3", "p4", "p5"]):
        p, mac = sum_layers(inc[key])
        print(f"{key}: needs layers 0..{inc[key][-1]} + Detect.m.{k}: params {p + head_params[k]:,} MACs {mac + head_macs[k]:,}")
    p, mac = sum_layers([21, 22, 23])
    print(f"p5 only (layers 21, 22, 23 + Detect.m.2): params {p + head_params[2]:,} MACs {mac + head_macs[2]:,}")
    print(f"p3 only (Detect.m.0): params {head_params[0]:,} MACs {head_macs[0]:,}; "
          f"p4 only (Detect.m.1): params {head_params[1]:,} MACs {head_macs[1]:,}")
    shared_p, shared_m = sum_layers(range(0, 21))
    print(f"shared by all three (layers 0..20): params {shared_p:,} MACs {shared_m:,}")

    # ---- what yolov5's '16.6 GFLOPs' counts (thop at 32x32, x (640/32)^2, x 2)
    bn_elems = 0
    bias_elems = 0

    def bn_hook(m, inp, out):
        nonlocal bn_elems
        bn_elems += out.numel()

    def bias_hook(m, inp, out):
        nonlocal bias_elems
        if m.bias is not None:
            bias_elems += out.numel()

    for m in model.modules():
        if isinstance(m, nn.BatchNorm2d):
            m.register_forward_hook(bn_hook)
        if isinstance(m, nn.Conv2d):
            m.register_forward_hook(bias_hook)
    per_module.clear()
    with torch.no_grad():
        model(torch.zeros(1, 3, 640, 640))
    up_elems = 256 * 40 * 40 + 128 * 80 * 80
    print(f"BatchNorm output elements {bn_elems:,}; Detect conv bias adds {bias_elems:,}; nearest upsample outputs {up_elems:,}")
    # thop: conv = out.numel() * Cin/g * K (no bias); BatchNorm = 2 * numel, doubled when affine;
    # SiLU, MaxPool, Concat nothing; nn.Upsample 'nearest' 1 per output element in the versions
    # that count it, 0 in those that skip it. yolov5 prints 2 * thop's figure as GFLOPs.
    for up in (0, up_elems):
        print(f"  thop-like, upsample {'counted' if up else 'not counted'}: unfused 2 * (MACs + 4 * BN + up) = "
              f"{2 * (total + 4 * bn_elems + up) / 1e9:.3f} G (yolov5: 16.6); fused 2 * (MACs + up) = "
              f"{2 * (total + up) / 1e9:.3f} G (yolov5 fused: 16.4)")


if __name__ == "__main__":
    main()
