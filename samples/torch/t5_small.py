"""Hugging Face t5-small (T5ForConditionalGeneration), re-implemented in plain PyTorch from
huggingface/transformers src/transformers/models/t5/modeling_t5.py (commit
6b8b757dfcb582379a64f013cdce46c43629f2b0, the eager attention path) and configuration_t5.py, for
netcost's T5Small sample.

t5-small's config.json: d_model 512, d_kv 64, d_ff 2048, num_heads 8, num_layers 6 (and
num_decoder_layers 6), relative_attention_num_buckets 32, relative_attention_max_distance 128
(T5Config's default), feed_forward_proj "relu" (the default: T5DenseActDense, not gated),
vocab_size 32128, tie_word_embeddings true (PretrainedConfig's default), dropout_rate 0.1.

What it does, with torch 1.13 on the CPU:
  1. counts parameters as PyTorch does (model.parameters() yields a shared Parameter once: the
     embedding `shared`, the encoder's and decoder's embed_tokens and lm_head are one tensor);
  2. runs the model on 512 input ids and 512 decoder ids and counts MACs with forward hooks on
     every nn.Linear (rows x in_features x out_features), plus the attention products Q K^T and
     A V, counted where this code calls them;
  3. decodes one token at context 512 with a cache (self-attention keys/values appended, the
     cross-attention's computed once, as EncoderDecoderCache does), and counts that step;
  4. checks every count against hand formulas under netcost's cost model, and prints the table.

Run: /usr/bin/python3 t5_small.py   (output in t5_small.out.txt)
"""
import copy
import math
from dataclasses import dataclass
from typing import Dict, Optional

import torch
from torch import nn


@dataclass
class T5Config:
    vocab_size: int = 32128
    d_model: int = 512
    d_kv: int = 64
    d_ff: int = 2048
    num_layers: int = 6
    num_decoder_layers: int = 6
    num_heads: int = 8
    relative_attention_num_buckets: int = 32
    relative_attention_max_distance: int = 128
    dropout_rate: float = 0.1
    layer_norm_epsilon: float = 1e-6
    tie_word_embeddings: bool = True
    is_decoder: bool = False


PRODUCTS: Dict[str, int] = {}


def count_product(owner: nn.Module, macs: int):
    PRODUCTS[owner._path] = PRODUCTS.get(owner._path, 0) + macs


class T5LayerNorm(nn.Module):
    """RMS norm: a weight, no bias, no mean subtracted."""

    def __init__(self, hidden_size, eps=1e-6):
        super().__init__()
        self.weight = nn.Parameter(torch.ones(hidden_size))
        self.variance_epsilon = eps

    def forward(self, hidden_states):
        variance = hidden_states.to(torch.float32).pow(2).mean(-1, keepdim=True)
        hidden_states = hidden_states * torch.rsqrt(variance + self.variance_epsilon)
        return self.weight * hidden_states


class T5DenseActDense(nn.Module):
    def __init__(self, config):
        super().__init__()
        self.wi = nn.Linear(config.d_model, config.d_ff, bias=False)
        self.wo = nn.Linear(config.d_ff, config.d_model, bias=False)
        self.dropout = nn.Dropout(config.dropout_rate)
        self.act = nn.ReLU()  # ACT2FN["relu"]

    def forward(self, hidden_states):
        hidden_states = self.wi(hidden_states)
        hidden_states = self.act(hidden_states)
        hidden_states = self.dropout(hidden_states)
        return self.wo(hidden_states)


class T5LayerFF(nn.Module):
    def __init__(self, config):
        super().__init__()
        self.DenseReluDense = T5DenseActDense(config)
        self.layer_norm = T5LayerNorm(config.d_model, eps=config.layer_norm_epsilon)
        self.dropout = nn.Dropout(config.dropout_rate)

    def forward(self, hidden_states):
        forwarded_states = self.layer_norm(hidden_states)
        forwarded_states = self.DenseReluDense(forwarded_states)
        return hidden_states + self.dropout(forwarded_states)


