package dev.netcost.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.netcost.processor.Compilations.compileWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;

/**
 * The values of {@code -Anetcost.reports} and {@code -Anetcost.print} that are not quite right:
 * names in another case are read; an unknown name warns and the known ones still apply; a value
 * that leaves no report and is not {@code none} warns and keeps every report; a print value
 * that is empty or neither true nor false warns.
 */
class OptionValuesTest {
    private static final NetworkSource TINY = GoldenFileTest.TINY_NET;
    private static final String USE = "; use json, md, dot, svg or none, separated by commas";

    /** The extensions of the reports written for TinyNet, sorted. */
    private static Set<String> reports(Compilation compilation) {
        Set<String> written = new TreeSet<>();
        for (String extension : List.of("json", "md", "dot")) {
            if (compilation.generatedFile(StandardLocation.CLASS_OUTPUT, "META-INF/netcost/com.example.TinyNet."
                    + extension).isPresent()) {
                written.add(extension);
            }
        }
        return written;
    }

    @Test
    void reportNamesInCapitals() {
        Compilation compilation = compileWith(List.of("-Anetcost.reports=JSON"), TINY);
        assertThat(compilation).succeededWithoutWarnings();
        assertEquals(Set.of("json"), reports(compilation));
    }

    @Test
    void reportNamesInMixedCaseWithSpaces() {
        Compilation compilation = compileWith(List.of("-Anetcost.reports=Json, MD"), TINY);
        assertThat(compilation).succeededWithoutWarnings();
        assertEquals(Set.of("json", "md"), reports(compilation));
    }

    @Test
    void noneInCapitals() {
        Compilation compilation = compileWith(List.of("-Anetcost.reports=NONE"), TINY);
        assertThat(compilation).succeededWithoutWarnings();
        assertEquals(Set.of(), reports(compilation));
        assertThat(compilation).generatedSourceFile("com.example.TinyNetCost");
    }

    @Test
    void unknownNamesBesideAKnownOne() {
        Compilation compilation = compileWith(List.of("-Anetcost.reports=xml,pdf,dot"), TINY);
        assertThat(compilation).succeeded();
        assertThat(compilation).hadWarningCount(1);
        assertThat(compilation).hadWarningContaining("[netcost:option] -Anetcost.reports: unknown reports `xml` and"
                + " `pdf`" + USE);
        assertEquals(Set.of("dot"), reports(compilation));
    }

    @Test
    void onlyAnUnknownNameKeepsEveryReport() {
        Compilation compilation = compileWith(List.of("-Anetcost.reports=xml"), TINY);
        assertThat(compilation).succeeded();
        assertThat(compilation).hadWarningCount(1);
        assertThat(compilation).hadWarningContaining("[netcost:option] -Anetcost.reports: unknown report `xml` and no"
                + " other report is named, so netcost writes every report (json, md, dot, svg)" + USE);
        assertEquals(Set.of("dot", "json", "md"), reports(compilation));
    }

    @Test
    void anUnknownNameBesideNoneWritesNone() {
        Compilation compilation = compileWith(List.of("-Anetcost.reports=none,xml"), TINY);
        assertThat(compilation).hadWarningCount(1);
        assertThat(compilation).hadWarningContaining("[netcost:option] -Anetcost.reports: unknown report `xml`" + USE);
        assertEquals(Set.of(), reports(compilation));
    }

    @Test
    void anEmptyReportsValueKeepsEveryReport() {
        for (String option : List.of("-Anetcost.reports=", "-Anetcost.reports", "-Anetcost.reports= , ")) {
            Compilation compilation = compileWith(List.of(option), TINY);
            assertThat(compilation).succeeded();
            assertThat(compilation).hadWarningCount(1);
            assertThat(compilation).hadWarningContaining("[netcost:option] -Anetcost.reports names no report, so"
                    + " netcost writes every report (json, md, dot, svg)" + USE);
            assertEquals(Set.of("dot", "json", "md"), reports(compilation), option);
        }
    }

    @Test
    void anEmptyPrintValueWarns() {
        for (String option : List.of("-Anetcost.print=", "-Anetcost.print")) {
            Compilation compilation = compileWith(List.of(option), TINY);
            assertThat(compilation).succeeded();
            assertThat(compilation).hadWarningCount(1);
            assertThat(compilation).hadWarningContaining("[netcost:option] -Anetcost.print has no value, so netcost"
                    + " prints no summary; use true or false");
            assertThat(compilation).hadNoteCount(0);
        }
    }

    @Test
    void printInCapitals() {
        Compilation compilation = compileWith(List.of("-Anetcost.print=TRUE"), TINY);
        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).hadNoteContaining("Params:       12,226\n");
    }

    @Test
    void printNeitherTrueNorFalse() {
        Compilation compilation = compileWith(List.of("-Anetcost.print=yes"), TINY);
        assertThat(compilation).succeeded();
        assertThat(compilation).hadWarningCount(1);
        assertThat(compilation).hadWarningContaining("[netcost:option] -Anetcost.print=yes: use true or false");
        assertThat(compilation).hadNoteCount(0);
    }
}
