package dev.netcost.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/**
 * A project whose pom is the README's Maven snippet, taken from README.md now, built by the real
 * {@code mvn} on the JDK running this build, with -Werror: its own block, a network using it, and
 * code reading the companion's constants.
 */
class ReadmeConsumerIT {
    @Test
    void theReadmeSnippetBuildsAProjectWithABlockUnderWerror() throws Exception {
        ReadmeSnippet snippet = ReadmeSnippet.read();
        // The lints the README recommends are the ones this build runs with.
        assertTrue(snippet.xml().contains("<arg>-Xlint:all,-processing</arg>"), snippet.xml());
        MavenBuild maven = MavenBuild.fromSystemProperties();
        ConsumerProject project = ConsumerProject.copy("readme-consumer", maven.work(), snippet,
                maven.pluginVersions());

        MavenBuild.Result result = maven.run(project.root(), ConsumerBuilds.WERROR, "package");

        ConsumerBuilds.assertCleanSuccess(result);
        TinyNetFigures.assertCompanionOf("com.example.TinyNet", project.path("target/classes"));
        assertTrue(Files.isRegularFile(project.path("target/classes/META-INF/netcost/com.example.TinyNet.json")));
        assertTrue(Files.isRegularFile(project.path("target/classes/com/example/App.class")));
    }
}