class Cache:
    """What EncoderDecoderCache holds per layer: self-attention k/v grown a token at a time,
    cross-attention k/v computed once from the encoder output (is_updated)."""

    def __init__(self):
        self.self_kv: Dict[int, tuple] = {}
        self.cross_kv: Dict[int, tuple] = {}

    def length(self):
        return self.self_kv[0][0].shape[2] if self.self_kv else 0


class T5Attention(nn.Module):
    def __init__(self, config, has_relative_attention_bias=False, layer_idx=None):
        super().__init__()
        self.is_decoder = config.is_decoder
        self.has_relative_attention_bias = has_relative_attention_bias
        self.relative_attention_num_buckets = config.relative_attention_num_buckets
        self.relative_attention_max_distance = config.relative_attention_max_distance
        self.d_model = config.d_model
        self.key_value_proj_dim = config.d_kv
        self.n_heads = config.num_heads
        self.inner_dim = self.n_heads * self.key_value_proj_dim
        self.layer_idx = layer_idx
        self.q = nn.Linear(self.d_model, self.inner_dim, bias=False)
        self.k = nn.Linear(self.d_model, self.inner_dim, bias=False)
        self.v = nn.Linear(self.d_model, self.inner_dim, bias=False)
        self.o = nn.Linear(self.inner_dim, self.d_model, bias=False)
        if self.has_relative_attention_bias:
            self.relative_attention_bias = nn.Embedding(self.relative_attention_num_buckets, self.n_heads)

    @staticmethod
    def _relative_position_bucket(relative_position, bidirectional=True, num_buckets=32, max_distance=128):
        relative_buckets = 0
        if bidirectional:
            num_buckets //= 2
            relative_buckets += (relative_position > 0).to(torch.long) * num_buckets
            relative_position = torch.abs(relative_position)
        else:
            relative_position = -torch.min(relative_position, torch.zeros_like(relative_position))
        max_exact = num_buckets // 2
        is_small = relative_position < max_exact
        relative_position_if_large = max_exact + (
            torch.log(relative_position.float() / max_exact)
            / math.log(max_distance / max_exact)
            * (num_buckets - max_exact)
        ).to(torch.long)
        relative_position_if_large = torch.min(
            relative_position_if_large, torch.full_like(relative_position_if_large, num_buckets - 1))
        relative_buckets += torch.where(is_small, relative_position, relative_position_if_large)
        return relative_buckets

    def compute_bias(self, query_length, key_length, cache_position=None):
        if cache_position is None:
            context_position = torch.arange(query_length, dtype=torch.long)[:, None]
        else:
            context_position = cache_position[:, None]
        memory_position = torch.arange(key_length, dtype=torch.long)[None, :]
        relative_position = memory_position - context_position
        bucket = self._relative_position_bucket(
            relative_position, bidirectional=(not self.is_decoder),
            num_buckets=self.relative_attention_num_buckets, max_distance=self.relative_attention_max_distance)
        values = self.relative_attention_bias(bucket)          # (query, key, heads): a lookup
        return values.permute([2, 0, 1]).unsqueeze(0)

    def forward(self, hidden_states, mask=None, key_value_states=None, position_bias=None,
                past_key_value: Optional[Cache] = None, query_length=None, cache_position=None):
        batch_size, seq_length = hidden_states.shape[:2]
        is_cross_attention = key_value_states is not None
        query_states = self.q(hidden_states).view(batch_size, -1, self.n_heads, self.key_value_proj_dim).transpose(1, 2)
        if is_cross_attention and past_key_value is not None and self.layer_idx in past_key_value.cross_kv:
            key_states, value_states = past_key_value.cross_kv[self.layer_idx]     # reuse
        else:
            current_states = key_value_states if is_cross_attention else hidden_states
            key_states = self.k(current_states).view(batch_size, -1, self.n_heads, self.key_value_proj_dim).transpose(1, 2)
            value_states = self.v(current_states).view(batch_size, -1, self.n_heads, self.key_value_proj_dim).transpose(1, 2)
            if past_key_value is not None:
                if is_cross_attention:
                    past_key_value.cross_kv[self.layer_idx] = (key_states, value_states)
                else:
                    if self.layer_idx in past_key_value.self_kv:
                        pk, pv = past_key_value.self_kv[self.layer_idx]
                        key_states = torch.cat([pk, key_states], dim=2)
                        value_states = torch.cat([pv, value_states], dim=2)
                    past_key_value.self_kv[self.layer_idx] = (key_states, value_states)

        scores = torch.matmul(query_states, key_states.transpose(3, 2))
        b, h, t, d = query_states.shape
        s = key_states.shape[2]
        count_product(self, b * h * t * s * d)
        if position_bias is None:
            key_length = key_states.shape[-2]
            real_seq_length = query_length if query_length is not None else cache_position[-1] + 1
            if not self.has_relative_attention_bias:
                position_bias = torch.zeros((1, self.n_heads, seq_length, key_length), dtype=scores.dtype)
            else:
                position_bias = self.compute_bias(real_seq_length, key_length, cache_position=cache_position)
                position_bias = position_bias[:, :, -seq_length:, :]
            if mask is not None:
                position_bias = position_bias + mask[:, :, :, : key_states.shape[-2]]
        scores += position_bias
        attn_weights = nn.functional.softmax(scores.float(), dim=-1).type_as(scores)
        attn_output = torch.matmul(attn_weights, value_states)
        count_product(self, b * h * t * s * d)
        attn_output = attn_output.transpose(1, 2).contiguous().view(batch_size, -1, self.inner_dim)
        attn_output = self.o(attn_output)
        return attn_output, position_bias


