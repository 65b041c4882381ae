package dev.netcost.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * On ECJ, a mistake about one device of {@code @Roofline} or {@code @Budget(device, customDevice)}
 * goes on the element that holds the array ({@code custom}, {@code device}; the value's start where
 * the element's name is not written), since ECJ cannot place an array's item, where javac places it
 * on the item. The same one error, message and line as on javac
 * ({@link EclipseDiagnosticsCatalogueTest#ARRAY_ITEMS}).
 */
class ArrayItemEclipseTest {
    static java.util.stream.Stream<DiagnosticsCatalogueTest.Case> cases() {
        return EclipseDiagnosticsCatalogueTest.ARRAY_ITEMS.keySet().stream().sorted()
                .map(EclipseDiagnosticsCatalogueTest::named);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theMistakeIsOnTheElementThatHoldsTheItem(DiagnosticsCatalogueTest.Case c, @TempDir Path dir) {
        Compilation compilation = EclipseDiagnosticsCatalogueTest.compile(dir, c.sources());
        NetworkSource file = c.sources().get(c.sources().size() - 1);
        List<String> place = EclipseDiagnosticsCatalogueTest.ARRAY_ITEMS.get(c.name());
        NetworkSource.Position at = file.at(place.get(0), place.get(1));
        assertThat(at.line()).isEqualTo(file.at(c.context(), c.target()).line());
        assertThat(compilation).failed();
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining(c.message()).inFile(EclipseCompilations.file(
                dir.resolve(file.qualifiedName().replace('.', '/') + ".java"))).onLine(at.line()).atColumn(at.column());
    }
}
