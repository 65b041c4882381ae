package dev.netcost;

/** Which GELU, {@code @GELU(approximate = ...)}: PyTorch's {@code approximate='none'} or {@code 'tanh'}. */
public enum Approximate {
    /** The exact form, {@code x * Phi(x)} with the Gaussian's cumulative distribution: PyTorch's default. */
    NONE,
    /** The tanh form, {@code 0.5x(1 + tanh(sqrt(2/pi)(x + 0.044715x^3)))}, as GPT-2 and BERT's code compute it. */
    TANH
}