class T5LayerSelfAttention(nn.Module):
    def __init__(self, config, has_relative_attention_bias=False, layer_idx=None):
        super().__init__()
        self.SelfAttention = T5Attention(config, has_relative_attention_bias, layer_idx)
        self.layer_norm = T5LayerNorm(config.d_model, eps=config.layer_norm_epsilon)
        self.dropout = nn.Dropout(config.dropout_rate)

    def forward(self, hidden_states, attention_mask=None, position_bias=None, past_key_value=None,
                cache_position=None):
        normed = self.layer_norm(hidden_states)
        out, position_bias = self.SelfAttention(normed, mask=attention_mask, position_bias=position_bias,
                                                past_key_value=past_key_value, cache_position=cache_position)
        return hidden_states + self.dropout(out), position_bias


class T5LayerCrossAttention(nn.Module):
    def __init__(self, config, layer_idx=None):
        super().__init__()
        self.EncDecAttention = T5Attention(config, has_relative_attention_bias=False, layer_idx=layer_idx)
        self.layer_norm = T5LayerNorm(config.d_model, eps=config.layer_norm_epsilon)
        self.dropout = nn.Dropout(config.dropout_rate)

    def forward(self, hidden_states, key_value_states, attention_mask=None, position_bias=None,
                past_key_value=None, query_length=None):
        normed = self.layer_norm(hidden_states)
        out, position_bias = self.EncDecAttention(normed, mask=attention_mask, key_value_states=key_value_states,
                                                  position_bias=position_bias, past_key_value=past_key_value,
                                                  query_length=query_length)
        return hidden_states + self.dropout(out), position_bias


