"""What autograd saves for backward, for the ops of BackpropProductsTest (torch 1.13, CPU, float32).

Run: /usr/bin/python3 saved_tensors_products.py
Every tensor the pack hook sees is classed, once per storage, as the layer's input, its output, a
parameter (not an activation: netcost counts weights apart) or a tensor of its own (elements).
"""
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)


def saved(fn, inputs, params=()):
    seen = {}
    def pack(t):
        seen.setdefault(t.storage().data_ptr(), t)
        return t
    with torch.autograd.graph.saved_tensors_hooks(pack, lambda t: t):
        out = fn(*inputs)
    if isinstance(out, tuple):
        out = out[0]  # an LSTM's output, beside its final state
    def key(t):
        return t.storage().data_ptr()
    ins = {key(x) for x in inputs}
    ps = {key(p) for p in params}
    report = {"input": 0, "output": 0, "own": 0, "own_bytes": 0}
    for ptr, t in seen.items():
        if ptr in ins:
            report["input"] += 1
        elif ptr == key(out):
            report["output"] += 1
        elif ptr in ps:
            pass
        else:
            n = t.storage().size()
            report["own"] += n if t.is_floating_point() else 0
            report["own_bytes"] += 0 if t.is_floating_point() else n * t.element_size()
    return report


def case(name, module, x, x_grad, w_grad, extra_inputs=()):
    x = x.clone().requires_grad_(x_grad)
    for p in module.parameters():
        p.requires_grad_(w_grad)
    ins = (x,) + tuple(extra_inputs)
    print(f"{name:48s} input grad {x_grad!s:5} weight grad {w_grad!s:5}:", saved(module, ins, list(module.parameters())))


for xg, wg in [(True, True), (False, True), (True, False)]:
    case("Linear(8, 16) on (10, 8)", nn.Linear(8, 16), torch.randn(10, 8), xg, wg)
    case("Linear(8, 16) on (2, 10, 8)", nn.Linear(8, 16), torch.randn(2, 10, 8), xg, wg)
    case("Conv2d(3, 4, 3) on (1, 3, 6, 6)", nn.Conv2d(3, 4, 3), torch.randn(1, 3, 6, 6), xg, wg)
    case("ConvTranspose2d(4, 3, 2, 2) on (1, 4, 3, 3)", nn.ConvTranspose2d(4, 3, 2, 2), torch.randn(1, 4, 3, 3), xg, wg)
    case("PReLU(3) on (1, 3, 4, 4)", nn.PReLU(3), torch.randn(1, 3, 4, 4), xg, wg)

    class LayerScale(nn.Module):
        def __init__(self):
            super().__init__()
            self.gamma = nn.Parameter(torch.ones(8))
        def forward(self, x):
            return x * self.gamma
    case("LayerScale(8) on (1, 10, 8)", LayerScale(), torch.randn(1, 10, 8), xg, wg)

emb = nn.Embedding(50, 8)
ids = torch.randint(0, 50, (1, 10))
print("Embedding(50, 8) on 10 ids:", saved(emb, (ids,), list(emb.parameters())))


class EagerAttention(nn.Module):
    """Q, K, V, out projections (E = 8, h = 2, d = 4), the math path: bmm, softmax, bmm."""
    def __init__(self, e=8, h=2):
        super().__init__()
        self.h, self.d = h, e // h
        self.q, self.k, self.v, self.o = (nn.Linear(e, e) for _ in range(4))
    def forward(self, x):
        t = x.shape[1]
        def heads(y):
            return y.view(t, self.h, self.d).transpose(0, 1).contiguous()
        q, k, v = heads(self.q(x[0]) / self.d ** 0.5), heads(self.k(x[0])), heads(self.v(x[0]))
        p = torch.softmax(torch.bmm(q, k.transpose(1, 2)), dim=-1)
        o = torch.bmm(p, v).transpose(0, 1).reshape(1, t, -1)
        return self.o(o)


for xg, wg in [(True, True), (True, False)]:
    case("eager attention E 8 h 2 on (1, 10, 8)", EagerAttention(), torch.randn(1, 10, 8), xg, wg)

for xg, wg in [(True, True), (False, True)]:
    case("LSTM(8, 16) on (10, 1, 8)", nn.LSTM(8, 16), torch.randn(10, 1, 8), xg, wg)
    case("GRU(8, 16) on (10, 1, 8)", nn.GRU(8, 16), torch.randn(10, 1, 8), xg, wg)
    case("RNN(8, 16) on (10, 1, 8)", nn.RNN(8, 16), torch.randn(10, 1, 8), xg, wg)
    case("LSTM(8, 16, 2 layers) on (10, 1, 8)", nn.LSTM(8, 16, 2), torch.randn(10, 1, 8), xg, wg)
case("LSTM(8, 16) on (10, 1, 8)", nn.LSTM(8, 16), torch.randn(10, 1, 8), True, False)
case("GRU(8, 16) on (10, 1, 8)", nn.GRU(8, 16), torch.randn(10, 1, 8), True, False)
case("RNN(8, 16) on (10, 1, 8)", nn.RNN(8, 16), torch.randn(10, 1, 8), True, False)
case("LSTM(8, 16, proj_size=4) on (10, 1, 8)", nn.LSTM(8, 16, proj_size=4), torch.randn(10, 1, 8), True, True)
case("LSTM(8, 16, bidirectional) on (10, 1, 8)", nn.LSTM(8, 16, bidirectional=True), torch.randn(10, 1, 8), True, True)


class Cosine(nn.Module):
    """CLIP's logits_per_image for one pair: logit_scale.exp() * u @ v, read left to right."""
    def __init__(self):
        super().__init__()
        self.logit_scale = nn.Parameter(torch.tensor(2.0))
    def forward(self, x, y):
        return self.logit_scale.exp() * (x / x.norm()) @ (y / y.norm())


cos = Cosine()
x, y = torch.randn(8, requires_grad=True), torch.randn(8, requires_grad=True)
print("cosine similarity of two (8):", saved(cos, (x, y), list(cos.parameters())))
cos_scale = Cosine()
x, y = torch.randn(8), torch.randn(8)
print("cosine similarity of two (8), only the scale trained:", saved(cos_scale, (x, y), list(cos_scale.parameters())))


class PlainCosine(nn.Module):
    def forward(self, x, y):
        return (x / x.norm()) @ (y / y.norm())


x, y = torch.randn(8, requires_grad=True), torch.randn(8, requires_grad=True)
print("cosine similarity of two (8), no scale:", saved(PlainCosine(), (x, y)))
