package dev.netcost.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.netcost.processor.Compilations.assertError;
import static dev.netcost.processor.Compilations.assertOnlyError;
import static dev.netcost.processor.Compilations.compile;

import com.google.testing.compile.Compilation;
import org.junit.jupiter.api.Test;

/**
 * A negative {@code @Budget} limit is an error on its own value, and every other limit is still
 * held to the network: one bad limit must not hide an overrun.
 *
 * <p>The network and its figures are BudgetDiagnosticsTest's, by hand: conv 3 -> 16, 3 x 3, no
 * bias, on 8 x 8: 432 parameters, 16 * 36 * 27 = 15,552 MACs, 16 * 36 * 53 = 30,528 FLOPs; ReLU
 * 576 FLOPs; global pool 576; fc 16 -> 10: 170 parameters, 160 MACs, 320 FLOPs. Totals 602
 * parameters, 15,712 MACs, 32,000 FLOPs.
 */
class NegativeBudgetLimitTest {
    private static NetworkSource network(String budget) {
        return BudgetDiagnosticsTest.network(budget);
    }

    private static final String PARAMS_OVER_500 = "[netcost:budget] PARAMS = 602 is over maxParams = 500 by 102"
            + " (20.4 %); the fields that hold the most: conv 432 (71.8 %), fc 170 (28.2 %)";

    @Test
    void theOtherLimitsAreStillChecked() {
        NetworkSource src = network("@Budget(maxMacs = -1, maxParams = 500)");
        Compilation compilation = compile(src);
        assertThat(compilation).hadErrorCount(2);
        assertError(compilation, src, "[netcost:out-of-range] maxMacs = -1 must be at least 0", src.at("-1"));
        assertError(compilation, src, PARAMS_OVER_500, src.at("500"));
    }

    /** FLOPS 32,000 is within 32,000: the negative limit is the only error. */
    @Test
    void withinTheOtherLimitsOnlyTheNegativeOneIsAnError() {
        NetworkSource src = network("@Budget(maxMacs = -1, maxFlops = 32_000)");
        assertOnlyError(compile(src), src, "[netcost:out-of-range] maxMacs = -1 must be at least 0", src.at("-1"));
    }

    @Test
    void everyNegativeLimitIsItsOwnError() {
        NetworkSource src = network("@Budget(maxMacs = -1, maxParams = 500, maxFlops = -2)");
        Compilation compilation = compile(src);
        assertThat(compilation).hadErrorCount(3);
        assertError(compilation, src, "[netcost:out-of-range] maxMacs = -1 must be at least 0", src.at("-1"));
        assertError(compilation, src, "[netcost:out-of-range] maxFlops = -2 must be at least 0", src.at("-2"));
        assertError(compilation, src, PARAMS_OVER_500, src.at("500"));
    }

    /** At level WARNING the overrun warns, and the negative limit is still an error. */
    @Test
    void aWarningBudgetWithANegativeLimit() {
        NetworkSource src = network("@Budget(maxParams = -5, maxFlops = 30_000, level = Budget.Level.WARNING)");
        Compilation compilation = compile(src);
        assertThat(compilation).hadErrorCount(1);
        assertError(compilation, src, "[netcost:out-of-range] maxParams = -5 must be at least 0", src.at("-5"));
        assertThat(compilation).hadWarningCount(1);
        assertThat(compilation).hadWarningContaining("[netcost:budget] FLOPS = 32,000 is over maxFlops = 30,000 by"
                + " 2,000 (6.7 %)").inFile(src.file()).onLine(src.at("30_000").line())
                .atColumn(src.at("30_000").column());
    }
}
