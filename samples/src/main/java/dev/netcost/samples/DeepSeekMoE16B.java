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
import dev.netcost.samples.blocks.DeepSeekMoeLayer;
import dev.netcost.samples.blocks.LlamaLayer;

/**
 * DeepSeekMoE 16B (deepseek-ai/deepseek-moe-16b-base), as its {@code modeling_deepseek.py}
 * ({@code DeepseekForCausalLM}) and {@code config.json}: hidden 2,048, 28 layers of 16 heads of
 * 128 (as many key/value heads, no attention bias); the first layer ({@code first_k_dense_replace}
 * 1) has a dense SwiGLU MLP of 10,944, exactly LLaMA's layer; the other 27 a mixture of 64 routed
 * experts of 1,408, 6 per token, and 2 shared ones; a vocabulary of 102,400 and an untied head, in
 * bfloat16, on its 4,096-token window.
 */
@Network(input = {4096}, inputKind = InputKind.IDS, dtype = DType.BFLOAT16)
@Decoder
public class DeepSeekMoE16B {
    @Embedding(vocab = 102400, dim = 2048) Layer embedTokens;
    @LlamaLayer(heads = 16, kvHeads = 16, hidden = 10944) Layer denseLayer;
    @DeepSeekMoeLayer(heads = 16, kvHeads = 16, expertHidden = 1408) @Repeat(27) Layer layers;
    @RMSNorm Layer norm;
    @Linear(out = 102400, bias = false) Layer lmHead;
}