class T5Block(nn.Module):
    def __init__(self, config, has_relative_attention_bias=False, layer_idx=None):
        super().__init__()
        self.is_decoder = config.is_decoder
        self.layer = nn.ModuleList()
        self.layer.append(T5LayerSelfAttention(config, has_relative_attention_bias, layer_idx))
        if self.is_decoder:
            self.layer.append(T5LayerCrossAttention(config, layer_idx))
        self.layer.append(T5LayerFF(config))

    def forward(self, hidden_states, attention_mask=None, position_bias=None, encoder_hidden_states=None,
                encoder_attention_mask=None, encoder_decoder_position_bias=None, past_key_value=None,
                cache_position=None):
        hidden_states, position_bias = self.layer[0](hidden_states, attention_mask, position_bias,
                                                     past_key_value, cache_position)
        if self.is_decoder and encoder_hidden_states is not None:
            hidden_states, encoder_decoder_position_bias = self.layer[1](
                hidden_states, encoder_hidden_states, encoder_attention_mask, encoder_decoder_position_bias,
                past_key_value, query_length=cache_position[-1] + 1)
        hidden_states = self.layer[-1](hidden_states)
        return hidden_states, position_bias, encoder_decoder_position_bias


class T5Stack(nn.Module):
    def __init__(self, config, embed_tokens=None):
        super().__init__()
        self.embed_tokens = embed_tokens
        self.is_decoder = config.is_decoder
        self.block = nn.ModuleList(
            [T5Block(config, has_relative_attention_bias=bool(i == 0), layer_idx=i) for i in range(config.num_layers)])
        self.final_layer_norm = T5LayerNorm(config.d_model, eps=config.layer_norm_epsilon)
        self.dropout = nn.Dropout(config.dropout_rate)

    def forward(self, input_ids, encoder_hidden_states=None, past_key_values: Optional[Cache] = None):
        inputs_embeds = self.embed_tokens(input_ids)
        batch_size, seq_length = input_ids.shape
        past = past_key_values.length() if past_key_values is not None else 0
        cache_position = torch.arange(past, past + seq_length)
        min_dtype = torch.finfo(inputs_embeds.dtype).min
        if self.is_decoder:
            target_length = past + seq_length
            causal_mask = torch.full((seq_length, target_length), fill_value=min_dtype)
            if seq_length != 1:
                causal_mask = torch.triu(causal_mask, diagonal=1)
            causal_mask *= torch.arange(target_length) > cache_position.reshape(-1, 1)
            causal_mask = causal_mask[None, None, :, :]
        else:
            causal_mask = torch.zeros(batch_size, 1, 1, seq_length)   # all ones: (1 - 1) * min
        encoder_mask = None
        if self.is_decoder and encoder_hidden_states is not None:
            encoder_mask = torch.zeros(batch_size, 1, 1, encoder_hidden_states.shape[1])
        position_bias = None
        encoder_decoder_position_bias = None
        hidden_states = self.dropout(inputs_embeds)
        for layer_module in self.block:
            # the first layer computes the position bias; the others reuse it (shared)
            hidden_states, position_bias, encoder_decoder_position_bias = layer_module(
                hidden_states, causal_mask, position_bias, encoder_hidden_states, encoder_mask,
                encoder_decoder_position_bias, past_key_values, cache_position)
        hidden_states = self.final_layer_norm(hidden_states)
        return self.dropout(hidden_states)


class T5ForConditionalGeneration(nn.Module):
    def __init__(self, config: T5Config):
        super().__init__()
        self.config = config
        self.model_dim = config.d_model
        self.shared = nn.Embedding(config.vocab_size, config.d_model)
        encoder_config = copy.deepcopy(config)
        encoder_config.is_decoder = False
        self.encoder = T5Stack(encoder_config, self.shared)
        decoder_config = copy.deepcopy(config)
        decoder_config.is_decoder = True
        decoder_config.num_layers = config.num_decoder_layers
        self.decoder = T5Stack(decoder_config, self.shared)
        self.lm_head = nn.Linear(config.d_model, config.vocab_size, bias=False)
        if config.tie_word_embeddings:   # PreTrainedModel.tie_weights: output embeddings = input embeddings
            self.lm_head.weight = self.shared.weight
        for name, module in self.named_modules():
            module._path = name

    def forward(self, input_ids, decoder_input_ids, encoder_hidden_states=None, past_key_values=None):
        if encoder_hidden_states is None:
            encoder_hidden_states = self.encoder(input_ids)
        sequence_output = self.decoder(decoder_input_ids, encoder_hidden_states, past_key_values)
        if self.config.tie_word_embeddings:
            sequence_output = sequence_output * (self.model_dim ** -0.5)   # a scalar multiply: no MAC
        return self.lm_head(sequence_output)


