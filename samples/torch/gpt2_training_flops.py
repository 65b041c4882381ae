"""GPT-2 small's training FLOPs per token at 1,024 tokens by the two published rules, with N counted
on modules of Hugging Face's GPT-2 shapes (gpt2's config: n_layer 12, n_embd 768, n_head 12,
vocab 50,257, n_positions 1,024, n_inner 4 * 768; Conv1D's weight (in, out) and bias (out) hold
the same elements as nn.Linear's), built here in plain torch 1.13 (transformers is not installed).

  Kaplan et al. (2020), section 2.1: C ~ 6N per training token, N the non-embedding parameters
  ("excluding all vocabulary and positional embeddings"), approximated there by
  2 * d_model * n_layer * (2 * d_attn + d_ff) = 12 * n_layer * d_model^2.
  nanoGPT (karpathy/nanoGPT model.py, GPT.estimate_mfu after PaLM's appendix B):
  6N + 12 * L * H * Q * T, N = get_num_params(): every parameter but the position embedding
  (the token embedding stays, as it is tied to lm_head), L layers, H heads of Q = n_embd / H.

Also printed: netcost's MAC-only part by the cost model (2 FLOPs per MAC; forward MACs per token
from the decoder's per-token rule; backward twice the forward's products, no layer skipped: the
first layer with an input gradient to skip is wte, whose input, token ids, has none anyway).

Run: /usr/bin/python3 gpt2_training_flops.py
"""
import torch
from torch import nn

L, E, H, V, T, F = 12, 768, 12, 50257, 1024, 4 * 768
Q = E // H


class Block(nn.Module):
    def __init__(self):
        super().__init__()
        self.ln_1 = nn.LayerNorm(E)
        self.c_attn = nn.Linear(E, 3 * E)
        self.c_proj = nn.Linear(E, E)
        self.ln_2 = nn.LayerNorm(E)
        self.c_fc = nn.Linear(E, F)
        self.mlp_proj = nn.Linear(F, E)


class Gpt2(nn.Module):
    def __init__(self):
        super().__init__()
        self.wte = nn.Embedding(V, E)
        self.wpe = nn.Embedding(T, E)
        self.h = nn.ModuleList(Block() for _ in range(L))
        self.ln_f = nn.LayerNorm(E)
        self.lm_head = nn.Linear(E, V, bias=False)
        self.lm_head.weight = self.wte.weight  # tied


def count(module):
    return sum(p.numel() for p in module.parameters())  # a tied tensor once


m = Gpt2()
total = count(m)
wte, wpe = m.wte.weight.numel(), m.wpe.weight.numel()
kaplan_n = total - wte - wpe
nanogpt_n = total - wpe
matrices = sum(p.numel() for name, p in m.named_parameters() if p.dim() == 2) - wte - wpe
print(f"parameters {total:,}; wte {wte:,}; wpe {wpe:,}")
print(f"Kaplan's N (no embeddings) {kaplan_n:,}; of which weight matrices {matrices:,}"
      f" (12 * L * E^2 = {12 * L * E * E:,}), biases and layer norms {kaplan_n - matrices:,}")
print(f"  6N = {6 * kaplan_n:,} FLOPs per token")
attention = 12 * L * H * Q * T
print(f"nanoGPT's N {nanogpt_n:,}: 6N = {6 * nanogpt_n:,}, 12LHQT = {attention:,},"
      f" 6N + 12LHQT = {6 * nanogpt_n + attention:,} FLOPs per token")
forward_macs = L * (4 * E * E + 2 * E * F + 2 * T * E) + V * E
print(f"forward MACs per token {forward_macs:,}; 2 * 3 * that = {6 * forward_macs:,}")
assert total == 124_439_808
assert kaplan_n == 85_056_000 and nanogpt_n == 123_653_376
assert 6 * forward_macs == 6 * matrices + 6 * wte + attention
