# The products of a training step as PyTorch 1.13's profiler counts them (with_flops=True counts
# 2 FLOPs per multiply-accumulate of aten::mm, addmm and bmm, forward and backward alike; it has no
# formula for convolution_backward). Run with /usr/bin/python3; BackwardProductsProfilerTest holds
# what it printed.
import torch
from torch.profiler import profile, ProfilerActivity


def products(module, *inputs):
    with profile(activities=[ProfilerActivity.CPU], with_flops=True) as prof:
        out = module(*inputs)
        out = out[0] if isinstance(out, tuple) else out
        out.sum().backward()
    flops = {e.key: e.flops for e in prof.key_averages() if e.flops}
    return flops


torch.manual_seed(0)
# A linear layer 8 -> 16 on 10 rows, its input needing a gradient.
print("linear", products(torch.nn.Linear(8, 16), torch.randn(10, 8, requires_grad=True)))
# Self-attention, E = 16, 2 heads, T = 5, biases (PyTorch's math path: the probabilities kept, EAGER).
mha = torch.nn.MultiheadAttention(16, 2, batch_first=True)
t = torch.randn(1, 5, 16, requires_grad=True)
print("attention", products(lambda x: mha(x, x, x, need_weights=False), t))
# The same with an input that needs no gradient (the first layer).
t0 = torch.randn(1, 5, 16)
print("attention, first layer", products(lambda x: mha(x, x, x, need_weights=False), t0))
