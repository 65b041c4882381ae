package dev.netcost.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

/** What every consumer build must show: it ran on this JDK, succeeded, and not one warning from Maven or javac. */
final class ConsumerBuilds {
    private ConsumerBuilds() {}

    /** Maven's options for a build that fails on any javac warning: -Werror. */
    static final String WERROR = "-Dmaven.compiler.failOnWarning=true";

    static void assertCleanSuccess(MavenBuild.Result result) {
        assertTrue(result.succeeded(), () -> "mvn exited with " + result.exitCode() + ":\n" + result.log());
        String java = "Java version: " + System.getProperty("java.version") + ",";
        assertTrue(result.log().contains(java), () -> "not run on " + java + "\n" + result.log());
        List<String> warnings = result.log().lines().filter(line -> line.startsWith("[WARNING]")).toList();
        assertEquals(List.of(), warnings, () -> "the build warned:\n" + result.log());
    }
}
