package dev.netcost.samples;

import dev.netcost.DType;
import dev.netcost.Decoder;
import dev.netcost.Embedding;
import dev.netcost.InputKind;
import dev.netcost.Layer;
import dev.netcost.Linear;
import dev.netcost.Network;
import dev.netcost.RMSNorm;
import dev.netcost.Repeat;
import dev.netcost.samples.blocks.LlamaLayer;

/**
 * Mistral-7B v0.1, as Hugging Face's {@code MistralForCausalLM}, declared with nothing but
 * LLaMA's layer: 32 layers of 32 query heads sharing 8 key/value heads, an MLP of 14,336, and
 * an untied head, on 4,096 tokens (its sliding window) in bfloat16. Within the window, sliding-window
 * attention computes what full attention does.
 */
@Network(input = {4096}, inputKind = InputKind.IDS, dtype = DType.BFLOAT16)
@Decoder
public class Mistral7B {
    @Embedding(vocab = 32000, dim = 4096) Layer embedTokens;
    @LlamaLayer(heads = 32, kvHeads = 8, hidden = 14336) @Repeat(32) Layer layers;
    @RMSNorm Layer norm;
    @Linear(out = 32000, bias = false) Layer lmHead;
}
