package dev.netcost.samples;

import dev.netcost.Decoder;
import dev.netcost.Dropout;
import dev.netcost.Embedding;
import dev.netcost.InputKind;
import dev.netcost.Layer;
import dev.netcost.LayerNorm;
import dev.netcost.Linear;
import dev.netcost.Network;
import dev.netcost.PositionEmbedding;
import dev.netcost.Repeat;
import dev.netcost.Tied;
import dev.netcost.Training;
import dev.netcost.samples.blocks.TransformerLayer;

/**
 * GPT-2 small, as Hugging Face's {@code GPT2LMHeadModel} on its full context of 1,024 tokens: 12
 * causal pre-norm layers of 12 heads, and a language-model head tied to the token embedding.
 *
 * <p>Trained as nanoGPT's {@code config/train_gpt2.py} trains it: AdamW, bfloat16 autocast, 12
 * sequences of 1,024 tokens a step per GPU, attention by a fused kernel (FlashAttention).
 */
@Training(batch = 12, optimizer = Training.Optimizer.ADAMW, precision = Training.Precision.MIXED_BFLOAT16)
@Network(input = {1024}, inputKind = InputKind.IDS)
@Decoder
public class Gpt2 {
    @Embedding(vocab = 50257, dim = 768) Layer wte;
    @PositionEmbedding(length = 1024) Layer wpe;
    @Dropout(p = 0.1) Layer drop;
    @TransformerLayer(heads = 12, hidden = 3072, causal = true) @Repeat(12) Layer h;
    @LayerNorm Layer lnF;
    @Linear(out = 50257, bias = false) @Tied("wte") Layer lmHead;
}
