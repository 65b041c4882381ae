"""FLOPs of WhisperTiny and T5Small by the rows of netcost's docs/cost-model.md, written out by
hand (no torch, no netcost): one multiply or one add is one FLOP.

Rows used: convolution Cout*O*(2*Cin/g*K - 1 + b); linear R*Fout*(2F - 1 + b); GELU 4*numel;
ReLU numel; layer norm 5*numel; RMS norm 4*numel; add numel; position table numel (the add);
embedding, dropout, permute 0; self-attention 2*MACS + softmax 3*h*T^2 + one add per output of
each projection with a bias; cross-attention 2*MACS + softmax 3*h*T*S + the biases' adds
(T*E q, S*E' k, S*E' v, T*E out).

Not in any row yet, listed apart: T5's relative position bias added to the scores of every
self-attention layer (h*T*T adds each), and the scalar rescale before T5's head (numel, declared
as the op Rescale in T5Small.java).

Run: python3 flops_by_hand.py   (output in flops_by_hand.out.txt)
"""


def fmt(n):
    return f"{n:,}"


def linear(rows, f_in, f_out, bias):
    return rows * f_out * (2 * f_in - 1 + (1 if bias else 0))


def whisper():
    E, H, S, T, V, M = 384, 6, 1500, 448, 51865, 1536
    conv1 = 384 * 3000 * (2 * 80 * 3 - 1 + 1)
    gelu1 = 4 * 384 * 3000
    conv2 = 384 * 1500 * (2 * 384 * 3 - 1 + 1)
    gelu2 = 4 * 384 * 1500
    positions = S * E                                    # the sinusoidal table's add
    # encoder block on (1500, 384)
    ln = 5 * S * E
    attn_macs = 4 * S * E * E + 2 * S * S * E
    attn = 2 * attn_macs + 3 * H * S * S + S * E * 3     # biases on q, v, out (k has none)
    add = S * E
    mlp = linear(S, E, M, True) + 4 * S * M + linear(S, M, E, True)
    enc_block = ln + attn + add + ln + mlp + add
    ln_post = 5 * S * E
    encoder = conv1 + gelu1 + conv2 + gelu2 + positions + 4 * enc_block + ln_post
    # decoder block on (448, 384), cross-attention to (1500, 384)
    dpos = T * E
    dln = 5 * T * E
    self_macs = 4 * T * E * E + 2 * T * T * E
    self_attn = 2 * self_macs + 3 * H * T * T + T * E * 3
    cross_macs = 2 * T * E * E + 2 * S * E * E + 2 * T * S * E
    cross = 2 * cross_macs + 3 * H * T * S + (T * E + S * E + T * E)   # q, v, out biases; k none
    dadd = T * E
    dmlp = linear(T, E, M, True) + 4 * T * M + linear(T, M, E, True)
    dec_block = dln + self_attn + dadd + dln + cross + dadd + dln + dmlp + dadd
    logits = linear(T, E, V, False)
    decoder = dpos + 4 * dec_block + dln + logits
    total = encoder + decoder
    print("WhisperTiny FLOPs")
    for k, v in [("conv1", conv1), ("gelu1", gelu1), ("conv2", conv2), ("gelu2", gelu2),
                 ("encoderPositionalEmbedding", positions), ("encoderBlocks[i] (each)", enc_block),
                 ("  attn", attn), ("  mlp0 + mlp1 + mlp2", mlp), ("encoderBlocks (4)", 4 * enc_block),
                 ("lnPost", ln_post), ("decoderPositionalEmbedding", dpos), ("decoderBlocks[i] (each)", dec_block),
                 ("  attn", self_attn), ("  crossAttn", cross), ("  mlp0 + mlp1 + mlp2", dmlp),
                 ("decoderBlocks (4)", 4 * dec_block), ("ln", dln), ("logits", logits), ("TOTAL", total)]:
        print(f"  {k:30s} {fmt(v):>18s}")
    assert total == 71_395_761_344, total
    return total


def t5():
    D, H, F, V, N, L = 512, 8, 2048, 32128, 512, 6
    rms = 4 * N * D
    add = N * D
    attn_macs = 4 * N * D * D + 2 * N * N * D
    attn = 2 * attn_macs + 3 * H * N * N                  # no biases
    cross_macs = 2 * N * D * D + 2 * N * D * D + 2 * N * N * D
    cross = 2 * cross_macs + 3 * H * N * N
    ff = linear(N, D, F, False) + N * F + linear(N, F, D, False)
    enc_block = rms + attn + add + rms + ff + add
    dec_block = rms + attn + add + rms + cross + add + rms + ff + add
    rescale = N * D
    lm_head = linear(N, D, V, False)
    total = L * enc_block + rms + L * dec_block + rms + rescale + lm_head
    bias_adds = 2 * L * H * N * N                           # the relative bias added to every self-attention's scores
    print("T5Small FLOPs (without the relative position bias)")
    for k, v in [("encoderBlock[i] (each)", enc_block), ("  selfAttention", attn), ("  wi + act + wo", ff),
                 ("encoderBlock (6)", L * enc_block), ("encoderFinalLayerNorm", rms),
                 ("decoderBlock[i] (each)", dec_block), ("  encDecAttention", cross), ("decoderBlock (6)", L * dec_block),
                 ("decoderFinalLayerNorm", rms), ("rescale", rescale), ("lmHead", lm_head), ("TOTAL", total)]:
        print(f"  {k:30s} {fmt(v):>18s}")
    print(f"  not yet in the cost model: the relative bias added to the scores, 12 layers x 8 x 512 x 512 = {fmt(bias_adds)}"
          f" -> {fmt(total + bias_adds)} with it")
    assert total == 71_740_489_728, total
    return total


if __name__ == "__main__":
    whisper()
    t5()
