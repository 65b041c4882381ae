package dev.netcost.processor;

import static com.google.common.truth.Truth.assertWithMessage;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The rules the processor's code follows so that a cold compile, javac in a fresh JVM as Maven and
 * the command line run it, pays little for netcost (docs/architecture.md, "Cold builds"). Each is
 * read from the class files javac made of the processor and the DSL, so that a lambda slipped into any class,
 * on whatever path, fails here rather than a build later.
 */
class ColdPathRulesTest {
    /**
     * A lambda or method reference: its first call spins a class at run time, through
     * {@code LambdaMetafactory}, in code the JIT then compiles too; a loop or a named class costs nothing
     * of the kind.
     */
    private static final String LAMBDA = "java/lang/invoke/LambdaMetafactory";
    /**
     * A string concatenation through {@code invokedynamic}: its first run links a method handle chain
     * per call site. The processor is compiled with {@code -XDstringConcat=inline} instead.
     */
    private static final String CONCAT = "java/lang/invoke/StringConcatFactory";

    @Test
    void noClassOfTheProcessorOrTheDslSpinsLambdasOrLinksConcatenations() throws IOException, URISyntaxException {
        List<String> offenders = new ArrayList<>();
        // The DSL's classes run inside the processor too: Summary renders every summary.
        for (Class<?> of : List.of(NetworkProcessor.class, dev.netcost.Network.class)) {
            Path classes = Path.of(of.getProtectionDomain().getCodeSource().getLocation().toURI());
            // A folder of classes in the module's own build, a jar when the reactor has packaged it.
            java.util.Map<String, byte[]> files = Files.isDirectory(classes) ? folder(classes) : jar(classes);
            for (java.util.Map.Entry<String, byte[]> file : files.entrySet()) {
                // The bootstrap's class is named in the constant pool as modified UTF-8, which for
                // these ASCII names is their bytes: present exactly when the class has such a call site.
                String pool = new String(file.getValue(), StandardCharsets.ISO_8859_1);
                for (String bootstrap : List.of(LAMBDA, CONCAT)) {
                    if (pool.contains(bootstrap)) {
                        offenders.add(file.getKey() + " (" + bootstrap + ")");
                    }
                }
            }
            assertWithMessage("class files read from %s", classes).that(files.size()).isGreaterThan(50);
        }
        assertWithMessage("classes with a lambda, a method reference or an indy concatenation")
                .that(offenders).isEmpty();
    }

    /**
     * What the rule above cannot see: a record's {@code equals}, {@code hashCode} and {@code
     * toString} are {@code invokedynamic} call sites too, linked through {@code ObjectMethods} the
     * first time one runs. Every sample is compiled by javac as a command, a JVM of its own, with
     * the JDK tracing each call site it links; no class of netcost's may link one, so a record the
     * processor hashes or compares on its way writes those methods out.
     */
    @Test
    void compilingTheSamplesLinksNoCallSiteOfNetcosts() throws Exception {
        Path samples = Path.of("..", "samples", "src", "main", "java");
        Path out = Files.createTempDirectory("netcost-linkage");
        String javac = Path.of(System.getProperty("java.home"), "bin", "javac").toString();
        String processorPath = String.join(java.io.File.pathSeparator, codeSource(NetworkProcessor.class),
                codeSource(dev.netcost.Network.class), codeSource(com.palantir.javapoet.JavaFile.class));
        // -proc:only: the companions and every report are written, the classes are not compiled.
        List<String> command = new ArrayList<>(List.of(javac,
                "-J-Djava.lang.invoke.MethodHandle.TRACE_METHOD_LINKAGE=true", "-proc:only",
                "-cp", codeSource(dev.netcost.Network.class), "-processorpath", processorPath,
                "-s", out.toString(), "-d", out.toString()));
        try (Stream<Path> files = Files.walk(samples)) {
            files.filter(f -> f.toString().endsWith(".java")).sorted().forEach(f -> command.add(f.toString()));
        }
        Process compile = new ProcessBuilder(command).redirectErrorStream(true).start();
        java.util.SortedSet<String> linked = new java.util.TreeSet<>();
        int sites = 0;
        try (java.io.BufferedReader lines = compile.inputReader()) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                // "linkCallSite <caller> <bootstrap>...": the caller is the class whose call site it is.
                if (line.startsWith("linkCallSite ") && !line.startsWith("linkCallSite =>")) {
                    sites++;
                    String[] words = line.split(" ");
                    String caller = words[1];
                    if (caller.startsWith("dev.netcost.") && !caller.startsWith("dev.netcost.samples.")) {
                        // The class, and its bootstrap's class: LambdaMetafactory, ObjectMethods...
                        String bootstrap = words[2].substring(0, words[2].indexOf('('));
                        linked.add(caller + " " + bootstrap.substring(0, bootstrap.lastIndexOf('.')));
                    }
                }
            }
        }
        assertWithMessage("javac's exit code").that(compile.waitFor()).isEqualTo(0);
        assertWithMessage("call sites javac itself linked (the trace works)").that(sites).isGreaterThan(20);
        assertWithMessage("call sites of netcost's linked while compiling the samples").that(linked).isEmpty();
    }

    /** Every class file under {@code root}, by its path there. */
    private static java.util.Map<String, byte[]> folder(Path root) throws IOException {
        java.util.Map<String, byte[]> classes = new java.util.TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".class"))::iterator) {
                classes.put(root.relativize(file).toString(), Files.readAllBytes(file));
            }
        }
        return classes;
    }

    /** Every class file in the jar, by its entry's name. */
    private static java.util.Map<String, byte[]> jar(Path jar) throws IOException {
        java.util.Map<String, byte[]> classes = new java.util.TreeMap<>();
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(jar.toFile())) {
            for (java.util.zip.ZipEntry entry : java.util.Collections.list(zip.entries())) {
                if (entry.getName().endsWith(".class")) {
                    try (java.io.InputStream in = zip.getInputStream(entry)) {
                        classes.put(entry.getName(), in.readAllBytes());
                    }
                }
            }
        }
        return classes;
    }

    private static String codeSource(Class<?> type) throws URISyntaxException {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }
}
