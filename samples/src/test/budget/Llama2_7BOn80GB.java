package dev.netcost.samples;

import dev.netcost.Budget;
import dev.netcost.DType;
import dev.netcost.InputKind;
import dev.netcost.Network;
import dev.netcost.Training;

/**
 * LLaMA-2-7B's full fine-tune on one 80 GB GPU: AdamW in mixed precision keeps 16 bytes per
 * parameter, 107.8 GB for the model states alone. It does not compile: TrainingSamplesTest holds
 * netcost's error, and the README's section "Training" shows it.
 */
@Budget(maxTrainingMemoryBytes = 80_000_000_000L)
@Training(optimizer = Training.Optimizer.ADAMW, precision = Training.Precision.MIXED_BFLOAT16)
@Network(input = {4096}, inputKind = InputKind.IDS, dtype = DType.BFLOAT16)
public class Llama2_7BOn80GB extends Llama2_7B {}
