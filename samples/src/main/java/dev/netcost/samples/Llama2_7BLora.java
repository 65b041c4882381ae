package dev.netcost.samples;

import dev.netcost.Checkpoint;
import dev.netcost.DType;
import dev.netcost.Embedding;
import dev.netcost.Frozen;
import dev.netcost.InputKind;
import dev.netcost.Layer;
import dev.netcost.Linear;
import dev.netcost.Network;
import dev.netcost.RMSNorm;
import dev.netcost.Repeat;
import dev.netcost.Training;
import dev.netcost.samples.blocks.LlamaLoraLayer;

/**
 * LLaMA-2-7B fine-tuned with LoRA adapters of rank 16 on its MLPs: every weight of
 * {@link Llama2_7B} frozen, 23,199,744 adapter weights trained with AdamW in mixed bfloat16, one
 * sequence of 4,096 tokens a step, each layer checkpointed. Beside {@link Llama2_7B}'s full
 * fine-tune, the model states shrink from 16 bytes per parameter to 2 for the frozen ones.
 */
@Training(optimizer = Training.Optimizer.ADAMW, precision = Training.Precision.MIXED_BFLOAT16)
@Network(input = {4096}, inputKind = InputKind.IDS, dtype = DType.BFLOAT16)
public class Llama2_7BLora {
    @Embedding(vocab = 32000, dim = 4096) @Frozen Layer embedTokens;
    @LlamaLoraLayer(heads = 32, kvHeads = 32, hidden = 11008, rank = 16) @Repeat(32) @Checkpoint Layer layers;
    @RMSNorm @Frozen Layer norm;
    @Linear(out = 32000, bias = false) @Frozen Layer lmHead;
}
