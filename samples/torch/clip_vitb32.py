"""OpenAI CLIP ViT-B/32 re-implemented in plain PyTorch, after openai/CLIP clip/model.py at commit
d05afc436d78f1c48dc0dbf8e5980a9d471f35f6 (LayerNorm, QuickGELU, ResidualAttentionBlock, Transformer,
VisionTransformer, CLIP; the hyper-parameters build_model reads off the ViT-B/32 state dict:
embed_dim 512, image_resolution 224, vision_layers 12, vision_width 768, patch 32, context 77,
vocab 49408, transformer_width 512, heads 512 // 64 = 8, layers 12; vision heads 768 // 64 = 12).
The clip package is not installed: the classes are copied in substance (same parameters, same
registration order, same forward); weight initialisation is left out (it changes no count).

Run: /usr/bin/python3 clip_vitb32.py   (torch 1.13). Prints every figure NOTES.md quotes.

Counts:
- PARAMS: sum(p.numel() for p in model.parameters()), as the CLIP notebooks print
  ("Model parameters: 151,277,313").
- BUFFERS: sum(b.numel() for b in model.buffers()): 0 (the causal mask is a plain attribute).
- MACs, three independent ways, which must agree:
  (a) by hand, netcost's rules: conv Cout*O*Cin*K; linear per row in*out; attention 4*T*E^2 +
      2*T^2*E; the projections x @ proj as a bias-free linear on one token; the logit's dot
      product E;
  (b) forward hooks on nn.Conv2d and nn.Linear (c_fc, c_proj), plus the parameters CLIP uses
      outside modules (in_proj_weight/out_proj of nn.MultiheadAttention, which
      F.multi_head_attention_forward applies without calling out_proj's forward; proj and
      text_projection) counted from their shapes where they are used;
  (c) a TorchDispatchMode that sees every aten op of the forward and counts the MACs of
      convolution, mm, addmm, bmm, baddbmm (the products PyTorch actually runs).
"""
from collections import OrderedDict

import numpy as np
import torch
import torch.nn as nn
from torch.utils._python_dispatch import TorchDispatchMode

# ---------------------------------------------------------------- clip/model.py


class LayerNorm(nn.LayerNorm):
    def forward(self, x):
        orig_type = x.dtype
        ret = super().forward(x.type(torch.float32))
        return ret.type(orig_type)


class QuickGELU(nn.Module):
    def forward(self, x):
        return x * torch.sigmoid(1.702 * x)


class ResidualAttentionBlock(nn.Module):
    def __init__(self, d_model, n_head, attn_mask=None):
        super().__init__()
        self.attn = nn.MultiheadAttention(d_model, n_head)
        self.ln_1 = LayerNorm(d_model)
        self.mlp = nn.Sequential(OrderedDict([
            ("c_fc", nn.Linear(d_model, d_model * 4)),
            ("gelu", QuickGELU()),
            ("c_proj", nn.Linear(d_model * 4, d_model)),
        ]))
        self.ln_2 = LayerNorm(d_model)
        self.attn_mask = attn_mask

    def attention(self, x):
        self.attn_mask = self.attn_mask.to(dtype=x.dtype, device=x.device) if self.attn_mask is not None else None
        return self.attn(x, x, x, need_weights=False, attn_mask=self.attn_mask)[0]

    def forward(self, x):
        x = x + self.attention(self.ln_1(x))
        x = x + self.mlp(self.ln_2(x))
        return x


class Transformer(nn.Module):
    def __init__(self, width, layers, heads, attn_mask=None):
        super().__init__()
        self.width = width
        self.layers = layers
        self.resblocks = nn.Sequential(*[ResidualAttentionBlock(width, heads, attn_mask) for _ in range(layers)])

    def forward(self, x):
        return self.resblocks(x)


