package dev.netcost.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.netcost.processor.EclipseCompilations.ecjPosition;

import com.google.testing.compile.Compilation;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * On ECJ, a mistake on a value inside a nested {@code @CustomOp.Check} or on one item of
 * {@code shape} goes on the element of {@code @CustomOp} that holds it ({@code checks},
 * {@code shape}): ECJ's messager fails on a nested annotation and cannot place an array's item.
 * The same one error, message and line as on javac.
 */
class UserOpEclipseTest {
    static java.util.stream.Stream<DiagnosticsCatalogueTest.Case> cases() {
        return EclipseDiagnosticsCatalogueTest.NESTED_VALUES.stream().map(EclipseDiagnosticsCatalogueTest::named);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theMistakeIsOnTheElementThatHoldsIt(DiagnosticsCatalogueTest.Case c, @TempDir Path dir) {
        Compilation compilation = EclipseDiagnosticsCatalogueTest.compile(dir, c.sources());
        NetworkSource file = c.sources().get(c.sources().size() - 1);
        String element = file.text().contains("checks =") ? "checks" : "shape";
        NetworkSource.Position at = ecjPosition(file, element + " =", element);
        assertThat(at.line()).isEqualTo(file.at(c.context(), c.target()).line());
        assertThat(compilation).failed();
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining(c.message()).inFile(EclipseCompilations.file(
                dir.resolve(file.qualifiedName().replace('.', '/') + ".java"))).onLine(at.line()).atColumn(at.column());
    }
}
