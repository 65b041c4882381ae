"""CLIP ViT-B/32 field by field, as ClipVitB32.java declares it, counted by hand under netcost's
cost model, then held to PyTorch (clip_vitb32.py's re-implementation): each field's parameters
against the module or parameter it stands for, each field's MACs against an aten-dispatch count
of the same piece of CLIP's forward.

Rules (one sample): conv Cout*O*Cin*K; linear per row F*Fout (+ Fout bias params); attention
params 4E^2 + 4E, MACs 4*T*E^2 + 2*T^2*E; layer norm 2E params; embedding V*E; class token E;
learned position table length*E; the cosine-similarity logit: 1 parameter (logit_scale) and E MACs
(the dot product, an aten mm of (1, E) by (E, 1)).

Run: /usr/bin/python3 clip_by_hand.py
"""
from collections import OrderedDict

import torch

import clip_vitb32 as ref


def attn_params(E):
    return 4 * E * E + 4 * E


def attn_macs(T, E):
    return 4 * T * E * E + 2 * T * T * E


def layer_rows(prefix, T, E, hidden):
    """The ResidualAttentionBlock block's fields: (path, op, params, MACs)."""
    return [
        (prefix + ".ln1", "LayerNorm", 2 * E, 0),
        (prefix + ".attn", "MultiHeadAttention", attn_params(E), attn_macs(T, E)),
        (prefix + ".residual1", "Add", 0, 0),
        (prefix + ".ln2", "LayerNorm", 2 * E, 0),
        (prefix + ".cFc", "Linear", E * hidden + hidden, T * E * hidden),
        (prefix + ".gelu", "QuickGELU", 0, 0),
        (prefix + ".cProj", "Linear", hidden * E + E, T * hidden * E),
        (prefix + ".residual2", "Add", 0, 0),
    ]


def declaration():
    f = OrderedDict()  # field -> (op, output shape, params, MACs)
    f["image"] = ("@Input FEATURES", (3, 224, 224), 0, 0)
    f["conv1"] = ("Conv2d", (768, 7, 7), 768 * 3 * 32 * 32, 768 * 49 * 3 * 32 * 32)
    f["patches"] = ("ToTokens", (49, 768), 0, 0)
    f["classEmbedding"] = ("ClassToken", (50, 768), 768, 0)
    f["visualPositionalEmbedding"] = ("PositionEmbedding", (50, 768), 50 * 768, 0)
    f["lnPre"] = ("LayerNorm", (50, 768), 2 * 768, 0)
    vl = layer_rows("visualTransformer[0]", 50, 768, 3072)
    f["visualTransformer"] = ("ResidualAttentionBlock x 12", (50, 768),
                              12 * sum(r[2] for r in vl), 12 * sum(r[3] for r in vl))
    f["cls"] = ("SelectToken", (768,), 0, 0)
    f["lnPost"] = ("LayerNorm", (768,), 2 * 768, 0)
    f["proj"] = ("Linear", (512,), 768 * 512, 768 * 512)
    f["text"] = ("@Input IDS", (77,), 0, 0)
    f["tokenEmbedding"] = ("Embedding", (77, 512), 49408 * 512, 0)
    f["positionalEmbedding"] = ("PositionEmbedding", (77, 512), 77 * 512, 0)
    tl = layer_rows("transformer[0]", 77, 512, 2048)
    f["transformer"] = ("ResidualAttentionBlock x 12", (77, 512),
                        12 * sum(r[2] for r in tl), 12 * sum(r[3] for r in tl))
    f["lnFinal"] = ("LayerNorm", (77, 512), 2 * 512, 0)
    f["eot"] = ("SelectToken", (512,), 0, 0)
    f["textProjection"] = ("Linear", (512,), 512 * 512, 512 * 512)
    f["logits"] = ("CosineSimilarity", (1,), 1, 512)
    return f, vl, tl


IMAGE = ["conv1", "patches", "classEmbedding", "visualPositionalEmbedding", "lnPre", "visualTransformer", "cls",
         "lnPost", "proj"]
TEXT = ["tokenEmbedding", "positionalEmbedding", "transformer", "lnFinal", "eot", "textProjection"]


