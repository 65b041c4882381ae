package dev.netcost.processor.read;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.netcost.processor.model.Attr;
import dev.netcost.processor.model.OpKind;
import java.io.IOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Target;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The registry of ops ({@link OpKind}) against the DSL and the docs, so that an op added in one
 * place and forgotten in another fails here, not silently in a user's build: every annotation of
 * {@code dev.netcost} that goes on a field is an op, a modifier or a block's marker; each op's
 * attributes are ones netcost knows; each op has its row in the README's DSL table, with its
 * required attributes starred, and in the cost model.
 */
public class OpRegistryTest {
    /** What javac sees of the DSL: each op's signature, and the field annotations of {@code dev.netcost}. */
    private static final Map<OpKind, OpSignature> SIGNATURES = new EnumMap<>(OpKind.class);
    private static final Set<String> FIELD_ANNOTATIONS = new TreeSet<>();

    /** Reads the DSL through javac, from the class files on the class path, as users' builds do. */
    @BeforeAll
    static void readTheDslAsJavacSeesIt() {
        Compilation compilation = javac().withProcessors(new AbstractProcessor() {
            @Override
            public Set<String> getSupportedAnnotationTypes() {
                return Set.of("*");
            }

            @Override
            public SourceVersion getSupportedSourceVersion() {
                return SourceVersion.latestSupported();
            }

            @Override
            public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
                if (round.processingOver()) {
                    return false;
                }
                OpSignatures signatures = new OpSignatures(processingEnv.getElementUtils());
                for (OpKind kind : OpKind.values()) {
                    SIGNATURES.put(kind, signatures.of(kind));
                }
                for (Element e : processingEnv.getElementUtils().getPackageElement("dev.netcost").getEnclosedElements()) {
                    Target target = e.getAnnotation(Target.class);
                    if (e.getKind() == ElementKind.ANNOTATION_TYPE && target != null
                            && Arrays.asList(target.value()).contains(ElementType.FIELD)) {
                        FIELD_ANNOTATIONS.add(((TypeElement) e).getQualifiedName().toString());
                    }
                }
                return false;
            }
        }).compile(JavaFileObjects.forSourceString("Empty", "class Empty {}"));
        assertThat(compilation).succeeded();
    }

    @Test
    void everyFieldAnnotationOfTheDslIsAnOpOrAModifier() {
        Set<String> known = new TreeSet<>(LayerAnnotations.names());
        known.addAll(LayerAnnotations.MODIFIERS);
        known.add(LayerAnnotations.INPUT); // declares a tensor, not a layer
        assertThat(FIELD_ANNOTATIONS).isNotEmpty();
        assertThat(FIELD_ANNOTATIONS).containsExactlyElementsIn(known);
    }

    @Test
    void everyOpIsRegisteredOnceByItsOwnAnnotation() {
        Set<Class<?>> annotations = new java.util.HashSet<>();
        for (OpKind kind : OpKind.values()) {
            // The registry names its annotation rather than loading it: the name must be a layer
            // annotation's, and its own.
            Class<?> annotation = annotationOf(kind);
            assertThat(annotation.isAnnotation()).isTrue();
            assertThat(annotations.add(annotation)).isTrue();
            assertThat(annotation.getPackageName()).isEqualTo("dev.netcost");
            assertThat(annotation.getSimpleName()).isEqualTo(kind.annotationName());
        }
    }

    /** A sample of what the annotations say, written out by hand, so the reading itself is checked. */
    @Test
    void signaturesComeFromTheAnnotations() {
        OpSignature conv = SIGNATURES.get(OpKind.CONV);
        assertThat(conv.attrs()).containsExactly(Attr.OUT, Attr.KERNEL, Attr.STRIDE, Attr.PADDING, Attr.AUTO_PAD,
                Attr.DILATION, Attr.GROUPS, Attr.BIAS).inOrder();
        assertThat(conv.required()).containsExactly(Attr.OUT, Attr.KERNEL).inOrder();
        OpSignature attention = SIGNATURES.get(OpKind.MULTI_HEAD_ATTENTION);
        assertThat(attention.attrs()).containsExactly(Attr.HEADS, Attr.KV_HEADS, Attr.BIAS, Attr.QUERY_BIAS,
                Attr.KEY_BIAS, Attr.VALUE_BIAS, Attr.OUT_BIAS, Attr.CAUSAL, Attr.ROTARY).inOrder();
        assertThat(attention.required()).containsExactly(Attr.HEADS);
        OpSignature cross = SIGNATURES.get(OpKind.CROSS_ATTENTION);
        assertThat(cross.attrs()).containsExactly(Attr.HEADS, Attr.KV_HEADS, Attr.MEMORY, Attr.KEY_WIDTH, Attr.BIAS,
                Attr.QUERY_BIAS, Attr.KEY_BIAS, Attr.VALUE_BIAS, Attr.OUT_BIAS).inOrder();
        assertThat(cross.required()).containsExactly(Attr.HEADS, Attr.MEMORY).inOrder(); // memory: a name, Kind.TENSOR
        assertThat(SIGNATURES.get(OpKind.ADD).attrs()).isEmpty(); // value() names the inputs
        assertThat(SIGNATURES.get(OpKind.DROPOUT).attrs()).containsExactly(Attr.P);
        assertThat(SIGNATURES.get(OpKind.DROPOUT).required()).isEmpty();
        assertThat(SIGNATURES.get(OpKind.GELU).attrs()).containsExactly(Attr.APPROXIMATE); // an enum: a choice
        assertThat(SIGNATURES.get(OpKind.GROUP_NORM).attrs()).containsExactly(Attr.GROUPS, Attr.AFFINE).inOrder();
        assertThat(SIGNATURES.get(OpKind.GROUP_NORM).required()).containsExactly(Attr.GROUPS);
        assertThat(SIGNATURES.get(OpKind.LSTM).attrs()).containsExactly(Attr.HIDDEN, Attr.LAYERS, Attr.BIDIRECTIONAL,
                Attr.BIAS, Attr.PROJ_SIZE, Attr.DROPOUT).inOrder();
        assertThat(SIGNATURES.get(OpKind.LSTM).required()).containsExactly(Attr.HIDDEN);
        assertThat(SIGNATURES.get(OpKind.RNN).attrs()).contains(Attr.NONLINEARITY); // an enum: a choice
        assertThat(SIGNATURES.get(OpKind.FINAL_STATE).attrs()).containsExactly(Attr.CELL); // value() names the input
    }

    /** The README's DSL table has a row for every op, and stars exactly the required attributes. */
    @Test
    void theReadmeDescribesEveryOp() throws IOException {
        String table = section(Files.readString(Path.of("..", "README.md")), "## The DSL");
        table = table.substring(0, table.indexOf("\nModifiers,"));
        for (OpKind kind : OpKind.values()) {
            String row = rowNaming(table, "@" + kind.annotationName());
            List<String> starred = new ArrayList<>();
            Matcher star = Pattern.compile("`(\\w+)`\\\\\\*").matcher(row.substring(row.indexOf(" | ") + 3));
            while (star.find()) {
                starred.add(star.group(1));
            }
            List<String> required = SIGNATURES.get(kind).required().stream().map(Attr::javaName).toList();
            assertWithMessage(kind.annotationName()).that(starred).containsExactlyElementsIn(required);
            for (Attr attr : SIGNATURES.get(kind).attrs()) {
                assertWithMessage(kind.annotationName()).that(row).contains("`" + attr.javaName() + "`");
            }
        }
    }

    /** The cost model's table of ops names every op's annotation. */
    @Test
    void theCostModelCostsEveryOp() throws IOException {
        String model = Files.readString(Path.of("..", "docs", "cost-model.md"));
        for (OpKind kind : OpKind.values()) {
            assertWithMessage("docs/cost-model.md").that(model).contains("`@" + kind.annotationName() + "`");
        }
    }

    private static String section(String text, String heading) {
        String rest = text.substring(text.indexOf(heading));
        return rest.substring(0, rest.indexOf("\n## ", 1));
    }

    /** The one table row whose first cell names {@code annotation} (alone or in a list). */
    private static String rowNaming(String table, String annotation) {
        Matcher row = Pattern.compile("^\\| ([^|]*) \\|.*$", Pattern.MULTILINE).matcher(table);
        String found = null;
        while (row.find()) {
            if (Pattern.compile("`" + Pattern.quote(annotation) + "[`(]").matcher(row.group(1)).find()) {
                assertWithMessage("a second row for " + annotation).that(found).isNull();
                found = row.group();
            }
        }
        assertWithMessage("the README's row for " + annotation).that(found).isNotNull();
        return found;
    }

    @Test
    void everyAnnotationNamedByNameIsOneOfTheDsl() throws Exception {
        int named = 0;
        for (java.lang.reflect.Field field : LayerAnnotations.class.getDeclaredFields()) {
            if (field.getType() == String.class && java.lang.reflect.Modifier.isStatic(field.getModifiers())
                    && !field.getName().equals("PACKAGE")) {
                field.setAccessible(true);
                String name = (String) field.get(null);
                assertWithMessage(field.getName()).that(Class.forName(name).isAnnotation()).isTrue();
                assertWithMessage(field.getName()).that(Class.forName(name).getCanonicalName()).isEqualTo(name);
                named++;
            }
        }
        assertThat(named).isAtLeast(17);
    }

    /** The annotation class {@code kind} names. */
    public static Class<?> annotationOf(OpKind kind) {
        try {
            return Class.forName(kind.qualifiedName());
        } catch (ClassNotFoundException e) {
            throw new AssertionError("@" + kind.annotationName() + " is no class of dev.netcost", e);
        }
    }
}
