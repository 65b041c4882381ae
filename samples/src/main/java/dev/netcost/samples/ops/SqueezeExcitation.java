package dev.netcost.samples.ops;

import dev.netcost.CustomOp;
import dev.netcost.Required;

/**
 * torchvision's {@code SqueezeExcitation(C, squeeze, scale_activation=Hardsigmoid)}, as MobileNetV3
 * uses it, declared as one op rather than as the six layers it runs: a global average pool to
 * {@code (C, 1, 1)}, a 1 x 1 convolution to {@code squeeze} channels, ReLU, a 1 x 1 convolution
 * back to C, a hard sigmoid, and the product of that gate with the input.
 *
 * <p>Its figures, for an input {@code (C, H, W)} and {@code S = squeeze}, are those of its parts:
 * PARAMS the two convolutions with their biases, {@code C*S + S} and {@code S*C + C}; MACS their
 * products on the pooled {@code (C, 1, 1)}, {@code 2*C*S}; FLOPS the pool's {@code H*W*C} (numel),
 * the convolutions' {@code 2*C*S} each (with bias), ReLU's {@code S}, the hard sigmoid's
 * {@code 3*C} and the product's numel.
 */
@CustomOp(layouts = CustomOp.Layout.FEATURES,
        shape = {"C", "H", "W"},
        params = "2 * C * squeeze + squeeze + C",
        buffers = "0",
        macs = "2 * C * squeeze",
        flops = "2 * numel + 4 * C * squeeze + squeeze + 3 * C",
        checks = @CustomOp.Check(require = "squeeze >= 1", attribute = "squeeze",
                message = "the squeezed channels must be at least 1"))
public @interface SqueezeExcitation {
    /** The channels in the middle: torchvision's {@code squeeze_channels}. */
    @Required int squeeze() default 0;
}
