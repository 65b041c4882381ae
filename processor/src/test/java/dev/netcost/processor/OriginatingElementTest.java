package dev.netcost.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.annotation.processing.Completion;
import javax.annotation.processing.Filer;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;

/**
 * The processor's side of Gradle's contract for an isolating processor, which netcost declares
 * ({@code META-INF/gradle/incremental.annotation.processors}): every file it writes names exactly
 * one originating element, the network class; it reads the network, its superclasses and the
 * block types its annotations name, and makes no file from anything else in the round; the
 * annotations it reads are in the class files, where Gradle's dependency analysis finds them.
 * Gradle itself is not run here.
 */
class OriginatingElementTest {
    /** A file the processor asked the Filer for, with the elements it named as its origin. */
    record Created(String name, List<String> originatingElements) {}

    /** What a run of the processor asked for, beyond the files it created. */
    static final class Reads {
        /** Names given to {@code Elements.getTypeElement}. */
        final Set<String> typeElements = new TreeSet<>();
        /** The annotations given to {@code RoundEnvironment.getElementsAnnotatedWith}. */
        final Set<String> annotatedWith = new TreeSet<>();
        /** The methods called on the round's root elements. */
        final Set<String> onRootElements = new TreeSet<>();
    }

    /** A network that extends a network and uses a block declared in its own file. */
    private static final NetworkSource BASE = NetworkSource.of("com.example.Base", """
            package com.example;

            import dev.netcost.*;

            @Network(input = {3, 16, 16})
            class Base {
                @Conv(out = 8, kernel = 3, padding = 1) Layer stem;
            }
            """);
    private static final NetworkSource BLOCK = NetworkSource.of("com.example.Pair", """
            package com.example;

            import dev.netcost.*;

            @Block
            @interface Pair {
                int out();

                class Layers {
                    @Conv(kernel = 3, padding = 1) @With(out = "out") Layer conv;
                    @ReLU Layer relu;
                }
            }
            """);
    private static final NetworkSource NET = NetworkSource.of("com.example.Net", """
            package com.example;

            import dev.netcost.*;

            @Network(input = {3, 16, 16})
            class Net extends Base {
                @Pair(out = 16) Layer pair;
                @GlobalAvgPool Layer pool;
            }
            """);
    /** What the same compilation may hold besides: a class, a block no network uses, another network. */
    private static final NetworkSource UNRELATED = NetworkSource.of("com.example.Unrelated", """
            package com.example;

            import dev.netcost.*;

            class Unrelated {
                static final int WIDTH = 32;
                Layer notALayer;
            }
            """);
    private static final NetworkSource UNUSED_BLOCK = NetworkSource.of("com.example.Unused", """
            package com.example;

            import dev.netcost.*;

            @Block
            @interface Unused {
                class Layers {
                    @Linear(out = 7) Layer fc;
                }
            }
            """);
    private static final NetworkSource OTHER = NetworkSource.of("com.example.Other", """
            package com.example;

            import dev.netcost.*;

            @Network(input = {16})
            class Other {
                @Linear(out = 4) Layer fc;
            }
            """);

    @Test
    void eachCompanionAndReportOriginatesFromItsNetworkAlone() {
        NetworkSource first = NetworkSource.of("com.example.First", """
                package com.example;

                import dev.netcost.*;

                @Network(input = {3, 32, 32})
                class First {
                    @ReLU Layer relu;
                }
                """);
        NetworkSource second = NetworkSource.of("com.example.Second", """
                package com.example;

                import dev.netcost.*;

                @Network(input = {16})
                class Second {
                    @Linear(out = 4) Layer fc;
                }
                """);
        List<Created> created = new ArrayList<>();
        Compilation compilation = javac().withProcessors(new RecordingProcessor(new NetworkProcessor(), created))
                .compile(first.file(), second.file());
        assertThat(compilation).succeededWithoutWarnings();
        List<String> first1 = List.of("com.example.First");
        List<String> second1 = List.of("com.example.Second");
        assertThat(created).containsExactly(
                new Created("com.example.FirstCost", first1),
                new Created("META-INF/netcost/com.example.First.json", first1),
                new Created("META-INF/netcost/com.example.First.md", first1),
                new Created("META-INF/netcost/com.example.First.dot", first1),
                new Created("com.example.SecondCost", second1),
                new Created("META-INF/netcost/com.example.Second.json", second1),
                new Created("META-INF/netcost/com.example.Second.md", second1),
                new Created("META-INF/netcost/com.example.Second.dot", second1));
    }

