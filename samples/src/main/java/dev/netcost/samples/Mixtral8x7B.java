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
import dev.netcost.samples.blocks.MixtralLayer;

/**
 * Mixtral-8x7B v0.1, as Hugging Face's {@code MixtralForCausalLM} and its {@code config.json}:
 * hidden 4,096, 32 layers of 32 query heads sharing 8 key/value heads, each with a sparse block of
 * 8 experts of intermediate size 14,336 of which every token uses 2, a vocabulary of 32,000 and an
 * untied head, in bfloat16. Its window is 32,768 tokens; declared here at 4,096.
 */
@Network(input = {4096}, inputKind = InputKind.IDS, dtype = DType.BFLOAT16)
@Decoder
public class Mixtral8x7B {
    @Embedding(vocab = 32000, dim = 4096) Layer embedTokens;
    @MixtralLayer(heads = 32, kvHeads = 8, hidden = 14336) @Repeat(32) Layer layers;
    @RMSNorm Layer norm;
    @Linear(out = 32000, bias = false) Layer lmHead;
}
