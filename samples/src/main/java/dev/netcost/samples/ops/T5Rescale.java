package dev.netcost.samples.ops;

import dev.netcost.CustomOp;

/**
 * A multiply of every element by a constant, with nothing learned: Hugging Face's T5 scales the
 * decoder's output by {@code d_model ** -0.5} before a tied {@code lm_head}
 * ({@code sequence_output * (self.model_dim**-0.5)}). netcost has no built-in op for it: {@code @Mul}
 * multiplies tensors, {@code @LayerScale} learns its scales. The factor changes no figure, so it
 * is no attribute. One multiply per element.
 */
@CustomOp(layouts = CustomOp.Layout.TOKENS,
        shape = {},
        params = "0",
        buffers = "0",
        macs = "0",
        flops = "numel")
public @interface T5Rescale {}
