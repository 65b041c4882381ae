package dev.netcost.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real {@code mvn}, the one running this build, on a consumer project, with the JDK
 * running this build. Its local repository is the one {@code invoker:install} filled with this
 * reactor's netcost artifacts; everything else comes from the user's own local repository, then
 * Maven Central, or from the user's repository alone when this build runs offline.
 */
record MavenBuild(Path mavenHome, Path repository, Path userRepository, boolean offline, Path work,
        Map<String, String> pluginVersions) {
    private static final String VERSION = "netcost.it.version.";
    private static final long TIMEOUT_MINUTES = 10;

    /** The build's outcome: {@code mvn}'s exit code and everything it printed. */
    record Result(int exitCode, String log) {
        boolean succeeded() {
            return exitCode == 0;
        }
    }

    static MavenBuild fromSystemProperties() {
        return new MavenBuild(Path.of(property("netcost.it.mavenHome")), Path.of(property("netcost.it.repository")),
                Path.of(property("netcost.it.userRepository")), property("netcost.it.offline").equals("offline=true"),
                Path.of(property("netcost.it.work")), pinnedPluginVersions());
    }

    /** The version of each plugin netcost's build uses that the consumers' parent pins, by artifactId. */
    private static Map<String, String> pinnedPluginVersions() {
        Map<String, String> versions = new TreeMap<>();
        for (String name : System.getProperties().stringPropertyNames()) {
            if (name.startsWith(VERSION)) {
                versions.put(name.substring(VERSION.length()), System.getProperty(name));
            }
        }
        return versions;
    }

    private static String property(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isEmpty()) {
            throw new IllegalStateException(name + " is not set: run the integration tests with mvn verify");
        }
        return value;
    }

    /**
     * Runs {@code mvn -B -ntp -V <arguments>} in {@code project}; its output, which starts with
     * Maven's and Java's versions, goes to build.log there too.
     */
    Result run(Path project, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(mavenHome.resolve("bin").resolve("mvn").toString(),
                "-B", "-ntp", "-V", "-s", settings().toString(), "-Dmaven.repo.local=" + repository));
        if (offline) {
            // Offline, Maven reads no remote repository, a file: one included, unless told.
            command.addAll(List.of("-o", "-Daether.offline.protocols=file"));
        }
        command.addAll(List.of(arguments));
        Path log = project.resolve("build.log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(project.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().remove("MAVEN_OPTS");
        builder.environment().remove("MAVEN_ARGS");
        Process process = builder.start();
        if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("mvn ran over " + TIMEOUT_MINUTES + " minutes in " + project);
        }
        return new Result(process.exitValue(), Files.readString(log));
    }

    /**
     * User settings that put the user's own local repository before Maven Central, releases only;
     * a local repository keeps no checksums to check.
     */
    private Path settings() throws IOException {
        String repository = """
                <id>user-repository</id>
                <url>%s</url>
                <releases><enabled>true</enabled><checksumPolicy>ignore</checksumPolicy></releases>
                <snapshots><enabled>false</enabled></snapshots>
                """.formatted(userRepository.toUri());
        String settings = """
                <settings>
                <profiles><profile>
                <id>user-repository</id>
                <repositories><repository>
                %s</repository></repositories>
                <pluginRepositories><pluginRepository>
                %s</pluginRepository></pluginRepositories>
                </profile></profiles>
                <activeProfiles><activeProfile>user-repository</activeProfile></activeProfiles>
                </settings>
                """.formatted(repository, repository);
        Files.createDirectories(work);
        Path file = work.resolve("settings.xml");
        Files.writeString(file, settings);
        return file;
    }
}