    /**
     * A network that extends a network and uses a block in another file: its files name it alone,
     * not its superclass nor its block, which Gradle reaches through the class's dependencies.
     */
    @Test
    void aNetworkWithASuperclassAndABlockIsStillTheOneOrigin() {
        List<Created> created = new ArrayList<>();
        Compilation compilation = javac().withProcessors(new RecordingProcessor(new NetworkProcessor(), created,
                new Reads())).compile(BASE.file(), BLOCK.file(), NET.file(), UNRELATED.file(), UNUSED_BLOCK.file());
        assertThat(compilation).succeededWithoutWarnings();
        List<String> base = List.of("com.example.Base");
        List<String> net = List.of("com.example.Net");
        assertThat(created).containsExactly(
                new Created("com.example.BaseCost", base),
                new Created("META-INF/netcost/com.example.Base.json", base),
                new Created("META-INF/netcost/com.example.Base.md", base),
                new Created("META-INF/netcost/com.example.Base.dot", base),
                new Created("com.example.NetCost", net),
                new Created("META-INF/netcost/com.example.Net.json", net),
                new Created("META-INF/netcost/com.example.Net.md", net),
                new Created("META-INF/netcost/com.example.Net.dot", net));
    }

    /**
     * The types the processor looks up by name are its own annotations and types, the
     * {@code @Generated} it marks companions with, the networks of the round (found through
     * {@code @Network}) and the blocks declared in the round (found through {@code @Block}), whose
     * uses outside any network it reports; never a class by a name read elsewhere. The rounds it
     * queries by annotation are netcost's annotations and those blocks. Of the round's root
     * elements it reads only the names, to tell a class that takes a companion's name. Those
     * checks of the whole round give errors, never a file.
     */
    @Test
    void itLooksUpOnlyItsOwnTypesAndTheNetworks() {
        Reads reads = new Reads();
        Compilation compilation = javac().withProcessors(new RecordingProcessor(new NetworkProcessor(),
                new ArrayList<>(), reads)).compile(BASE.file(), BLOCK.file(), NET.file(), UNRELATED.file(),
                UNUSED_BLOCK.file());
        assertThat(compilation).succeededWithoutWarnings();
        Set<String> networks = Set.of("com.example.Base", "com.example.Net");
        Set<String> blocks = Set.of("com.example.Pair", "com.example.Unused");
        for (String name : reads.typeElements) {
            assertWithMessage(name).that(isNetcosts(name) || name.equals("javax.annotation.processing.Generated")
                    || networks.contains(name) || blocks.contains(name)).isTrue();
        }
        assertThat(reads.typeElements).containsAtLeastElementsIn(networks);
        assertThat(reads.typeElements).containsAtLeast("dev.netcost.Conv", "dev.netcost.Block");
        assertThat(reads.typeElements).doesNotContain("com.example.Unrelated");
        for (String annotation : reads.annotatedWith) {
            assertWithMessage(annotation).that(isNetcosts(annotation) || blocks.contains(annotation)).isTrue();
        }
        assertThat(reads.annotatedWith).containsAtLeast("dev.netcost.Network", "dev.netcost.Block");
        assertThat(reads.onRootElements).containsExactly("getQualifiedName");
    }

    /** A type of netcost's DSL: {@code dev.netcost.X}. */
    private static boolean isNetcosts(String name) {
        return name.startsWith("dev.netcost.") && name.indexOf('.', "dev.netcost.".length()) < 0;
    }

    /**
     * A network's files are the same, byte for byte, whatever else is compiled with it: another
     * network, a block it does not use, an unrelated class, or a change to any of them. They change
     * with the block it uses, so the comparison can fail.
     */
    @Test
    void aNetworksFilesDependOnNothingItDoesNotName() {
        Map<String, String> alone = netsFiles(BASE, BLOCK, NET);
        assertThat(alone.keySet()).containsExactly("/SOURCE_OUTPUT/com/example/NetCost.java",
                "/CLASS_OUTPUT/META-INF/netcost/com.example.Net.json", "/CLASS_OUTPUT/META-INF/netcost/com.example.Net.md",
                "/CLASS_OUTPUT/META-INF/netcost/com.example.Net.dot");
        assertThat(netsFiles(BASE, BLOCK, NET, UNRELATED, UNUSED_BLOCK, OTHER)).isEqualTo(alone);
        NetworkSource unusedChanged = NetworkSource.of(UNUSED_BLOCK.qualifiedName(),
                UNUSED_BLOCK.text().replace("out = 7", "out = 9"));
        NetworkSource otherChanged = NetworkSource.of(OTHER.qualifiedName(), OTHER.text().replace("out = 4", "out = 5"));
        assertThat(netsFiles(BASE, BLOCK, NET, UNRELATED, unusedChanged, otherChanged)).isEqualTo(alone);

        NetworkSource blockChanged = NetworkSource.of(BLOCK.qualifiedName(), BLOCK.text().replace(
                "kernel = 3, padding = 1", "kernel = 1"));
        Map<String, String> changed = netsFiles(BASE, blockChanged, NET);
        assertThat(changed.keySet()).isEqualTo(alone.keySet());
        for (String name : alone.keySet()) {
            assertWithMessage(name).that(changed.get(name)).isNotEqualTo(alone.get(name));
        }
    }

