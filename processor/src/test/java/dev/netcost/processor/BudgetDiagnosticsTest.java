package dev.netcost.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.netcost.processor.Compilations.assertOnlyError;
import static dev.netcost.processor.Compilations.compile;

import com.google.testing.compile.Compilation;
import org.junit.jupiter.api.Test;

/**
 * Every budget limit: over it is an error on the limit's value, with the figure, the limit, the
 * excess and the largest contributors; within it is quiet; at {@code level = WARNING} it warns,
 * and {@code @SuppressWarnings("netcost:budget")} silences the warning.
 *
 * <p>The network, by hand. conv 3 -> 16, 3 x 3, no bias, on 8 x 8: 432 parameters; 6 x 6 outputs,
 * 16 * 36 * 27 = 15,552 MACs and 16 * 36 * 53 = 30,528 FLOPs. ReLU 576 FLOPs; global pool
 * 36 * 16 = 576. fc 16 -> 10: 170 parameters, 160 MACs, 10 * 32 = 320 FLOPs. Totals: 602 parameters,
 * 15,712 MACs, 32,000 FLOPs; 2,408 parameter bytes. Activations alive at the ReLU: its input and
 * output, 2 * 576 * 4 = 4,608 bytes, the peak; peak memory 2,408 + 4,608 = 7,016 bytes.
 */
class BudgetDiagnosticsTest {
    /** The network of this class's figures, under {@code budget}: NegativeBudgetLimitTest's too. */
    static NetworkSource network(String budget) {
        return NetworkSource.of("com.example.Net", """
                package com.example;

                import dev.netcost.*;

                """ + budget + """

                @Network(input = {3, 8, 8})
                class Net {
                    @Conv(out = 16, kernel = 3, bias = false) Layer conv;
                    @ReLU Layer relu;
                    @GlobalAvgPool Layer pool;
                    @Flatten Layer flatten;
                    @Linear(out = 10) Layer fc;
                }
                """);
    }

    @Test
    void maxParams() {
        NetworkSource src = network("@Budget(maxParams = 500)");
        assertOnlyError(compile(src), src, "[netcost:budget] PARAMS = 602 is over maxParams = 500 by 102 (20.4 %); the"
                + " fields that hold the most: conv 432 (71.8 %), fc 170 (28.2 %)", src.at("500"));
    }

    @Test
    void maxMacs() {
        NetworkSource src = network("@Budget(maxMacs = 15_000)");
        assertOnlyError(compile(src), src, "[netcost:budget] MACS = 15,712 is over maxMacs = 15,000 by 712 (4.7 %); the"
                + " fields that compute the most: conv 15,552 (99.0 %), fc 160 (1.0 %)", src.at("15_000"));
    }

    @Test
    void maxFlops() {
        NetworkSource src = network("@Budget(maxFlops = 30_000)");
        assertOnlyError(compile(src), src, "[netcost:budget] FLOPS = 32,000 is over maxFlops = 30,000 by 2,000 (6.7 %);"
                + " the fields that compute the most: conv 30,528 (95.4 %), relu 576 (1.8 %), pool 576 (1.8 %)",
                src.at("30_000"));
    }

    @Test
    void maxParamBytes() {
        NetworkSource src = network("@Budget(maxParamBytes = 2_000)");
        assertOnlyError(compile(src), src, "[netcost:budget] PARAM_BYTES = 2,408 is over maxParamBytes = 2,000 by 408"
                + " (20.4 %); parameters and buffers in float32, the fields that hold the most: conv 1,728 (71.8 %),"
                + " fc 680 (28.2 %)", src.at("2_000"));
    }

