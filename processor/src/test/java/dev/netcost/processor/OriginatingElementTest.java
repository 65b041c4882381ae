package dev.netcost.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
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
import org.junit.jupiter.api.Test;

/**
 * Every file netcost writes names exactly one originating element, the network class: what
 * Gradle needs to treat an annotation processor as isolating.
 */
class OriginatingElementTest {
    /** A file the processor asked the Filer for, with the elements it named as its origin. */
    record Created(String name, List<String> originatingElements) {}

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

    /** Runs a processor with a Filer that records what is created, then lets the real Filer create it. */
    private static final class RecordingProcessor implements Processor {
        private final Processor delegate;
        private final List<Created> created;

        RecordingProcessor(Processor delegate, List<Created> created) {
            this.delegate = delegate;
            this.created = created;
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
            delegate.init(proxy(ProcessingEnvironment.class, (method, args) ->
                    method.getName().equals("getFiler") ? recording : method.invoke(env, args)));
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
            return delegate.process(annotations, round);
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
