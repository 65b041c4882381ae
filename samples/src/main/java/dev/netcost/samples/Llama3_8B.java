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
 * LLaMA-3-8B, as Hugging Face's {@code LlamaForCausalLM} with {@code meta-llama/Meta-Llama-3-8B}'s
 * configuration, on its full context of 8,192 tokens in bfloat16: 32 layers of 32 query heads
 * sharing 8 key/value heads, an MLP of 14,336, a vocabulary of 128,256, and an untied head.
 */
@Network(input = {8192}, inputKind = InputKind.IDS, dtype = DType.BFLOAT16)
@Decoder
public class Llama3_8B {
    @Embedding(vocab = 128256, dim = 4096) Layer embedTokens;
    @LlamaLayer(heads = 32, kvHeads = 8, hidden = 14336) @Repeat(32) Layer layers;
    @RMSNorm Layer norm;
    @Linear(out = 128256, bias = false) Layer lmHead;
}
