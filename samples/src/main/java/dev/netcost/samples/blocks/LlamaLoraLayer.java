package dev.netcost.samples.blocks;

import dev.netcost.Add;
import dev.netcost.Block;
import dev.netcost.Frozen;
import dev.netcost.From;
import dev.netcost.Layer;
import dev.netcost.Linear;
import dev.netcost.Mul;
import dev.netcost.MultiHeadAttention;
import dev.netcost.RMSNorm;
import dev.netcost.SiLU;
import dev.netcost.With;

/**
 * {@link LlamaLayer} with its weights frozen and a LoRA adapter (Hu et al., 2021) beside each of
 * the MLP's three projections: {@code W x + B (A x)}, A projecting down to {@code rank}, B back up,
 * both trained. LoRA's usual targets, the attention's query and value projections, are inside
 * {@code @MultiHeadAttention}, one op; the MLP's projections are the ones the DSL can reach, as
 * QLoRA's "all linear layers" includes them. LoRA's scale {@code alpha / rank}, one multiply per
 * element of each adapter's output, is left out.
 */
@Block
public @interface LlamaLoraLayer {
    /** Query heads; E must divide by them. */
    int heads();

    /** Key/value heads. */
    int kvHeads();

    /** The MLP's {@code intermediate_size}. */
    int hidden();

    /** The adapters' rank r. */
    int rank();

    final class Layers {
        @RMSNorm @Frozen Layer inputNorm;
        @MultiHeadAttention(bias = false, causal = true, rotary = true) @With(heads = "heads", kvHeads = "kvHeads")
        @Frozen Layer selfAttn;
        @Add({"selfAttn", "input"}) Layer residual1;
        @RMSNorm @Frozen Layer postAttentionNorm;
        @Linear(bias = false) @With(out = "hidden") @Frozen Layer gateProj;
        @Linear(bias = false) @From("postAttentionNorm") @With(out = "rank") Layer gateLoraA;
        @Linear(bias = false) @With(out = "hidden") Layer gateLoraB;
        @Add({"gateProj", "gateLoraB"}) Layer gate;
        @SiLU Layer act;
        @Linear(bias = false) @From("postAttentionNorm") @With(out = "hidden") @Frozen Layer upProj;
        @Linear(bias = false) @From("postAttentionNorm") @With(out = "rank") Layer upLoraA;
        @Linear(bias = false) @With(out = "hidden") Layer upLoraB;
        @Add({"upProj", "upLoraB"}) Layer up;
        @Mul({"act", "up"}) Layer gated;
        @Linear(bias = false) @With(out = "in") @Frozen Layer downProj;
        @Linear(bias = false) @From("gated") @With(out = "rank") Layer downLoraA;
        @Linear(bias = false) @With(out = "in") Layer downLoraB;
        @Add({"downProj", "downLoraB"}) Layer down;
        @Add({"down", "residual1"}) Layer residual2;
    }
}
