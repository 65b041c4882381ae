package dev.netcost.processor.write;

import com.palantir.javapoet.CodeBlock;
import java.util.List;

/** Helpers for JavaPoet code blocks. */
final class CodeBlocks {
    private CodeBlocks() {}

    /**
     * The blocks one after the other, {@code separator} between two: what {@code CodeBlock.join}
     * makes, by a loop, as JavaPoet's collects a stream through lambdas that a cold compile spins
     * classes for (see {@code ColdPathRulesTest}). The separator is a format string without arguments,
     * as JavaPoet's is.
     */
    static CodeBlock join(List<CodeBlock> blocks, String separator) {
        CodeBlock.Builder joined = CodeBlock.builder();
        for (int k = 0; k < blocks.size(); k++) {
            if (k > 0) {
                joined.add(separator);
            }
            joined.add(blocks.get(k));
        }
        return joined.build();
    }
}
