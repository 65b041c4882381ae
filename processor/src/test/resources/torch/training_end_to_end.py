"""Whole small networks in training against netcost's step figures (torch 1.13, CPU, float32).

Run: /usr/bin/python3 training_end_to_end.py
For each network, in train mode, batch B = 2:
- saved: every tensor autograd saves for backward (a saved_tensors_hooks pack hook), each storage once
  (t.storage().data_ptr()), its bytes (storage size times element size), the module's parameters and
  buffers left out (netcost counts them in the model states);
- backward products: torch.profiler.profile(with_flops=True), FLOPs of aten::mm, addmm, bmm (2 per
  MAC), the forward's (profiled alone, under no_grad-free forward) subtracted. Conv backward is not
  counted by the profiler.
The gradient of the output is given (out.backward(ones)): no loss.
The printed lines are copied into TrainingEndToEndTest.
"""
import torch
import torch.nn as nn
from torch.profiler import profile, ProfilerActivity

torch.manual_seed(0)
B = 2


def storages(module):
    return {t.storage().data_ptr() for t in list(module.parameters()) + list(module.buffers())}


def saved_bytes(module, x):
    seen = {}
    def pack(t):
        seen.setdefault(t.storage().data_ptr(), t)
        return t
    with torch.autograd.graph.saved_tensors_hooks(pack, lambda t: t):
        out = module(x)
    model = storages(module)
    total, detail = 0, []
    for ptr, t in seen.items():
        if ptr in model:
            continue
        nbytes = t.storage().size() * t.element_size()
        total += nbytes
        detail.append((tuple(t.shape), str(t.dtype).replace("torch.", ""), nbytes))
    return total, detail


def product_flops(fn):
    with profile(activities=[ProfilerActivity.CPU], with_flops=True) as prof:
        fn()
    flops = {}
    for e in prof.key_averages():
        if e.key in ("aten::mm", "aten::addmm", "aten::bmm") and e.flops:
            flops[e.key] = e.flops
    return flops


def run(name, module, x):
    module.train()
    total, detail = saved_bytes(module, x)
    forward = product_flops(lambda: module(x))
    def step():
        out = module(x)
        out.backward(torch.ones_like(out))
    both = product_flops(step)
    backward = sum(both.values()) - sum(forward.values())
    print(f"{name}: saved {total} B, backward products {backward} FLOPs = {backward // 2} MACs;"
          f" forward {forward}, forward+backward {both}")
    for d in detail:
        print("   ", d)


class Stem(nn.Module):
    """conv-bn-relu-maxpool on (3, 16, 16), then a ResNet basic block of 8 channels."""
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(3, 8, 3, padding=1, bias=False)
        self.bn1 = nn.BatchNorm2d(8)
        self.relu = nn.ReLU()
        self.maxpool = nn.MaxPool2d(2, 2)
        self.bconv1 = nn.Conv2d(8, 8, 3, padding=1, bias=False)
        self.bbn1 = nn.BatchNorm2d(8)
        self.brelu1 = nn.ReLU()
        self.bconv2 = nn.Conv2d(8, 8, 3, padding=1, bias=False)
        self.bbn2 = nn.BatchNorm2d(8)
        self.brelu2 = nn.ReLU()

    def forward(self, x):
        x = self.maxpool(self.relu(self.bn1(self.conv1(x))))
        y = self.bbn2(self.bconv2(self.brelu1(self.bbn1(self.bconv1(x)))))
        return self.brelu2(y + x)


class PreNorm(nn.Module):
    """A pre-norm transformer block on (T = 6, E = 16) tokens, 2 heads, MLP 32, no dropout."""
    def __init__(self, e=16, h=2, hidden=32):
        super().__init__()
        self.ln1 = nn.LayerNorm(e)
        self.attn = nn.MultiheadAttention(e, h, batch_first=True)
        self.ln2 = nn.LayerNorm(e)
        self.fc1 = nn.Linear(e, hidden)
        self.gelu = nn.GELU()
        self.fc2 = nn.Linear(hidden, e)

    def forward(self, x):
        y = self.ln1(x)
        x = x + self.attn(y, y, y, need_weights=False)[0]
        return x + self.fc2(self.gelu(self.fc1(self.ln2(x))))


class EmbedLinear(nn.Module):
    """An embedding of 50 x 16 on T = 6 ids, then a linear layer to 8."""
    def __init__(self, frozen):
        super().__init__()
        self.emb = nn.Embedding(50, 16)
        self.fc = nn.Linear(16, 8)
        self.emb.weight.requires_grad_(not frozen)

    def forward(self, ids):
        return self.fc(self.emb(ids))


run("stem + basic block", Stem(), torch.randn(B, 3, 16, 16))
run("pre-norm transformer block", PreNorm(), torch.randn(B, 6, 16))
run("embedding (frozen) + linear", EmbedLinear(True), torch.randint(0, 50, (B, 6)))
run("embedding + linear", EmbedLinear(False), torch.randint(0, 50, (B, 6)))
