package dev.netcost.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.netcost.processor.Compilations.compile;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import org.junit.jupiter.api.Test;

/**
 * A training batch whose figures do not fit a {@code long}: one error, on the network's {@code @Training},
 * naming the training batch; never an exception escaping, a wrapped figure, or an error that blames the
 * layer's inference figures, which fit.
 */
class TrainingOverflowTest {
    /**
     * fc on (1024, 1024) tokens to 8,192: 2^33 MACs per sample, which fit; times 2^31 - 1 samples, about
     * 2^64, which do not.
     */
    static final NetworkSource HUGE = NetworkSource.of("com.example.Huge", """
            package com.example;

            import dev.netcost.*;

            @Network(input = {1024, 1024}, inputKind = InputKind.TOKENS)
            @Training(batch = Integer.MAX_VALUE)
            class Huge {
                @Linear(out = 8192) Layer fc;
            }
            """);

    @Test
    void aHugeTrainingBatchIsOneErrorOnTraining() {
        Compilation compilation = compile(HUGE);
        assertThat(compilation).failed();
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation)
                .hadErrorContaining("Huge: a figure of its training step (batch 2147483647) does not fit a long")
                .inFile(HUGE.file())
                .onLine(HUGE.at("@Network").line()); // TRAINING_OVERFLOW is reported on the network
    }

    /** Inference's figures, which fit, are still computed: the training step alone overflows. */
    @Test
    void inferenceStillHasItsFigures() {
        var analysis = TrainingEndToEndTest.analyzeAllowingErrors(HUGE);
        assertEquals(1024L * 1024 * 8192, analysis.total().macs());
        assertThat(analysis.training()).isEmpty();
    }
}
