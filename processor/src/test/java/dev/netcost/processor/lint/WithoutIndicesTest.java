package dev.netcost.processor.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Lint findings are grouped by path with the instances' indices taken out, as the regular expression did. */
class WithoutIndicesTest {
    @Test
    void takesOutWhatTheRegularExpressionTookOut() {
        for (String path : List.of("conv", "layer1[2].conv1", "a[0][13].b[7]", "a[]", "a[x]", "a[1", "a[12x]",
                "[3]", "a[[4]]", "a[٣]", "")) {
            assertEquals(path.replaceAll("\\[\\d+]", "[]"), LintRules.withoutIndices(path), path);
        }
    }
}
