package dev.netcost.processor.read;

import static dev.netcost.processor.model.Attr.BIAS;
import static dev.netcost.processor.model.Attr.CEIL_MODE;
import static dev.netcost.processor.model.Attr.DILATION;
import static dev.netcost.processor.model.Attr.GROUPS;
import static dev.netcost.processor.model.Attr.KERNEL;
import static dev.netcost.processor.model.Attr.OUT;
import static dev.netcost.processor.model.Attr.OUTPUT;
import static dev.netcost.processor.model.Attr.OUTPUT_PADDING;
import static dev.netcost.processor.model.Attr.P;
import static dev.netcost.processor.model.Attr.PADDING;
import static dev.netcost.processor.model.Attr.STRIDE;

import dev.netcost.processor.model.Activation;
import dev.netcost.processor.model.AdaptiveAvgPool;
import dev.netcost.processor.model.AvgPool;
import dev.netcost.processor.model.BatchNorm;
import dev.netcost.processor.model.Conv;
import dev.netcost.processor.model.ConvTranspose;
import dev.netcost.processor.model.Dropout;
import dev.netcost.processor.model.Flatten;
import dev.netcost.processor.model.GlobalAvgPool;
import dev.netcost.processor.model.Linear;
import dev.netcost.processor.model.MaxPool;
import dev.netcost.processor.model.Op;
import dev.netcost.processor.model.PoolWindow;
import dev.netcost.processor.model.Softmax;
import java.lang.annotation.Annotation;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Every layer annotation and how its values become an {@link Op}. Adding an op adds one line here.
 */
public final class LayerAnnotations {
    private static final Map<String, Function<AnnotationValues, Op>> READERS = new LinkedHashMap<>();

    static {
        add(dev.netcost.Conv.class, v -> new Conv(v.integer(OUT), v.ints(KERNEL), v.ints(STRIDE), v.ints(PADDING),
                v.ints(DILATION), v.integer(GROUPS), v.bool(BIAS)));
        add(dev.netcost.ConvTranspose.class, v -> new ConvTranspose(v.integer(OUT), v.ints(KERNEL), v.ints(STRIDE),
                v.ints(PADDING), v.ints(OUTPUT_PADDING), v.ints(DILATION), v.integer(GROUPS), v.bool(BIAS)));
        add(dev.netcost.Linear.class, v -> new Linear(v.integer(OUT), v.bool(BIAS)));
        add(dev.netcost.MaxPool.class, v -> new MaxPool(new PoolWindow(v.ints(KERNEL), v.ints(STRIDE),
                v.ints(PADDING), v.ints(DILATION), v.bool(CEIL_MODE))));
        add(dev.netcost.AvgPool.class, v -> AvgPool.of(v.ints(KERNEL), v.ints(STRIDE), v.ints(PADDING),
                v.bool(CEIL_MODE)));
        add(dev.netcost.AdaptiveAvgPool.class, v -> new AdaptiveAvgPool(v.ints(OUTPUT)));
        add(dev.netcost.GlobalAvgPool.class, v -> new GlobalAvgPool());
        add(dev.netcost.BatchNorm.class, v -> new BatchNorm());
        add(dev.netcost.ReLU.class, v -> new Activation(Activation.Kind.RELU));
        add(dev.netcost.ReLU6.class, v -> new Activation(Activation.Kind.RELU6));
        add(dev.netcost.Sigmoid.class, v -> new Activation(Activation.Kind.SIGMOID));
        add(dev.netcost.Tanh.class, v -> new Activation(Activation.Kind.TANH));
        add(dev.netcost.SiLU.class, v -> new Activation(Activation.Kind.SILU));
        add(dev.netcost.GELU.class, v -> new Activation(Activation.Kind.GELU));
        add(dev.netcost.Softmax.class, v -> new Softmax());
        add(dev.netcost.Dropout.class, v -> new Dropout(v.real(P)));
        add(dev.netcost.Flatten.class, v -> new Flatten());
    }

    private LayerAnnotations() {}

    private static void add(Class<? extends Annotation> annotation, Function<AnnotationValues, Op> reader) {
        READERS.put(annotation.getCanonicalName(), reader);
    }

    /** The qualified names of every layer annotation, in a fixed order. */
    public static Set<String> names() {
        return Collections.unmodifiableSet(READERS.keySet());
    }

    static boolean isLayerAnnotation(String qualifiedName) {
        return READERS.containsKey(qualifiedName);
    }

    static Op read(String qualifiedName, AnnotationValues values) {
        return READERS.get(qualifiedName).apply(values);
    }
}
