package dev.netcost.samples;

import dev.netcost.DType;
import dev.netcost.Checkpoint;
import dev.netcost.Decoder;
import dev.netcost.Embedding;
import dev.netcost.Hardware;
import dev.netcost.InputKind;
import dev.netcost.Layer;
import dev.netcost.Linear;
import dev.netcost.Network;
import dev.netcost.RMSNorm;
import dev.netcost.Repeat;
import dev.netcost.Roofline;
import dev.netcost.Training;
import dev.netcost.samples.blocks.LlamaLayer;

/**
 * LLaMA-2-7B, as Hugging Face's {@code LlamaForCausalLM} with {@code meta-llama/Llama-2-7b-hf}'s
 * configuration, on its full context of 4,096 tokens in float16: 32 layers of 32 heads (as many
 * key/value heads), an MLP of 11,008, and an untied head.
 *
 * <p>Trained as a full fine-tune: AdamW in mixed precision (bfloat16 weights, gradients and
 * activations; float32 master weights and moments: 16 bytes per parameter, as the ZeRO paper counts
 * them), one sequence of 4,096 tokens a step, each decoder layer checkpointed as Hugging Face's
 * {@code gradient_checkpointing_enable()} does.
 *
 * <p>Served on an A100 80 GB: its roofline times, the prefill of the 4,096 tokens and one decode
 * step at that context, which reads every weight but the embedding table (one row of it) and the whole
 * KV cache for one new token.
 */
@Roofline(Hardware.A100_80GB)
@Training(optimizer = Training.Optimizer.ADAMW, precision = Training.Precision.MIXED_BFLOAT16)
@Network(input = {4096}, inputKind = InputKind.IDS, dtype = DType.FLOAT16)
@Decoder
public class Llama2_7B {
    @Embedding(vocab = 32000, dim = 4096) Layer embedTokens;
    @LlamaLayer(heads = 32, kvHeads = 32, hidden = 11008) @Repeat(32) @Checkpoint Layer layers;
    @RMSNorm Layer norm;
    @Linear(out = 32000, bias = false) Layer lmHead;
}
