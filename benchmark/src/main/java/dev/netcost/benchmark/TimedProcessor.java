package dev.netcost.benchmark;

import java.lang.management.ManagementFactory;
import java.util.Set;
import javax.annotation.processing.Completion;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/**
 * A processor's own share of a compile: the time spent in its {@code init} and {@code process}
 * and the bytes it allocated there. javac calls processors on the compiling thread, so the
 * thread's allocation counter sees exactly what the processor allocates.
 */
final class TimedProcessor implements Processor {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private final Processor delegate;
    private long nanos;
    private long allocatedBytes;

    TimedProcessor(Processor delegate) {
        this.delegate = delegate;
    }

    long nanos() {
        return nanos;
    }

    long allocatedBytes() {
        return allocatedBytes;
    }

    @Override
    public void init(ProcessingEnvironment env) {
        long bytes = THREADS.getCurrentThreadAllocatedBytes();
        long start = System.nanoTime();
        delegate.init(env);
        nanos += System.nanoTime() - start;
        allocatedBytes += THREADS.getCurrentThreadAllocatedBytes() - bytes;
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        long bytes = THREADS.getCurrentThreadAllocatedBytes();
        long start = System.nanoTime();
        try {
            return delegate.process(annotations, round);
        } finally {
            nanos += System.nanoTime() - start;
            allocatedBytes += THREADS.getCurrentThreadAllocatedBytes() - bytes;
        }
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
    public Iterable<? extends Completion> getCompletions(Element element, AnnotationMirror annotation,
            ExecutableElement member, String userText) {
        return delegate.getCompletions(element, annotation, member, userText);
    }
}
