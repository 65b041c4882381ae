"""openai-whisper `tiny`, re-implemented in plain PyTorch from openai/whisper whisper/model.py
(commit c0d2f624c09dc18e709e37c2ad90c039a4eb72a2, 2025-06-25), for netcost's WhisperTiny sample.

Dimensions (whisper `tiny`; the checkpoint's `dims`, the same as Hugging Face's openai/whisper-tiny
config.json: d_model 384, encoder/decoder_layers 4, *_attention_heads 6, *_ffn_dim 1536,
num_mel_bins 80, max_source_positions 1500, max_target_positions 448, vocab_size 51865).

What it does, with torch 1.13 on the CPU:
  1. counts parameters (sum of p.numel() over model.parameters(), as openai-whisper's model and
     PyTorch count them) and persistent buffers (the state_dict's non-parameters);
  2. builds the Hugging Face variant (the encoder's sinusoidal table as an nn.Embedding, as
     transformers' WhisperEncoder.embed_positions) to show where 37,760,640 comes from;
  3. runs the model on mel (1, 80, 3000) and tokens (1, 448) and counts MACs with forward hooks
     (nn.Linear: rows in x in_features x out_features, i.e. out.numel() * in_features; nn.Conv1d: out.numel() * in/groups * kernel), plus the
     attention products q @ k^T and w @ v and the tied logits x @ W^T, counted where this code
     calls them (they are no modules, so no hook sees them);
  4. decodes one token at context 448 with openai-whisper's KV-cache hooks
     (install_kv_cache_hooks): 447 tokens prefilled, then one; counts that step's MACs and the
     cache's elements;
  5. checks every count against the hand formulas of netcost's cost model, and prints the table.

Run: /usr/bin/python3 whisper_tiny.py   (about a minute; output in whisper_tiny.out.txt)
"""
from dataclasses import dataclass
from typing import Dict, Iterable, Optional

import numpy as np
import torch
import torch.nn.functional as F
from torch import Tensor, nn


@dataclass
class ModelDimensions:
    n_mels: int
    n_audio_ctx: int
    n_audio_state: int
    n_audio_head: int
    n_audio_layer: int
    n_vocab: int
    n_text_ctx: int
    n_text_state: int
    n_text_head: int
    n_text_layer: int


TINY = ModelDimensions(n_mels=80, n_audio_ctx=1500, n_audio_state=384, n_audio_head=6, n_audio_layer=4,
                       n_vocab=51865, n_text_ctx=448, n_text_state=384, n_text_head=6, n_text_layer=4)

# MACs of what no hook sees (the attention products, the tied logits), by module path.
PRODUCTS: Dict[str, int] = {}


def count_product(owner: nn.Module, macs: int):
    PRODUCTS[owner._path] = PRODUCTS.get(owner._path, 0) + macs


class LayerNorm(nn.LayerNorm):
    def forward(self, x: Tensor) -> Tensor:
        return super().forward(x.float()).type(x.dtype)


class Linear(nn.Linear):
    def forward(self, x: Tensor) -> Tensor:
        return F.linear(x, self.weight.to(x.dtype), None if self.bias is None else self.bias.to(x.dtype))


class Conv1d(nn.Conv1d):
    def _conv_forward(self, x: Tensor, weight: Tensor, bias: Optional[Tensor]) -> Tensor:
        return super()._conv_forward(x, weight.to(x.dtype), None if bias is None else bias.to(x.dtype))


