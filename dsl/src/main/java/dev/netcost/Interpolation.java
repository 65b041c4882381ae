package dev.netcost;

/**
 * How {@link Upsample} computes the values between input cells, as PyTorch's {@code mode} of
 * {@code nn.Upsample} and {@code F.interpolate}. Each linear mode interpolates a fixed number of
 * spatial dimensions, as PyTorch requires: {@link #LINEAR} one, {@link #BILINEAR} and
 * {@link #BICUBIC} two, {@link #TRILINEAR} three; {@link #NEAREST} takes any.
 */
public enum Interpolation {
    /** The nearest input cell, copied: {@code mode="nearest"}, PyTorch's default. */
    NEAREST,
    /** Linear along the length of {@code (C, L)}: {@code mode="linear"}. */
    LINEAR,
    /** Linear along the height and the width of {@code (C, H, W)}: {@code mode="bilinear"}. */
    BILINEAR,
    /** Cubic along the height and the width of {@code (C, H, W)}: {@code mode="bicubic"}. */
    BICUBIC,
    /** Linear along the depth, height and width of {@code (C, D, H, W)}: {@code mode="trilinear"}. */
    TRILINEAR
}