class VisionTransformer(nn.Module):
    def __init__(self, input_resolution, patch_size, width, layers, heads, output_dim):
        super().__init__()
        self.input_resolution = input_resolution
        self.output_dim = output_dim
        self.conv1 = nn.Conv2d(in_channels=3, out_channels=width, kernel_size=patch_size, stride=patch_size, bias=False)
        scale = width ** -0.5
        self.class_embedding = nn.Parameter(scale * torch.randn(width))
        self.positional_embedding = nn.Parameter(scale * torch.randn((input_resolution // patch_size) ** 2 + 1, width))
        self.ln_pre = LayerNorm(width)
        self.transformer = Transformer(width, layers, heads)
        self.ln_post = LayerNorm(width)
        self.proj = nn.Parameter(scale * torch.randn(width, output_dim))

    def forward(self, x):
        x = self.conv1(x)
        x = x.reshape(x.shape[0], x.shape[1], -1)
        x = x.permute(0, 2, 1)
        x = torch.cat([self.class_embedding.to(x.dtype) + torch.zeros(x.shape[0], 1, x.shape[-1], dtype=x.dtype, device=x.device), x], dim=1)
        x = x + self.positional_embedding.to(x.dtype)
        x = self.ln_pre(x)
        x = x.permute(1, 0, 2)
        x = self.transformer(x)
        x = x.permute(1, 0, 2)
        x = self.ln_post(x[:, 0, :])
        if self.proj is not None:
            x = x @ self.proj
        return x


class CLIP(nn.Module):
    def __init__(self, embed_dim, image_resolution, vision_layers, vision_width, vision_patch_size,
                 context_length, vocab_size, transformer_width, transformer_heads, transformer_layers):
        super().__init__()
        self.context_length = context_length
        vision_heads = vision_width // 64
        self.visual = VisionTransformer(input_resolution=image_resolution, patch_size=vision_patch_size,
                                        width=vision_width, layers=vision_layers, heads=vision_heads,
                                        output_dim=embed_dim)
        self.transformer = Transformer(width=transformer_width, layers=transformer_layers, heads=transformer_heads,
                                       attn_mask=self.build_attention_mask())
        self.vocab_size = vocab_size
        self.token_embedding = nn.Embedding(vocab_size, transformer_width)
        self.positional_embedding = nn.Parameter(torch.empty(self.context_length, transformer_width))
        self.ln_final = LayerNorm(transformer_width)
        self.text_projection = nn.Parameter(torch.empty(transformer_width, embed_dim))
        self.logit_scale = nn.Parameter(torch.ones([]) * np.log(1 / 0.07))
        nn.init.normal_(self.positional_embedding, std=0.01)
        nn.init.normal_(self.text_projection, std=transformer_width ** -0.5)

    def build_attention_mask(self):
        mask = torch.empty(self.context_length, self.context_length)
        mask.fill_(float("-inf"))
        mask.triu_(1)
        return mask

    @property
    def dtype(self):
        return self.visual.conv1.weight.dtype

    def encode_image(self, image):
        return self.visual(image.type(self.dtype))

    def encode_text(self, text):
        x = self.token_embedding(text).type(self.dtype)
        x = x + self.positional_embedding.type(self.dtype)
        x = x.permute(1, 0, 2)
        x = self.transformer(x)
        x = x.permute(1, 0, 2)
        x = self.ln_final(x).type(self.dtype)
        x = x[torch.arange(x.shape[0]), text.argmax(dim=-1)] @ self.text_projection
        return x

    @staticmethod
    def logits(image_features, text_features, logit_scale):
        image_features = image_features / image_features.norm(dim=1, keepdim=True)
        text_features = text_features / text_features.norm(dim=1, keepdim=True)
        logit_scale = logit_scale.exp()
        logits_per_image = logit_scale * image_features @ text_features.t()
        return logits_per_image, logits_per_image.t()

    def forward(self, image, text):
        return self.logits(self.encode_image(image), self.encode_text(text), self.logit_scale)


def vit_b_32():
    return CLIP(512, 224, 12, 768, 32, 77, 49408, 512, 8, 12)


# ---------------------------------------------------------------- counting


class MacCounter(TorchDispatchMode):
    """MACs of the products aten runs: convolution, mm, addmm, bmm, baddbmm."""

    def __init__(self):
        super().__init__()
        self.macs = 0
        self.by_op = OrderedDict()
        self.seen = set()

    def __torch_dispatch__(self, func, types, args=(), kwargs=None):
        kwargs = kwargs or {}
        out = func(*args, **kwargs)
        name = func.overloadpacket.__name__
        self.seen.add(name)
        m = 0
        if name == "convolution":
            w = args[1]
            m = out.numel() * w.shape[1] * int(np.prod(w.shape[2:]))
        elif name in ("mm", "addmm"):
            a, b = (args[0], args[1]) if name == "mm" else (args[1], args[2])
            m = a.shape[0] * a.shape[1] * b.shape[1]
        elif name in ("bmm", "baddbmm"):
            a, b = (args[0], args[1]) if name == "bmm" else (args[1], args[2])
            m = a.shape[0] * a.shape[1] * a.shape[2] * b.shape[2]
        elif name in ("matmul", "linear", "_native_multi_head_attention", "dot", "mv"):
            raise RuntimeError(f"unexpected composite op {name}")
        if m:
            self.macs += m
            self.by_op[name] = self.by_op.get(name, 0) + m
        return out


def count(fn):
    with torch.no_grad(), MacCounter() as c:
        fn()
    return c


def main():
    torch.manual_seed(0)
    model = vit_b_32().eval()
    n = lambda mod: sum(p.numel() for p in mod.parameters())

    params = n(model)
    print(f"PARAMS {params:,} (CLIP notebooks: 151,277,313; match: {params == 151_277_313})")
    print(f"BUFFERS {sum(b.numel() for b in model.buffers())} (no registered buffer; the causal mask is a plain attribute)")
    print("top-level parameters and modules, in registration order:")
    for name, p in model.named_parameters(recurse=False):
        print(f"   {name:<24} {tuple(p.shape)!s:<14} {p.numel():>12,}")
    for name, mod in model.named_children():
        print(f"   {name:<24} {'':<14} {n(mod):>12,}")
    v = model.visual
    print("visual:")
    for name, p in v.named_parameters(recurse=False):
        print(f"   visual.{name:<22} {tuple(p.shape)!s:<14} {p.numel():>12,}")
    for name, mod in v.named_children():
        print(f"   visual.{name:<22} {'':<14} {n(mod):>12,}")
    for tag, blk in (("visual.transformer.resblocks.0", v.transformer.resblocks[0]),
                     ("transformer.resblocks.0", model.transformer.resblocks[0])):
        print(f"{tag}: {n(blk):,} =", ", ".join(f"{k} {n(m):,}" for k, m in blk.named_children()))
    image_params = n(v)
    text_params = params - image_params - 1
    print(f"image tower (visual) {image_params:,}; text tower {text_params:,}; logit_scale 1")

    # ---- (a) by hand
    def attn(T, E):
        return 4 * T * E * E + 2 * T * T * E

    def layer(T, E):
        return attn(T, E) + 2 * T * E * 4 * E

    conv1 = 768 * 7 * 7 * 3 * 32 * 32
    img = conv1 + 12 * layer(50, 768) + 768 * 512
    txt = 12 * layer(77, 512) + 512 * 512
    logit = 512
    print("by hand:")
    print(f"   conv1 {conv1:,}; vision layer (T=50, E=768): attention {attn(50, 768):,} "
          f"(projections {4 * 50 * 768 * 768:,}, scores {50 * 50 * 768:,}, weighted sum {50 * 50 * 768:,}), "
          f"MLP {2 * 50 * 768 * 3072:,} (c_fc {50 * 768 * 3072:,}, c_proj {50 * 3072 * 768:,}), layer {layer(50, 768):,}, "
          f"x12 {12 * layer(50, 768):,}; proj {768 * 512:,}")
    print(f"   text layer (T=77, E=512): attention {attn(77, 512):,} (projections {4 * 77 * 512 * 512:,}, "
          f"scores {77 * 77 * 512:,}, weighted sum {77 * 77 * 512:,}), MLP {2 * 77 * 512 * 2048:,}, "
          f"layer {layer(77, 512):,}, x12 {12 * layer(77, 512):,}; text_projection {512 * 512:,}")
    print(f"   image {img:,}; text {txt:,}; logit {logit}; total {img + txt + logit:,}")

    image = torch.zeros(1, 3, 224, 224)
    text = torch.zeros(1, 77, dtype=torch.long)
    text[0, :5] = torch.tensor([49406, 320, 1929, 269, 49407])  # <sot> a diagram . <eot>, as clip.tokenize pads

    # ---- (b) hooks on Conv2d / Linear, plus the parameters used outside a module's forward
    hooked = OrderedDict()
    names = {m: k for k, m in model.named_modules()}

    def hook(m, inp, out):
        if isinstance(m, nn.Conv2d):
            hooked[names[m]] = out.numel() * (m.in_channels // m.groups) * m.kernel_size[0] * m.kernel_size[1]
        else:
            rows = out.numel() // m.out_features
            hooked[names[m]] = rows * m.in_features * m.out_features

    def mha_hook(m, inp, out):
        T = inp[0].shape[0] * inp[0].shape[1]  # (L, N, E), N = 1
        E = m.embed_dim
        # in_proj_weight (3E, E) on T tokens, out_proj.weight (E, E) on T tokens: F.linear on the
        # module's tensors; the two products per head (q k^T, attn v): bmm
        hooked[names[m] + " (in_proj + out_proj)"] = T * 3 * E * E + T * E * E
        hooked[names[m] + " (q k^T + attn v)"] = 2 * T * T * E

    for m in model.modules():
        if isinstance(m, (nn.Conv2d, nn.Linear)) and not isinstance(m, nn.modules.linear.NonDynamicallyQuantizableLinear):
            m.register_forward_hook(hook)
        if isinstance(m, nn.MultiheadAttention):
            m.register_forward_hook(mha_hook)
    with torch.no_grad():
        fi = model.encode_image(image)
        ft = model.encode_text(text)
        logits_per_image, logits_per_text = model.logits(fi, ft, model.logit_scale)
    hooked["visual.proj (x @ proj)"] = fi.shape[0] * 768 * 512
    hooked["text_projection (x @ text_projection)"] = ft.shape[0] * 512 * 512
    hooked["logit (image_features @ text_features.t())"] = 512
    print("hooks:")
    img_h = sum(val for k, val in hooked.items() if k.startswith("visual"))
    txt_h = sum(val for k, val in hooked.items() if k.startswith("transformer") or k.startswith("text_projection"))
    for k in ("visual.conv1", "visual.transformer.resblocks.0.attn (in_proj + out_proj)",
              "visual.transformer.resblocks.0.attn (q k^T + attn v)", "visual.transformer.resblocks.0.mlp.c_fc",
              "visual.transformer.resblocks.0.mlp.c_proj", "transformer.resblocks.0.attn (in_proj + out_proj)",
              "transformer.resblocks.0.attn (q k^T + attn v)", "transformer.resblocks.0.mlp.c_fc",
              "transformer.resblocks.0.mlp.c_proj"):
        print(f"   {k:<60} {hooked[k]:>14,}")
    print(f"   image {img_h:,}; text {txt_h:,}; total {sum(hooked.values()):,}")
    print(f"   shapes: image features {tuple(fi.shape)}, text features {tuple(ft.shape)}, logits {tuple(logits_per_image.shape)}")

    # ---- (c) aten dispatch
    ci = count(lambda: model.encode_image(image))
    ct = count(lambda: model.encode_text(text))
    cl = count(lambda: model.logits(fi, ft, model.logit_scale))
    cv1 = count(lambda: v.transformer.resblocks[0](torch.zeros(50, 1, 768)))
    ct1 = count(lambda: model.transformer.resblocks[0](torch.zeros(77, 1, 512)))
    cfull = count(lambda: model(image, text))
    print("aten dispatch:")
    print(f"   encode_image {ci.macs:,} {dict(ci.by_op)}")
    print(f"   encode_text  {ct.macs:,} {dict(ct.by_op)}")
    print(f"   logits       {cl.macs:,} {dict(cl.by_op)}")
    print(f"   one vision block {cv1.macs:,}; one text block {ct1.macs:,}")
    print(f"   CLIP.forward(image, text) {cfull.macs:,}")
    print(f"   aten ops seen in the forward: {sorted(cfull.seen)}")

    assert (img, txt, logit) == (ci.macs, ct.macs, cl.macs) == (img_h, txt_h, 512)
    assert cv1.macs == layer(50, 768) and ct1.macs == layer(77, 512)
    assert cfull.macs == img + txt + logit == sum(hooked.values())
    print("all three counts agree")


if __name__ == "__main__":
    main()