def main():
    f, vl, tl = declaration()
    print(f"{'field':<26} {'op':<28} {'output':<14} {'PARAMS':>12} {'MACS':>15}")
    for k, (op, shape, p, m) in f.items():
        print(f"{k:<26} {op:<28} {str(shape):<14} {p:>12,} {m:>15,}")
    tp = sum(v[2] for v in f.values())
    tm = sum(v[3] for v in f.values())
    print(f"{'total':<26} {'':<28} {'':<14} {tp:>12,} {tm:>15,}")
    ip, im = sum(f[k][2] for k in IMAGE), sum(f[k][3] for k in IMAGE)
    xp, xm = sum(f[k][2] for k in TEXT), sum(f[k][3] for k in TEXT)
    print(f"image tower (conv1 .. proj): PARAMS {ip:,} MACS {im:,}")
    print(f"text tower (tokenEmbedding .. textProjection): PARAMS {xp:,} MACS {xm:,}")
    print(f"logits: PARAMS 1 MACS 512")
    print("one block instance, its fields (params, MACs):")
    for rows in (vl, tl):
        for path, op, p, m in rows:
            print(f"   {path:<28} {op:<20} {p:>11,} {m:>14,}")
        print(f"   {'= instance':<28} {'':<20} {sum(r[2] for r in rows):>11,} {sum(r[3] for r in rows):>14,}")

    # ---- against PyTorch
    torch.manual_seed(0)
    model = ref.vit_b_32().eval()
    v = model.visual
    n = lambda mod: sum(p.numel() for p in mod.parameters())
    torch_params = {
        "conv1": n(v.conv1), "classEmbedding": v.class_embedding.numel(),
        "visualPositionalEmbedding": v.positional_embedding.numel(), "lnPre": n(v.ln_pre),
        "visualTransformer": n(v.transformer), "lnPost": n(v.ln_post), "proj": v.proj.numel(),
        "tokenEmbedding": n(model.token_embedding), "positionalEmbedding": model.positional_embedding.numel(),
        "transformer": n(model.transformer), "lnFinal": n(model.ln_final),
        "textProjection": model.text_projection.numel(), "logits": model.logit_scale.numel(),
    }
    for k, (op, shape, p, m) in f.items():
        assert p == torch_params.get(k, 0), (k, p, torch_params.get(k))
    assert tp == n(model) == 151_277_313
    b = v.transformer.resblocks[0]
    sub = {"ln1": b.ln_1, "attn": b.attn, "ln2": b.ln_2, "cFc": b.mlp.c_fc, "cProj": b.mlp.c_proj}
    for path, op, p, m in vl:
        key = path.split(".")[-1]
        if key in sub:
            assert p == n(sub[key]), path

    image = torch.zeros(1, 3, 224, 224)
    text = torch.zeros(1, 77, dtype=torch.long)
    text[0, :5] = torch.tensor([49406, 320, 1929, 269, 49407])
    with torch.no_grad():
        x = torch.zeros(1, 50, 768)
        torch_macs = {
            "conv1": ref.count(lambda: v.conv1(image)).macs,
            "visualTransformer": ref.count(lambda: v.transformer(torch.zeros(50, 1, 768))).macs,
            "proj": ref.count(lambda: v.ln_post(x[:, 0, :]) @ v.proj).macs,
            "transformer": ref.count(lambda: model.transformer(torch.zeros(77, 1, 512))).macs,
            "textProjection": ref.count(lambda: torch.zeros(1, 512) @ model.text_projection).macs,
        }
        fi = model.encode_image(image)
        ft = model.encode_text(text)
        torch_macs["logits"] = ref.count(lambda: model.logits(fi, ft, model.logit_scale)).macs
        whole_image = ref.count(lambda: model.encode_image(image)).macs
        whole_text = ref.count(lambda: model.encode_text(text)).macs
    for k, (op, shape, p, m) in f.items():
        assert m == torch_macs.get(k, 0), (k, m, torch_macs.get(k))
    assert (im, xm) == (whole_image, whole_text)
    print(f"PyTorch agrees: PARAMS {tp:,} per field; MACS {tm:,} per field (aten dispatch), "
          f"image {whole_image:,}, text {whole_text:,}, logit {torch_macs['logits']}")


if __name__ == "__main__":
    main()
