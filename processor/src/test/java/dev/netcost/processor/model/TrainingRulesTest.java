package dev.netcost.processor.model;

import static com.google.common.truth.Truth.assertWithMessage;

import dev.netcost.Shape;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every op has its training rule: each record that implements {@link Op} or {@link Merge} declares
 * its own {@code backprop} (the interfaces' defaults throw), or is a {@link Rearrangement}, whose rule
 * every op that only moves elements shares, and each op's annotation has a row in one
 * of the cost model's two backward tables (docs/cost-model.md, section "Training"), found as
 * {@code OpRegistryTest} finds the README's rows: a first cell naming {@code `@Annotation`}.
 */
class TrainingRulesTest {
    private static final List<String> TABLES = List.of("### Backward of products and layers with parameters",
            "### Backward of element-wise ops, norms, pools, merges and views");

    /** The records under {@code type}, through its sealed sub-interfaces ({@link TokenOp}). */
    private static List<Class<?>> records(Class<?> type) {
        List<Class<?>> found = new ArrayList<>();
        for (Class<?> permitted : type.getPermittedSubclasses()) {
            if (permitted.isInterface()) {
                found.addAll(records(permitted));
            } else {
                found.add(permitted);
            }
        }
        return found;
    }

    @Test
    void everyOpDeclaresItsBackprop() throws NoSuchMethodException {
        List<String> missing = new ArrayList<>();
        for (Class<?> op : records(Op.class)) {
            // Its own, or Rearrangement's: the one rule of every op that only moves elements.
            Class<?> declaring = op.getMethod("backprop", Shape.class, Shape.class, Layout.class, Optional.class,
                    Cost.class, BackwardPass.class).getDeclaringClass();
            if (declaring != op && declaring != Rearrangement.class) {
                missing.add(op.getSimpleName());
            }
        }
        for (Class<?> merge : records(Merge.class)) {
            if (merge.getMethod("backprop", List.class, Shape.class, Cost.class, BackwardPass.class)
                    .getDeclaringClass() != merge) {
                missing.add(merge.getSimpleName());
            }
        }
        assertWithMessage("records without a backprop of their own").that(missing).isEmpty();
    }

    @Test
    void everyOpHasABackwardRow() throws IOException {
        String model = Files.readString(Path.of("..", "docs", "cost-model.md"));
        StringBuilder firstCells = new StringBuilder();
        for (String heading : TABLES) {
            Matcher row = Pattern.compile("^\\| ([^|]*) \\|.*$", Pattern.MULTILINE).matcher(section(model, heading));
            while (row.find()) {
                firstCells.append(row.group(1)).append('\n');
            }
        }
        List<String> missing = new ArrayList<>();
        for (OpKind kind : OpKind.values()) {
            String annotation = "@" + kind.annotationName();
            if (!Pattern.compile("`" + Pattern.quote(annotation) + "[`(]").matcher(firstCells).find()) {
                missing.add(annotation);
            }
        }
        assertWithMessage("ops without a row in the cost model's backward tables").that(missing).isEmpty();
    }

    /** From {@code heading} to the next heading. */
    private static String section(String text, String heading) {
        int start = text.indexOf(heading);
        assertWithMessage(heading).that(start).isAtLeast(0);
        String rest = text.substring(start + heading.length());
        int end = rest.indexOf("\n#");
        return end < 0 ? rest : rest.substring(0, end);
    }
}