    /**
     * A dense network's active parameters are those inference uses: conv 16 x 3 x 9 = 432 and fc
     * 16 x 10 + 10 = 170, 602 in all, not the training-only aux (170 more), which neither the figure
     * nor its contributors count.
     */
    @Test
    void maxActiveParamsLeavesTrainingOnlyFieldsOut() {
        NetworkSource src = NetworkSource.of("com.example.Net", """
                package com.example;

                import dev.netcost.*;

                @Budget(maxActiveParams = 500)
                @Network(input = {3, 8, 8})
                class Net {
                    @Conv(out = 16, kernel = 3, bias = false) Layer conv;
                    @ReLU Layer relu;
                    @GlobalAvgPool Layer pool;
                    @Flatten Layer flatten;
                    @Linear(out = 10) @TrainingOnly Layer aux;
                    @Linear(out = 10) @From("flatten") Layer fc;
                }
                """);
        assertOnlyError(compile(src), src, "[netcost:budget] ACTIVE_PARAMS = 602 is over maxActiveParams = 500 by"
                + " 102 (20.4 %); the fields whose parameters one token uses most: conv 432 (71.8 %), fc 170"
                + " (28.2 %)", src.at("500"));
    }

    @Test
    void maxPeakMemoryBytes() {
        NetworkSource src = network("@Budget(maxPeakMemoryBytes = 7_000)");
        assertOnlyError(compile(src), src, "[netcost:budget] PEAK_MEMORY_BYTES = 7,016 is over maxPeakMemoryBytes ="
                + " 7,000 by 16 (0.2 %); parameters 2,408 and activations 4,608 at relu, in float32; the largest"
                + " tensors alive there: conv 2,304, relu 2,304", src.at("7_000"));
    }

    /** Every limit at its figure exactly: nothing is over. */
    @Test
    void withinEveryLimitIsQuiet() {
        NetworkSource src = network("@Budget(maxParams = 602, maxMacs = 15_712, maxFlops = 32_000,"
                + " maxParamBytes = 2_408, maxPeakMemoryBytes = 7_016)");
        assertThat(compile(src)).succeededWithoutWarnings();
    }

    /**
     * Two limits over: two errors, each on its own value. The companion is still generated, so
     * code that reads it compiles and the budget errors are the only ones.
     */
    @Test
    void eachOverrunIsItsOwnErrorAndTheCompanionIsWritten() {
        NetworkSource src = network("@Budget(maxParams = 1, maxMacs = 15_712, maxFlops = 1)");
        NetworkSource user = NetworkSource.of("com.example.User", """
                package com.example;

                class User {
                    static final long PARAMS = NetCost.PARAMS;
                }
                """);
        Compilation compilation = compile(src, user);
        assertThat(compilation).hadErrorCount(2);
        assertThat(compilation).hadErrorContaining("PARAMS = 602 is over maxParams = 1").inFile(src.file())
                .onLine(src.at("maxParams = 1", "1").line()).atColumn(src.at("maxParams = 1", "1").column());
        assertThat(compilation).hadErrorContaining("FLOPS = 32,000 is over maxFlops = 1").inFile(src.file())
                .onLine(src.at("maxFlops = 1", "1").line()).atColumn(src.at("maxFlops = 1", "1").column());
    }

    @Test
    void aWarningBudget() {
        NetworkSource src = network("@Budget(maxMacs = 15_000, level = Budget.Level.WARNING)");
        Compilation compilation = compile(src);
        assertThat(compilation).succeeded();
        assertThat(compilation).hadWarningCount(1);
        assertThat(compilation).hadWarningContaining("[netcost:budget] MACS = 15,712 is over maxMacs = 15,000")
                .inFile(src.file()).onLine(src.at("15_000").line()).atColumn(src.at("15_000").column());
    }

    @Test
    void aWarningBudgetIsSuppressed() {
        NetworkSource src = network("@Budget(maxMacs = 15_000, level = Budget.Level.WARNING)\n"
                + "@SuppressWarnings(\"netcost:budget\")");
        assertThat(compile(src)).succeededWithoutWarnings();
    }

    @Test
    void aNegativeLimit() {
        NetworkSource src = network("@Budget(maxMacs = -1)");
        assertOnlyError(compile(src), src, "[netcost:out-of-range] maxMacs = -1 must be at least 0", src.at("-1"));
    }
}
