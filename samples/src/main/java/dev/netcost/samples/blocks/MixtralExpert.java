package dev.netcost.samples.blocks;

import dev.netcost.Block;
import dev.netcost.From;
import dev.netcost.Layer;
import dev.netcost.Linear;
import dev.netcost.Mul;
import dev.netcost.SiLU;
import dev.netcost.With;

/**
 * One expert of Mixtral's sparse block, Hugging Face's {@code MixtralBlockSparseTop2MLP}:
 * {@code w2(silu(w1(x)) * w3(x))}, without biases, from the token width to {@code hidden} and back.
 */
@Block
public @interface MixtralExpert {
    /** The expert's {@code intermediate_size}: 14,336 in Mixtral-8x7B. */
    int hidden() default 14336;

    final class Layers {
        @Linear(bias = false) @With(out = "hidden") Layer w1;
        @SiLU Layer act;
        @Linear(bias = false) @From("input") @With(out = "hidden") Layer w3;
        @Mul({"act", "w3"}) Layer gated;
        @Linear(bias = false) @With(out = "in") Layer w2;
    }
}
