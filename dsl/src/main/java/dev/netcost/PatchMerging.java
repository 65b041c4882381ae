package dev.netcost;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Swin's patch merging, without its norm and linear layer: each 2 x 2 neighbourhood of a
 * channels-last map joined into one position, {@code (H, W, C)} to
 * {@code (ceil(H / 2), ceil(W / 2), 4C)}, an odd height or width padded with zeros first, as
 * torchvision's {@code _patch_merging_pad}. Free: a pad, four strided views and a concat.
 * torchvision's {@code PatchMerging} module follows it with {@code LayerNorm(4C)} and
 * {@code Linear(4C, 2C, bias=False)} (Swin V2 with the linear layer first): declare them after it
 * as {@code @LayerNorm} and {@code @Linear}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface PatchMerging {}