def sinusoids(length, channels, max_timescale=10000):
    """Returns sinusoids for positional embedding"""
    assert channels % 2 == 0
    log_timescale_increment = np.log(max_timescale) / (channels // 2 - 1)
    inv_timescales = torch.exp(-log_timescale_increment * torch.arange(channels // 2))
    scaled_time = torch.arange(length)[:, np.newaxis] * inv_timescales[np.newaxis, :]
    return torch.cat([torch.sin(scaled_time), torch.cos(scaled_time)], dim=1)


class MultiHeadAttention(nn.Module):
    def __init__(self, n_state: int, n_head: int):
        super().__init__()
        self.n_head = n_head
        self.query = Linear(n_state, n_state)
        self.key = Linear(n_state, n_state, bias=False)   # whisper: no bias on the key projection
        self.value = Linear(n_state, n_state)
        self.out = Linear(n_state, n_state)

    def forward(self, x: Tensor, xa: Optional[Tensor] = None, mask: Optional[Tensor] = None,
                kv_cache: Optional[dict] = None):
        q = self.query(x)
        if kv_cache is None or xa is None or self.key not in kv_cache:
            # hooks, if installed, append the cached k/v (self-attention) or store them (cross)
            k = self.key(x if xa is None else xa)
            v = self.value(x if xa is None else xa)
        else:
            # cross-attention: keys and values of the audio computed once, reused
            k = kv_cache[self.key]
            v = kv_cache[self.value]
        wv, qk = self.qkv_attention(q, k, v, mask)
        return self.out(wv), qk

    def qkv_attention(self, q: Tensor, k: Tensor, v: Tensor, mask: Optional[Tensor] = None):
        # torch 1.13 has no scaled_dot_product_attention: openai-whisper's explicit path
        n_batch, n_ctx, n_state = q.shape
        scale = (n_state // self.n_head) ** -0.25
        q = q.view(*q.shape[:2], self.n_head, -1).permute(0, 2, 1, 3)
        k = k.view(*k.shape[:2], self.n_head, -1).permute(0, 2, 1, 3)
        v = v.view(*v.shape[:2], self.n_head, -1).permute(0, 2, 1, 3)
        qk = (q * scale) @ (k * scale).transpose(-1, -2)
        b, h, t, d = q.shape
        s = k.shape[2]
        count_product(self, b * h * t * s * d)  # scores: (T, d) @ (d, S) per head
        if mask is not None:
            qk = qk + mask[:n_ctx, :n_ctx]
        qk = qk.float()
        w = F.softmax(qk, dim=-1).to(q.dtype)
        out = (w @ v).permute(0, 2, 1, 3).flatten(start_dim=2)
        count_product(self, b * h * t * s * d)  # weighted sum: (T, S) @ (S, d) per head
        return out, qk.detach()


class ResidualAttentionBlock(nn.Module):
    def __init__(self, n_state: int, n_head: int, cross_attention: bool = False):
        super().__init__()
        self.attn = MultiHeadAttention(n_state, n_head)
        self.attn_ln = LayerNorm(n_state)
        self.cross_attn = MultiHeadAttention(n_state, n_head) if cross_attention else None
        self.cross_attn_ln = LayerNorm(n_state) if cross_attention else None
        n_mlp = n_state * 4
        self.mlp = nn.Sequential(Linear(n_state, n_mlp), nn.GELU(), Linear(n_mlp, n_state))
        self.mlp_ln = LayerNorm(n_state)

    def forward(self, x: Tensor, xa: Optional[Tensor] = None, mask: Optional[Tensor] = None,
                kv_cache: Optional[dict] = None):
        x = x + self.attn(self.attn_ln(x), mask=mask, kv_cache=kv_cache)[0]
        if self.cross_attn:
            x = x + self.cross_attn(self.cross_attn_ln(x), xa, kv_cache=kv_cache)[0]
        x = x + self.mlp(self.mlp_ln(x))
        return x


class AudioEncoder(nn.Module):
    def __init__(self, n_mels, n_ctx, n_state, n_head, n_layer, hf_positions=False):
        super().__init__()
        self.conv1 = Conv1d(n_mels, n_state, kernel_size=3, padding=1)
        self.conv2 = Conv1d(n_state, n_state, kernel_size=3, stride=2, padding=1)
        if hf_positions:
            # transformers' WhisperEncoder: nn.Embedding(max_source_positions, d_model) with
            # requires_grad_(False): still a Parameter, so num_parameters() counts it
            self.embed_positions = nn.Embedding(n_ctx, n_state)
            self.embed_positions.requires_grad_(False)
            with torch.no_grad():
                self.embed_positions.weight.copy_(sinusoids(n_ctx, n_state))
        else:
            self.register_buffer("positional_embedding", sinusoids(n_ctx, n_state))
        self.blocks: Iterable[ResidualAttentionBlock] = nn.ModuleList(
            [ResidualAttentionBlock(n_state, n_head) for _ in range(n_layer)])
        self.ln_post = LayerNorm(n_state)

    def forward(self, x: Tensor):
        x = F.gelu(self.conv1(x))
        x = F.gelu(self.conv2(x))
        x = x.permute(0, 2, 1)
        assert x.shape[1:] == self.positional_embedding.shape, "incorrect audio shape"
        x = (x + self.positional_embedding).to(x.dtype)
        for block in self.blocks:
            x = block(x)
        x = self.ln_post(x)
        return x


class TextDecoder(nn.Module):
    def __init__(self, n_vocab, n_ctx, n_state, n_head, n_layer):
        super().__init__()
        self.token_embedding = nn.Embedding(n_vocab, n_state)
        self.positional_embedding = nn.Parameter(torch.empty(n_ctx, n_state))
        self.blocks: Iterable[ResidualAttentionBlock] = nn.ModuleList(
            [ResidualAttentionBlock(n_state, n_head, cross_attention=True) for _ in range(n_layer)])
        self.ln = LayerNorm(n_state)
        mask = torch.empty(n_ctx, n_ctx).fill_(-np.inf).triu_(1)
        self.register_buffer("mask", mask, persistent=False)

    def forward(self, x: Tensor, xa: Tensor, kv_cache: Optional[dict] = None):
        offset = next(iter(kv_cache.values())).shape[1] if kv_cache else 0
        x = self.token_embedding(x) + self.positional_embedding[offset: offset + x.shape[-1]]
        x = x.to(xa.dtype)
        for block in self.blocks:
            x = block(x, xa, mask=self.mask, kv_cache=kv_cache)
        x = self.ln(x)
        logits = (x @ torch.transpose(self.token_embedding.weight.to(x.dtype), 0, 1)).float()
        count_product(self.token_embedding, x.shape[0] * x.shape[1] * x.shape[2] * logits.shape[-1])
        return logits


class Whisper(nn.Module):
    def __init__(self, dims: ModelDimensions, hf_positions=False):
        super().__init__()
        self.dims = dims
        self.encoder = AudioEncoder(dims.n_mels, dims.n_audio_ctx, dims.n_audio_state, dims.n_audio_head,
                                    dims.n_audio_layer, hf_positions)
        self.decoder = TextDecoder(dims.n_vocab, dims.n_text_ctx, dims.n_text_state, dims.n_text_head,
                                   dims.n_text_layer)
        all_heads = torch.zeros(dims.n_text_layer, dims.n_text_head, dtype=torch.bool)
        all_heads[dims.n_text_layer // 2:] = True
        self.register_buffer("alignment_heads", all_heads.to_sparse(), persistent=False)
        for name, module in self.named_modules():
            module._path = name

    def forward(self, mel: Tensor, tokens: Tensor):
        return self.decoder(tokens, self.encoder(mel))

    def install_kv_cache_hooks(self, cache: Optional[dict] = None):
        cache = {**cache} if cache is not None else {}
        hooks = []

        def save_to_cache(module, _, output):
            if module not in cache or output.shape[1] > self.dims.n_text_ctx:
                cache[module] = output  # save as-is, for the first token or cross attention
            else:
                cache[module] = torch.cat([cache[module], output], dim=1).detach()
            return cache[module]

        def install_hooks(layer: nn.Module):
            if isinstance(layer, MultiHeadAttention):
                hooks.append(layer.key.register_forward_hook(save_to_cache))
                hooks.append(layer.value.register_forward_hook(save_to_cache))

        self.decoder.apply(install_hooks)
        return cache, hooks


# ---------------------------------------------------------------- counting helpers
class MacHooks:
    """Forward hooks on every nn.Linear and nn.Conv1d: MACs per module path."""

    def __init__(self, model: nn.Module):
        self.macs: Dict[str, int] = {}
        self.handles = []
        for name, m in model.named_modules():
            if isinstance(m, nn.Linear):
                self.handles.append(m.register_forward_hook(self.linear(name)))
            elif isinstance(m, nn.Conv1d):
                self.handles.append(m.register_forward_hook(self.conv(name)))

    def linear(self, name):
        def hook(m, inp, out):
            # rows x in x out, from the input: the same as out.numel() * in_features, except that
            # openai-whisper's KV-cache hook on key/value (registered first) replaces the output
            # with the whole cache, which this projection did not compute
            rows = inp[0].numel() // m.in_features
            self.macs[name] = self.macs.get(name, 0) + rows * m.in_features * m.out_features
        return hook

    def conv(self, name):
        def hook(m, inp, out):
            k = int(np.prod(m.kernel_size))
            self.macs[name] = self.macs.get(name, 0) + out.numel() * (m.in_channels // m.groups) * k
        return hook

    def remove(self):
        for h in self.handles:
            h.remove()


def params_under(model: nn.Module, prefix: str) -> int:
    return sum(p.numel() for n, p in model.named_parameters() if n == prefix or n.startswith(prefix + "."))


def macs_under(counts: Dict[str, int], prefix: str) -> int:
    return sum(v for k, v in counts.items() if k == prefix or k.startswith(prefix + "."))


def fmt(n: int) -> str:
    return f"{n:,}"


def main():
    torch.manual_seed(0)
    d = TINY
    E, H, V = d.n_audio_state, d.n_audio_head, d.n_vocab
    S, T, L, M = d.n_audio_ctx, d.n_text_ctx, d.n_audio_layer, 4 * d.n_audio_state
    FRAMES = 2 * S  # 3,000 mel frames; conv2's stride 2 makes 1,500 positions

    model = Whisper(d).eval()
    nn.init.normal_(model.decoder.positional_embedding)  # torch.empty otherwise; values do not matter

    # ------------------------------------------------------------ 1. parameters and buffers
    params = sum(p.numel() for p in model.parameters())
    state = model.state_dict()
    param_names = {n for n, _ in model.named_parameters()}
    persistent_buffers = sum(t.numel() for n, t in state.items() if n not in param_names)
    all_buffers = {n: b.numel() for n, b in model.named_buffers()}
    print("== parameters (openai-whisper layout) ==")
    print("sum(p.numel() for p in model.parameters()) =", fmt(params))
    print("persistent buffers (state_dict minus parameters) =", fmt(persistent_buffers),
          "= encoder.positional_embedding", tuple(model.encoder.positional_embedding.shape))
    print("all registered buffers incl. non-persistent:", {k: fmt(v) for k, v in all_buffers.items()})

    # hand counts
    conv1 = E * d.n_mels * 3 + E
    conv2 = E * E * 3 + E
    attn = 4 * E * E + 3 * E            # q, k, v, out weights; biases on q, v, out only
    ln = 2 * E
    mlp = E * M + M + M * E + E
    enc_layer = ln + attn + ln + mlp
    dec_layer = ln + attn + ln + attn + ln + mlp
    tok = V * E
    dec_pos = T * E
    enc = conv1 + conv2 + L * enc_layer + ln
    dec = tok + dec_pos + d.n_text_layer * dec_layer + ln
    assert (conv1, conv2, attn, enc_layer, dec_layer) == (92_544, 442_752, 590_976, 1_774_080, 2_365_824)
    assert params == enc + dec == 37_184_640, params
    assert persistent_buffers == S * E == 576_000

    hf = Whisper(d, hf_positions=True)
    hf_params = sum(p.numel() for p in hf.parameters())
    print("Hugging Face layout (embed_positions an nn.Embedding, requires_grad False):", fmt(hf_params),
          "=", fmt(params), "+", fmt(S * E), "(1500 x 384)")
    assert hf_params == 37_760_640 == params + S * E

    per_field_params = {
        "encoder.conv1": params_under(model, "encoder.conv1"),
        "encoder.conv2": params_under(model, "encoder.conv2"),
        "encoder.blocks[i] (each)": params_under(model, "encoder.blocks.0"),
        "encoder.blocks[i].attn_ln": params_under(model, "encoder.blocks.0.attn_ln"),
        "encoder.blocks[i].attn": params_under(model, "encoder.blocks.0.attn"),
        "encoder.blocks[i].mlp_ln": params_under(model, "encoder.blocks.0.mlp_ln"),
        "encoder.blocks[i].mlp.0": params_under(model, "encoder.blocks.0.mlp.0"),
        "encoder.blocks[i].mlp.2": params_under(model, "encoder.blocks.0.mlp.2"),
        "encoder.blocks (4)": params_under(model, "encoder.blocks"),
        "encoder.ln_post": params_under(model, "encoder.ln_post"),
        "encoder": params_under(model, "encoder"),
        "decoder.token_embedding": params_under(model, "decoder.token_embedding"),
        "decoder.positional_embedding": params_under(model, "decoder.positional_embedding"),
        "decoder.blocks[i] (each)": params_under(model, "decoder.blocks.0"),
        "decoder.blocks[i].cross_attn": params_under(model, "decoder.blocks.0.cross_attn"),
        "decoder.blocks (4)": params_under(model, "decoder.blocks"),
        "decoder.ln": params_under(model, "decoder.ln"),
        "decoder": params_under(model, "decoder"),
    }
    print("\n-- parameters per module --")
    for k, v in per_field_params.items():
        print(f"  {k:34s} {fmt(v):>12s}")

    # ------------------------------------------------------------ 2. MACs of one forward pass
    mel = torch.randn(1, d.n_mels, FRAMES)
    tokens = torch.randint(0, V, (1, T))
    hooks = MacHooks(model)
    PRODUCTS.clear()
    with torch.no_grad():
        logits = model(mel, tokens)
    hooks.remove()
    assert tuple(logits.shape) == (1, T, V)
    hook_macs = dict(hooks.macs)
    products = dict(PRODUCTS)
    total_hooks = sum(hook_macs.values())
    total_products = sum(products.values())

    # hand formulas (netcost's cost model)
    h_conv1 = E * FRAMES * d.n_mels * 3                     # out elements x in/groups x kernel
    h_conv2 = E * S * E * 3
    h_enc_proj = 4 * S * E * E                              # q, k, v, out on 1,500 tokens
    h_enc_prod = 2 * S * S * E                              # scores + weighted sum
    h_mlp_enc = 2 * S * E * M
    h_enc_layer = h_enc_proj + h_enc_prod + h_mlp_enc
    h_self_proj = 4 * T * E * E
    h_self_prod = 2 * T * T * E
    h_cross_q_out = 2 * T * E * E
    h_cross_kv = 2 * S * E * E                              # k, v on the 1,500 audio positions
    h_cross_prod = 2 * T * S * E                            # 448 queries x 1,500 keys
    h_mlp_dec = 2 * T * E * M
    h_dec_layer = h_self_proj + h_self_prod + h_cross_q_out + h_cross_kv + h_cross_prod + h_mlp_dec
    h_logits = T * E * V
    h_encoder = h_conv1 + h_conv2 + L * h_enc_layer
    h_decoder = d.n_text_layer * h_dec_layer + h_logits
    h_total = h_encoder + h_decoder

    # hooks agree, part by part
    assert hook_macs["encoder.conv1"] == h_conv1
    assert hook_macs["encoder.conv2"] == h_conv2
    for i in range(L):
        p = f"encoder.blocks.{i}"
        assert macs_under(hook_macs, p + ".attn") == h_enc_proj
        assert products[p + ".attn"] == h_enc_prod
        assert macs_under(hook_macs, p + ".mlp") == h_mlp_enc
    for i in range(d.n_text_layer):
        p = f"decoder.blocks.{i}"
        assert macs_under(hook_macs, p + ".attn") == h_self_proj
        assert products[p + ".attn"] == h_self_prod
        assert hook_macs[p + ".cross_attn.query"] + hook_macs[p + ".cross_attn.out"] == h_cross_q_out
        assert hook_macs[p + ".cross_attn.key"] + hook_macs[p + ".cross_attn.value"] == h_cross_kv
        assert products[p + ".cross_attn"] == h_cross_prod
        assert macs_under(hook_macs, p + ".mlp") == h_mlp_dec
    assert products["decoder.token_embedding"] == h_logits
    assert total_hooks + total_products == h_total

    print("\n== MACs, mel (80, 3000) and 448 tokens ==")
    rows = [
        ("encoder.conv1  Conv1d(80, 384, 3, p1) on (80, 3000)", h_conv1, "384*3000*80*3"),
        ("encoder.conv2  Conv1d(384, 384, 3, s2, p1) -> (384, 1500)", h_conv2, "384*1500*384*3"),
        ("encoder.blocks[i].attn projections", h_enc_proj, "4*1500*384^2"),
        ("encoder.blocks[i].attn products", h_enc_prod, "2*1500^2*384"),
        ("encoder.blocks[i].mlp", h_mlp_enc, "2*1500*384*1536"),
        ("encoder.blocks[i] (each)", h_enc_layer, ""),
        ("encoder.blocks (4)", L * h_enc_layer, ""),
        ("encoder", h_encoder, ""),
        ("decoder.blocks[i].attn projections", h_self_proj, "4*448*384^2"),
        ("decoder.blocks[i].attn products", h_self_prod, "2*448^2*384"),
        ("decoder.blocks[i].attn", h_self_proj + h_self_prod, ""),
        ("decoder.blocks[i].cross_attn q + out", h_cross_q_out, "2*448*384^2"),
        ("decoder.blocks[i].cross_attn k + v", h_cross_kv, "2*1500*384^2"),
        ("decoder.blocks[i].cross_attn products", h_cross_prod, "2*448*1500*384"),
        ("decoder.blocks[i].cross_attn", h_cross_q_out + h_cross_kv + h_cross_prod, ""),
        ("decoder.blocks[i].mlp", h_mlp_dec, "2*448*384*1536"),
        ("decoder.blocks[i] (each)", h_dec_layer, ""),
        ("decoder.blocks (4)", d.n_text_layer * h_dec_layer, ""),
        ("logits x @ token_embedding.weight.T", h_logits, "448*384*51865"),
        ("decoder", h_decoder, ""),
        ("TOTAL", h_total, ""),
    ]
    for name, v, formula in rows:
        print(f"  {name:58s} {fmt(v):>18s}  {formula}")
    print("  hooks (Linear + Conv1d):", fmt(total_hooks), "; products counted in code:", fmt(total_products))
    # the "decoder came out 2.69 G MACs short" when cross-attention was replaced by self-attention
    short = d.n_text_layer * ((h_cross_q_out + h_cross_kv + h_cross_prod) - (h_self_proj + h_self_prod))
    print("  cross-attention replaced by self-attention would lose", fmt(short), "MACs (the issue's 2.69 G)")

    # ------------------------------------------------------------ 3. decode one token at context 448
    cache, cache_hooks = model.install_kv_cache_hooks()
    with torch.no_grad():
        xa = model.encoder(mel)
        model.decoder(tokens[:, : T - 1], xa, kv_cache=cache)   # prefill 447 tokens
        step = MacHooks(model)
        PRODUCTS.clear()
        out = model.decoder(tokens[:, T - 1:], xa, kv_cache=cache)  # token 448 attends to 448 keys
        step.remove()
    for h in cache_hooks:
        h.remove()
    assert tuple(out.shape) == (1, 1, V)
    # the cached step computes what the full pass computed for the last token
    assert torch.allclose(out[0, -1], logits[0, -1], rtol=1e-4, atol=1e-3), (out[0, -1] - logits[0, -1]).abs().max()
    step_macs = sum(step.macs.values()) + sum(PRODUCTS.values())
    self_cache = sum(t.numel() for m, t in cache.items() if t.shape[1] == T)
    cross_cache = sum(t.numel() for m, t in cache.items() if t.shape[1] == S)
    ctx = T
    d_self = 4 * E * E + 2 * E * ctx
    d_cross = 2 * E * E + 2 * S * E
    d_mlp = 2 * E * M
    d_layer = d_self + d_cross + d_mlp
    d_logits = E * V
    d_total = d.n_text_layer * d_layer + d_logits
    assert step_macs == d_total, (step_macs, d_total)
    assert not any(k.endswith("cross_attn.key") or k.endswith("cross_attn.value") for k in step.macs)
    assert self_cache == d.n_text_layer * 2 * T * E and cross_cache == d.n_text_layer * 2 * S * E
    print("\n== decode, one new token at context 448 (KV cache) ==")
    print(f"  self-attention per layer  4*384^2 + 2*384*448      = {fmt(d_self)}")
    print(f"  cross-attention per layer 2*384^2 + 2*1500*384     = {fmt(d_cross)}  (k, v not recomputed)")
    print(f"  MLP per layer             2*384*1536               = {fmt(d_mlp)}")
    print(f"  per layer                                          = {fmt(d_layer)}")
    print(f"  logits                    384*51865                = {fmt(d_logits)}")
    print(f"  DECODE MACs               4*{fmt(d_layer)} + {fmt(d_logits)} = {fmt(d_total)}  (hooks: {fmt(step_macs)})")
    fixed = d_total - d.n_text_layer * 2 * E * ctx
    print(f"  decodeMacs(context) = {fmt(fixed)} + {fmt(d.n_text_layer * 2 * E)} * context"
          f"  (the cross-attention products 4*2*1500*384 = {fmt(d.n_text_layer * 2 * S * E)} stay in the constant)")
    assert fixed + d.n_text_layer * 2 * E * 448 == 34_157_952 and fixed == 32_781_696
    print(f"  self-attention KV cache: 2*384 = 768 elements per token per layer, {fmt(d.n_text_layer * 2 * E)}"
          f" per token; at 448 tokens {fmt(self_cache)} elements = {fmt(4 * self_cache)} B float32")
    print(f"  cross-attention cache: 2*1500*384 = {fmt(2 * S * E)} per layer, {fmt(cross_cache)} elements"
          f" = {fmt(4 * cross_cache)} B float32, computed once: {fmt(d.n_text_layer * h_cross_kv)} MACs at prefill")
    print(f"  both caches: {fmt(self_cache + cross_cache)} elements = {fmt(4 * (self_cache + cross_cache))} B float32")
    print("OK: every assertion held")


if __name__ == "__main__":
    main()
