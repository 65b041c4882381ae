"""What PyTorch's autograd saves for backward, op by op, for BackpropElementwiseTest.

Run with torch 1.13 (/usr/bin/python3): every tensor autograd saves passes the pack hook of
torch.autograd.graph.saved_tensors_hooks; tensors are deduplicated by their storage's data_ptr and
named by what they are: the op's input (x, a leaf that requires a gradient, as if an earlier layer
made it), its output, a parameter or buffer of the module, or a tensor of its own. The batch is 2,
so an activation's elements per sample are half of those printed; a norm's statistics are printed
as they are (per batch for batch norm).
"""
import torch
import torch.nn as nn
import torch.nn.functional as F
import torchvision

torch.manual_seed(0)
N = 2


def storage(t):
    return t.untyped_storage().data_ptr() if hasattr(t, "untyped_storage") else t.storage().data_ptr()


def saved_by(fn, inputs, module=None):
    packed = []

    def pack(t):
        packed.append(t)
        return t

    with torch.autograd.graph.saved_tensors_hooks(pack, lambda t: t):
        y = fn(*inputs)
    named = {storage(x): "input%d" % i if len(inputs) > 1 else "input" for i, x in enumerate(inputs)}
    named.setdefault(storage(y), "output")
    if module is not None:
        for n, p in list(module.named_parameters()) + list(module.named_buffers()):
            named.setdefault(storage(p), "param:" + n)
    seen = {}
    for t in packed:
        key = storage(t)
        if key not in seen:
            seen[key] = "%s %s x%d" % (named.get(key, "own"), str(t.dtype).replace("torch.", ""), t.numel())
    view = storage(y) in [storage(x) for x in inputs] and y.data_ptr() >= min(x.data_ptr() for x in inputs)
    return sorted(seen.values()), view


def x_of(*shape):
    return torch.randn(N, *shape).requires_grad_()


def show(name, fn, inputs, module=None):
    saved, view = saved_by(fn, inputs, module)
    print("%-28s view=%-5s saves: %s" % (name, view, "; ".join(saved) if saved else "nothing"))


C, H, W = 4, 6, 6
m = lambda: x_of(C, H, W)
for name, mod in [("ReLU", nn.ReLU()), ("ReLU6", nn.ReLU6()), ("Sigmoid", nn.Sigmoid()), ("Tanh", nn.Tanh()),
                  ("SiLU", nn.SiLU()), ("GELU", nn.GELU()), ("GELU tanh", nn.GELU(approximate="tanh")),
                  ("Hardswish", nn.Hardswish()), ("Hardsigmoid", nn.Hardsigmoid()),
                  ("LeakyReLU", nn.LeakyReLU(0.1)), ("Mish", nn.Mish())]:
    show(name, mod, [m()])
show("QuickGELU", lambda x: x * torch.sigmoid(1.702 * x), [m()])
show("Softmax", nn.Softmax(dim=-1), [x_of(5, 8)])
show("Dropout (nn, CPU)", nn.Dropout(0.1).train(), [m()])
show("native_dropout", lambda x: torch.native_dropout(x, 0.1, True)[0], [m()])
show("Dropout p=0", nn.Dropout(0.0).train(), [m()])
show("MaxPool2d 3/2 p1", nn.MaxPool2d(3, 2, 1), [m()])
show("AvgPool2d 2", nn.AvgPool2d(2), [m()])
show("AdaptiveAvgPool2d (2,2)", nn.AdaptiveAvgPool2d((2, 2)), [m()])
show("AdaptiveAvgPool2d (1,1)", nn.AdaptiveAvgPool2d((1, 1)), [m()])
show("mean (global avg pool)", lambda x: x.mean((-2, -1), keepdim=True), [m()])
bn = nn.BatchNorm2d(C).train()
show("BatchNorm2d (train)", bn, [m()], bn)
ln = nn.LayerNorm(8)
show("LayerNorm (5, 8)", ln, [x_of(5, 8)], ln)


