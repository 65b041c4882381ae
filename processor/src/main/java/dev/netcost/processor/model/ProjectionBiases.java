package dev.netcost.processor.model;

/**
 * Which of attention's four projections (query, key, value, output) have a bias: each has one iff
 * the annotation's {@code bias} and the projection's own switch ({@code queryBias},
 * {@code keyBias}, {@code valueBias}, {@code outBias}) are true. openai-whisper's attention has no
 * key bias; Qwen2's no output bias. A bias is a parameter per output of its projection and one add
 * per element of that projection's output.
 */
public record ProjectionBiases(boolean query, boolean key, boolean value, boolean out) {
    /** What the annotation says: each projection's bias iff {@code bias} and its switch. */
    public static ProjectionBiases of(boolean bias, boolean query, boolean key, boolean value, boolean out) {
        return new ProjectionBiases(bias && query, bias && key, bias && value, bias && out);
    }

    /** All four projections with their biases, or none. */
    public static ProjectionBiases all(boolean bias) {
        return new ProjectionBiases(bias, bias, bias, bias);
    }

    /** The biases of the query and output projections, each as wide as the queries' tokens. */
    long ofQueryAndOut(long width) {
        return Math.multiplyExact(width, (query ? 1 : 0) + (out ? 1 : 0));
    }

    /** The biases of the key and value projections, each {@code keyValueWidth} wide. */
    long ofKeyAndValue(long keyValueWidth) {
        return Math.multiplyExact(keyValueWidth, (key ? 1 : 0) + (value ? 1 : 0));
    }
}
