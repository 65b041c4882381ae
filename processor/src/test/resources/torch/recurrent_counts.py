# The parameters and MACs of PyTorch's nn.LSTM, nn.GRU and nn.RNN that RecurrentTest and
# RecurrentNetworksTest cite. Run with torch 1.13: /usr/bin/python3 recurrent_counts.py
# MACs: every mm, addmm, bmm and baddbmm PyTorch's CPU kernels run for one sequence (batch 1),
# counted as CrossAttentionTest counts them.
import torch, torch.nn as nn
from torch.utils._python_dispatch import TorchDispatchMode


class Macs(TorchDispatchMode):
    def __init__(self):
        super().__init__()
        self.macs = 0

    def __torch_dispatch__(self, func, types, args=(), kwargs=None):
        out = func(*args, **(kwargs or {}))
        name = func.__name__
        if name.startswith('mm') or name.startswith('addmm'):
            a, b = (args[1], args[2]) if name.startswith('addmm') else (args[0], args[1])
            self.macs += a.shape[0] * a.shape[1] * b.shape[1]
        elif name.startswith('bmm') or name.startswith('baddbmm'):
            a, b = (args[1], args[2]) if name.startswith('baddbmm') else (args[0], args[1])
            self.macs += a.shape[0] * a.shape[1] * a.shape[2] * b.shape[2]
        return out


def count(m, t, e):
    with torch.no_grad(), Macs() as c:
        m(torch.randn(t, 1, e))
    return sum(p.numel() for p in m.parameters()), c.macs


print(count(nn.LSTM(10, 20), 7, 10))                                                # (2560, 16800)
print(count(nn.LSTM(10, 20, 2), 7, 10))                                             # (5920, 39200)
print(count(nn.LSTM(10, 20, 2, bidirectional=True), 7, 10))                        # (15040, 100800)
print(count(nn.LSTM(10, 20, 2, bidirectional=True, proj_size=5), 7, 10))            # (5840, 36400)
print(count(nn.LSTM(10, 20, bias=False), 7, 10))                                    # (2400, 16800)
print(count(nn.GRU(10, 20), 7, 10))                                                 # (1920, 12600)
print(count(nn.GRU(10, 20, 2, bidirectional=True), 7, 10))                          # (11280, 75600)
print(count(nn.GRU(10, 20, bias=False), 7, 10))                                     # (1800, 12600)
print(count(nn.RNN(10, 20), 7, 10))                                                 # (640, 4200)
print(count(nn.RNN(10, 20, 3, bidirectional=True, nonlinearity='relu'), 7, 10))    # (6240, 42000)
print(count(nn.RNN(10, 20, bias=False), 7, 10))                                     # (600, 4200)
print(count(nn.LSTM(32, 64, 2), 16, 32))                                            # (58368, 917504)
m = nn.LSTM(10, 20, 2, bidirectional=True, proj_size=5)
out, (h, c) = m(torch.zeros(7, 10))
print(tuple(out.shape), tuple(h.shape), tuple(c.shape))                             # (7, 10) (4, 5) (4, 20)