class LlamaRMSNorm(nn.Module):  # Hugging Face's, as in transformers' modeling_llama
    def __init__(self, e, eps=1e-6):
        super().__init__()
        self.weight = nn.Parameter(torch.ones(e))
        self.eps = eps

    def forward(self, h):
        variance = h.to(torch.float32).pow(2).mean(-1, keepdim=True)
        h = h * torch.rsqrt(variance + self.eps)
        return self.weight * h


rms = LlamaRMSNorm(8)
show("LlamaRMSNorm (5, 8)", rms, [x_of(5, 8)], rms)
gn = nn.GroupNorm(2, C)
show("GroupNorm 2 groups", gn, [m()], gn)
inn = nn.InstanceNorm2d(C, affine=True, track_running_stats=True).train()
show("InstanceNorm2d affine track", inn, [m()], inn)
inn2 = nn.InstanceNorm2d(C)
show("InstanceNorm2d", inn2, [m()], inn2)
ln2d = torchvision.models.convnext.LayerNorm2d(C)
show("LayerNorm2d", ln2d, [m()], ln2d)
show("Upsample nearest x2", nn.Upsample(scale_factor=2), [m()])
show("Upsample bilinear x2", nn.Upsample(scale_factor=2, mode="bilinear"), [m()])
show("StochasticDepth row", lambda x: torchvision.ops.stochastic_depth(x, 0.2, "row", True), [m()])
show("Add", lambda a, b: a + b, [m(), m()])
show("Add broadcast (C,1,1)", lambda a, b: a + b, [m(), x_of(C, 1, 1)])
show("Mul", lambda a, b: a * b, [m(), m()])
show("Mul broadcast (C,1,1)", lambda a, b: a * b, [m(), x_of(C, 1, 1)])
show("Mul of three", lambda a, b, c: a * b * c, [m(), m(), m()])
show("Concat", lambda a, b: torch.cat([a, b], 1), [m(), m()])
show("Flatten", nn.Flatten(), [m()])
show("ChannelSplit (narrow)", lambda x: x.split(2, 1)[1], [m()])
show("Chunk", lambda x: x.chunk(2, -1)[0], [x_of(5, 8)])
show("SelectToken", lambda x: x[:, 0], [x_of(5, 8)])
show("ChannelsLast (permute)", lambda x: x.permute(0, 2, 3, 1), [m()])
show("ToTokens", lambda x: x.flatten(2).transpose(1, 2), [m()])
show("ToMap", lambda x: x.transpose(1, 2).reshape(N, 8, 2, 3), [x_of(6, 8)])


def unfold(x, p=2):  # MobileViT's unfolding, (N, C, H, W) to (N*P, patches, C)
    b, c, h, w = x.shape
    x = x.reshape(b * c * (h // p), p, w // p, p).transpose(1, 2)
    x = x.reshape(b, c, (h // p) * (w // p), p * p).transpose(1, 3)
    return x.reshape(b * p * p, (h // p) * (w // p), c)


def fold(x, h=6, w=6, p=2):  # MobileViT's folding back
    bp, n, c = x.shape
    x = x.contiguous().view(bp // (p * p), p * p, n, c).transpose(1, 3)
    x = x.reshape(-1, c * (h // p), p, p).transpose(1, 2)  # not MobileViT's exact order; a copy alike
    return x.reshape(-1, c, h, w)


show("Unfold (MobileViT)", unfold, [m()])
show("Fold (MobileViT)", fold, [torch.randn(N * 4, 9, C).requires_grad_()])
show("PatchMerging (pad, slices, cat)", torchvision.models.swin_transformer._patch_merging_pad, [x_of(H, W, C)])
show("ChannelShuffle", lambda x: torch.channel_shuffle(x, 2), [m()])
show("CenterCrop", lambda x: x[..., 1:5, 1:5], [m()])
show("ZeroPad2d", nn.ZeroPad2d(1), [m()])