class MacHooks:
    def __init__(self, model):
        self.macs: Dict[str, int] = {}
        self.handles = [m.register_forward_hook(self.linear(n)) for n, m in model.named_modules()
                        if isinstance(m, nn.Linear)]

    def linear(self, name):
        def hook(m, inp, out):
            rows = inp[0].numel() // m.in_features
            self.macs[name] = self.macs.get(name, 0) + rows * m.in_features * m.out_features
        return hook

    def remove(self):
        for h in self.handles:
            h.remove()


def params_under(model, prefix):
    # named_parameters() names a shared Parameter once, at its first owner: shared.weight
    return sum(p.numel() for n, p in model.named_parameters() if n == prefix or n.startswith(prefix + "."))


def macs_under(counts, prefix):
    return sum(v for k, v in counts.items() if k == prefix or k.startswith(prefix + "."))


def fmt(n):
    return f"{n:,}"


def main():
    torch.manual_seed(0)
    c = T5Config()
    E, H, F, V, L, B = c.d_model, c.num_heads, c.d_ff, c.vocab_size, c.num_layers, c.relative_attention_num_buckets
    T = S = 512
    model = T5ForConditionalGeneration(c).eval()

    # ------------------------------------------------------------ 1. parameters
    params = sum(p.numel() for p in model.parameters())
    buffers = sum(b.numel() for b in model.buffers())
    untied = T5ForConditionalGeneration(T5Config(tie_word_embeddings=False))
    untied_params = sum(p.numel() for p in untied.parameters())
    print("== parameters ==")
    print("sum(p.numel() for p in model.parameters()) =", fmt(params), "; buffers:", buffers)
    print("with tie_word_embeddings = False (lm_head its own 32128 x 512):", fmt(untied_params))
    norm = E
    attn = 4 * E * H * c.d_kv                     # q, k, v, o, no biases (inner_dim = 8 * 64 = 512)
    ff = E * F + F * E
    rel = B * H
    enc_layer = norm + attn + norm + ff
    dec_layer = norm + attn + norm + attn + norm + ff
    shared = V * E
    encoder = L * enc_layer + rel + norm
    decoder = c.num_decoder_layers * dec_layer + rel + norm
    assert (enc_layer, dec_layer, rel) == (3_146_752, 4_195_840, 256)
    assert params == shared + encoder + decoder == 60_506_624, params
    assert untied_params == params + V * E == 76_956_160
    assert buffers == 0
    assert model.encoder.embed_tokens.weight is model.shared.weight is model.lm_head.weight
    rows = {
        "shared (= encoder.embed_tokens = decoder.embed_tokens = lm_head)": params_under(model, "shared"),
        "encoder.block[0] (with relative_attention_bias)": params_under(model, "encoder.block.0"),
        "encoder.block[0].layer[0].SelfAttention.relative_attention_bias": params_under(
            model, "encoder.block.0.layer.0.SelfAttention.relative_attention_bias"),
        "encoder.block[i>0] (each)": params_under(model, "encoder.block.1"),
        "encoder.block[i].layer[0].layer_norm": params_under(model, "encoder.block.1.layer.0.layer_norm"),
        "encoder.block[i].layer[0].SelfAttention (q, k, v, o)": params_under(model, "encoder.block.1.layer.0.SelfAttention"),
        "encoder.block[i].layer[1].layer_norm": params_under(model, "encoder.block.1.layer.1.layer_norm"),
        "encoder.block[i].layer[1].DenseReluDense.wi": params_under(model, "encoder.block.1.layer.1.DenseReluDense.wi"),
        "encoder.block[i].layer[1].DenseReluDense.wo": params_under(model, "encoder.block.1.layer.1.DenseReluDense.wo"),
        "encoder.block (6)": params_under(model, "encoder.block"),
        "encoder.final_layer_norm": params_under(model, "encoder.final_layer_norm"),
        "encoder (without the shared embedding)": params_under(model, "encoder"),
        "decoder.block[0] (with relative_attention_bias)": params_under(model, "decoder.block.0"),
        "decoder.block[i>0] (each)": params_under(model, "decoder.block.1"),
        "decoder.block[i].layer[1].EncDecAttention (q, k, v, o)": params_under(model, "decoder.block.1.layer.1.EncDecAttention"),
        "decoder.block (6)": params_under(model, "decoder.block"),
        "decoder.final_layer_norm": params_under(model, "decoder.final_layer_norm"),
        "decoder (without the shared embedding)": params_under(model, "decoder"),
        "lm_head (tied)": sum(p.numel() for n, p in model.named_parameters() if n.startswith("lm_head")),
    }
    print("\n-- parameters per module (a shared tensor counted once, at `shared`) --")
    for k, v in rows.items():
        print(f"  {k:68s} {fmt(v):>12s}")

    # ------------------------------------------------------------ 2. MACs of one forward pass
    input_ids = torch.randint(0, V, (1, T))
    decoder_input_ids = torch.randint(0, V, (1, T))
    hooks = MacHooks(model)
    PRODUCTS.clear()
    with torch.no_grad():
        logits = model(input_ids, decoder_input_ids)
    hooks.remove()
    assert tuple(logits.shape) == (1, T, V)
    hm, pm = dict(hooks.macs), dict(PRODUCTS)
    h_proj = 4 * T * E * E
    h_prod = 2 * T * T * E
    h_ff = 2 * T * E * F
    h_enc_layer = h_proj + h_prod + h_ff
    h_cross_q_o = 2 * T * E * E
    h_cross_kv = 2 * S * E * E
    h_cross_prod = 2 * T * S * E
    h_dec_layer = h_proj + h_prod + h_cross_q_o + h_cross_kv + h_cross_prod + h_ff
    h_lm = T * E * V
    h_total = L * h_enc_layer + c.num_decoder_layers * h_dec_layer + h_lm
    for i in range(L):
        p = f"encoder.block.{i}.layer"
        assert macs_under(hm, p + ".0") == h_proj and pm[p + ".0.SelfAttention"] == h_prod
        assert macs_under(hm, p + ".1") == h_ff
    for i in range(c.num_decoder_layers):
        p = f"decoder.block.{i}.layer"
        assert macs_under(hm, p + ".0") == h_proj and pm[p + ".0.SelfAttention"] == h_prod
        a = p + ".1.EncDecAttention"
        assert hm[a + ".q"] + hm[a + ".o"] == h_cross_q_o and hm[a + ".k"] + hm[a + ".v"] == h_cross_kv
        assert pm[a] == h_cross_prod
        assert macs_under(hm, p + ".2") == h_ff
    assert hm["lm_head"] == h_lm
    assert sum(hm.values()) + sum(pm.values()) == h_total
    print("\n== MACs, 512 input ids and 512 decoder ids ==")
    table = [
        ("encoder.block[i].layer[0] self-attention projections", h_proj, "4*512*512^2"),
        ("encoder.block[i].layer[0] products", h_prod, "2*512^2*512"),
        ("encoder.block[i].layer[1] DenseReluDense", h_ff, "2*512*512*2048"),
        ("encoder.block[i] (each)", h_enc_layer, ""),
        ("encoder (6 blocks)", L * h_enc_layer, ""),
        ("decoder.block[i].layer[0] self-attention (causal)", h_proj + h_prod, "4*512*512^2 + 2*512^2*512"),
        ("decoder.block[i].layer[1] EncDecAttention q + o", h_cross_q_o, "2*512*512^2"),
        ("decoder.block[i].layer[1] EncDecAttention k + v", h_cross_kv, "2*512*512^2 (on the encoder output)"),
        ("decoder.block[i].layer[1] EncDecAttention products", h_cross_prod, "2*512*512*512"),
        ("decoder.block[i].layer[1] EncDecAttention", h_cross_q_o + h_cross_kv + h_cross_prod, ""),
        ("decoder.block[i].layer[2] DenseReluDense", h_ff, "2*512*512*2048"),
        ("decoder.block[i] (each)", h_dec_layer, ""),
        ("decoder (6 blocks)", c.num_decoder_layers * h_dec_layer, ""),
        ("lm_head (tied)", h_lm, "512*512*32128"),
        ("TOTAL", h_total, ""),
    ]
    for name, v, formula in table:
        print(f"  {name:56s} {fmt(v):>18s}  {formula}")
    print("  hooks (Linear):", fmt(sum(hm.values())), "; products counted in code:", fmt(sum(pm.values())))

    # ------------------------------------------------------------ 3. decode one token at context 512
    cache = Cache()
    with torch.no_grad():
        enc = model.encoder(input_ids)
        model(None, decoder_input_ids[:, : T - 1], encoder_hidden_states=enc, past_key_values=cache)
        step = MacHooks(model)
        PRODUCTS.clear()
        out = model(None, decoder_input_ids[:, T - 1:], encoder_hidden_states=enc, past_key_values=cache)
        step.remove()
    assert tuple(out.shape) == (1, 1, V)
    # the cached step computes what the full pass computed for the last token
    assert torch.allclose(out[0, -1], logits[0, -1], rtol=1e-4, atol=1e-3), (out[0, -1] - logits[0, -1]).abs().max()
    step_macs = sum(step.macs.values()) + sum(PRODUCTS.values())
    self_cache = sum(k.numel() + v.numel() for k, v in cache.self_kv.values())
    cross_cache = sum(k.numel() + v.numel() for k, v in cache.cross_kv.values())
    ctx = T
    d_self = 4 * E * E + 2 * E * ctx
    d_cross = 2 * E * E + 2 * S * E
    d_ff = 2 * E * F
    d_layer = d_self + d_cross + d_ff
    d_total = c.num_decoder_layers * d_layer + E * V
    assert step_macs == d_total, (step_macs, d_total)
    assert self_cache == c.num_decoder_layers * 2 * ctx * E and cross_cache == c.num_decoder_layers * 2 * S * E
    print("\n== decode, one new token at context 512 (KV cache) ==")
    print(f"  self-attention per layer  4*512^2 + 2*512*512  = {fmt(d_self)}")
    print(f"  cross-attention per layer 2*512^2 + 2*512*512  = {fmt(d_cross)}  (k, v not recomputed)")
    print(f"  DenseReluDense per layer  2*512*2048           = {fmt(d_ff)}")
    print(f"  per layer                                      = {fmt(d_layer)}")
    print(f"  lm_head                   512*32128            = {fmt(E * V)}")
    print(f"  DECODE MACs  6*{fmt(d_layer)} + {fmt(E * V)} = {fmt(d_total)}  (hooks: {fmt(step_macs)})")
    print(f"  decodeMacs(context) = {fmt(d_total - 6 * 2 * E * ctx)} + {fmt(6 * 2 * E)} * context")
    print(f"  self-attention KV cache: 2*512 = 1,024 elements per token per layer, {fmt(6 * 2 * E)} per token;"
          f" at 512 tokens {fmt(self_cache)} elements = {fmt(4 * self_cache)} B float32")
    print(f"  cross-attention cache: 2*512*512 = {fmt(2 * S * E)} per layer, {fmt(cross_cache)} elements"
          f" = {fmt(4 * cross_cache)} B float32, computed once: {fmt(6 * h_cross_kv)} MACs at prefill")
    print("OK: every assertion held")


if __name__ == "__main__":
    main()