    /** Net's companion and reports, by location and name, from compiling {@code sources}. */
    private static Map<String, String> netsFiles(NetworkSource... sources) {
        Compilation compilation = Compilations.compile(sources);
        assertThat(compilation).succeededWithoutWarnings();
        Map<String, String> files = new TreeMap<>();
        for (JavaFileObject file : compilation.generatedFiles()) {
            String name = file.toUri().getPath();
            if (file.getKind() != JavaFileObject.Kind.CLASS && (name.contains("/NetCost.") || name.contains(".Net."))) {
                try {
                    files.put(name, file.getCharContent(true).toString());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return files;
    }

    /**
     * What Gradle's isolating mode rests on for blocks: Gradle recompiles the classes whose class
     * files refer to a changed class, and a network's class file names the block annotations on
     * its fields, because netcost's annotations and a {@code @Block}'s default retention are
     * {@code CLASS}. The superclass is named there too, as any superclass is.
     */
    @Test
    void aNetworksClassFileNamesTheBlocksItUses() throws IOException {
        Compilation compilation = Compilations.compile(BASE, BLOCK, NET);
        JavaFileObject netClass = compilation.generatedFile(StandardLocation.CLASS_OUTPUT, "com/example/Net.class")
                .orElseThrow();
        String constantPool;
        try (java.io.InputStream in = netClass.openInputStream()) {
            constantPool = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
        assertThat(constantPool).contains("Lcom/example/Pair;");
        assertThat(constantPool).contains("com/example/Base");
        for (Class<?> annotation : List.of(dev.netcost.Network.class, dev.netcost.Conv.class, dev.netcost.Block.class,
                dev.netcost.With.class)) {
            assertThat(annotation.getAnnotation(java.lang.annotation.Retention.class).value())
                    .isEqualTo(java.lang.annotation.RetentionPolicy.CLASS);
        }
    }

    /** Runs a processor with a Filer that records what is created, then lets the real Filer create it. */
    static final class RecordingProcessor implements Processor {
        private final Processor delegate;
        private final List<Created> created;
        private final Reads reads;

        RecordingProcessor(Processor delegate, List<Created> created) {
            this(delegate, created, new Reads());
        }

        RecordingProcessor(Processor delegate, List<Created> created, Reads reads) {
            this.delegate = delegate;
            this.created = created;
            this.reads = reads;
        }

        @Override
        public void init(ProcessingEnvironment env) {
            Filer filer = env.getFiler();
            Filer recording = proxy(Filer.class, (method, args) -> {
                if (method.getName().equals("createSourceFile") || method.getName().equals("createResource")) {
                    boolean source = method.getName().equals("createSourceFile");
                    List<String> origins = new ArrayList<>();
                    for (Element e : (Element[]) args[source ? 1 : 3]) {
                        origins.add(((TypeElement) e).getQualifiedName().toString());
                    }
                    created.add(new Created(source ? args[0].toString() : args[2].toString(), origins));
                }
                return method.invoke(filer, args);
            });
            Elements elements = env.getElementUtils();
            Elements recordingElements = proxy(Elements.class, (method, args) -> {
                if (method.getName().equals("getTypeElement")) {
                    reads.typeElements.add(args[args.length - 1].toString());
                }
                return method.invoke(elements, args);
            });
            // A proxy is not javac's own environment, so netcost runs here without javac's source
            // trees, as on another compiler: what it finds there (local classes, misspelt
            // annotations) are errors only, and write no file.
            delegate.init(proxy(ProcessingEnvironment.class, (method, args) -> switch (method.getName()) {
                case "getFiler" -> recording;
                case "getElementUtils" -> recordingElements;
                default -> method.invoke(env, args);
            }));
        }

        @Override
        public Set<String> getSupportedOptions() {
            return delegate.getSupportedOptions();
        }

        @Override
        public Set<String> getSupportedAnnotationTypes() {
            return delegate.getSupportedAnnotationTypes();
        }

        @Override
        public SourceVersion getSupportedSourceVersion() {
            return delegate.getSupportedSourceVersion();
        }

        @Override
        public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
            return delegate.process(annotations, proxy(RoundEnvironment.class, (method, args) -> {
                switch (method.getName()) {
                    case "getElementsAnnotatedWith" -> reads.annotatedWith.add(args[0] instanceof Class<?> c
                            ? c.getCanonicalName() : ((TypeElement) args[0]).getQualifiedName().toString());
                    case "getRootElements" -> {
                        Set<Element> roots = new LinkedHashSet<>();
                        for (Element root : round.getRootElements()) {
                            roots.add(root instanceof TypeElement type ? recordingType(type) : root);
                        }
                        return roots;
                    }
                    default -> { }
                }
                return method.invoke(round, args);
            }));
        }

        /** A root element that records which of its methods are called. */
        private TypeElement recordingType(TypeElement type) {
            return proxy(TypeElement.class, (method, args) -> {
                if (method.getDeclaringClass() != Object.class) { // hashCode: the set holding it
                    reads.onRootElements.add(method.getName());
                }
                return method.invoke(type, args);
            });
        }

        @Override
        public Iterable<? extends Completion> getCompletions(Element element, AnnotationMirror annotation,
                ExecutableElement member, String userText) {
            return delegate.getCompletions(element, annotation, member, userText);
        }
    }

    private interface Call {
        Object invoke(java.lang.reflect.Method method, Object[] args) throws Exception;
    }

    private static <T> T proxy(Class<T> type, Call call) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (p, method, args) -> {
            try {
                return call.invoke(method, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }));
    }
}
