package dev.netcost;

/**
 * How a convolution pads its input, {@code @Conv(autoPad = ...)}: as PyTorch's {@code padding}
 * takes sizes, {@code 'same'} or {@code 'valid'}. Java's annotations cannot hold a number or a
 * word in one element, so the sizes stay in {@code padding} and the words are these constants,
 * which javac checks: a misspelt {@code Padding.SAEM} does not compile, where a string would.
 */
public enum Padding {
    /** The sizes written in {@code padding}, on each side (PyTorch's {@code padding=1}): the default. */
    EXPLICIT,
    /**
     * PyTorch's {@code padding='same'}: the output is as large as the input. Only with stride 1, as
     * PyTorch requires; a total of {@code dilation * (kernel - 1)} cells per dimension, half of it
     * (rounded down) before the input and the rest after, so an even kernel pads one more after.
     */
    SAME,
    /** PyTorch's {@code padding='valid'}: no padding, as {@code padding = 0}. */
    VALID
}
