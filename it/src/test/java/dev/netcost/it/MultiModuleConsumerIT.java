package dev.netcost.it;

import org.junit.jupiter.api.Test;

/**
 * A multi-module project whose top pom holds the README's Maven snippet: the block in one
 * module, packaged as a jar, the network that uses it in another, so netcost reads the block from
 * compiled classes rather than from source.
 */
class MultiModuleConsumerIT {
    @Test
    void aBlockFromAnotherModuleSizesTheNetwork() throws Exception {
        MavenBuild maven = MavenBuild.fromSystemProperties();
        ConsumerProject project = ConsumerProject.copy("multi-module-consumer", maven.work(), ReadmeSnippet.read(),
                maven.pluginVersions());

        MavenBuild.Result result = maven.run(project.root(), ConsumerBuilds.WERROR, "package");

        ConsumerBuilds.assertCleanSuccess(result);
        TinyNetFigures.assertCompanionOf("com.example.app.TinyNet", project.path("app/target/classes"));
    }
}
