package dev.netcost.processor.read;

import dev.netcost.InputKind;
import dev.netcost.Layer;
import dev.netcost.processor.model.Attr;
import dev.netcost.processor.model.AttrValue;
import dev.netcost.processor.model.AttrValues;
import dev.netcost.processor.model.BlockDecl;
import dev.netcost.processor.model.BlockUse;
import dev.netcost.processor.model.InputDecl;
import dev.netcost.processor.model.LayerDecl;
import dev.netcost.processor.model.NodeDecl;
import dev.netcost.processor.model.OpKind;
import dev.netcost.processor.model.OpTemplate;
import dev.netcost.processor.model.TensorName;
import dev.netcost.processor.model.ParamDecl;
import dev.netcost.processor.model.Routing;
import dev.netcost.processor.model.TrainingMarks;
import dev.netcost.processor.model.Message;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Reads the layer fields of a network class or of a block's {@code Layers} class, and every
 * block they use, once each. Problems that a declaration shows by itself (a missing attribute,
 * an expression that does not parse, a block that contains itself) are found here and placed
 * on the declaration; problems that need shapes or parameter values are the inference stage's.
 */
final class FieldReader {
    /** The fields read from one class. */
    record Fields(List<NodeDecl> nodes, boolean anyAnnotated) {}

    private final Elements elements;
    private final Types types;
    private final SourceMap sources;
    private final TypeMirror layerType;
    private final List<LocatedProblem> problems = new ArrayList<>();
    private final Map<String, BlockDecl> blocks = new LinkedHashMap<>();
    private final Set<String> failedBlocks = new HashSet<>();
    private final Deque<String> reading = new ArrayDeque<>();
    private final List<String> outputs = new ArrayList<>();
    private final OpSignatures signatures;
    private final List<Unresolved> unresolved = new ArrayList<>();

    private final UnresolvedAnnotations misspelt;
    private final UserOpFields userOps;

    FieldReader(Elements elements, Types types, SourceMap sources, OpSignatures signatures,
            UnresolvedAnnotations misspelt, UserOps userOps) {
        this.elements = elements;
        this.types = types;
        this.sources = sources;
        this.signatures = signatures;
        this.misspelt = misspelt;
        this.userOps = new UserOpFields(userOps, problems);
        this.layerType = elements.getTypeElement(Layer.class.getCanonicalName()).asType();
    }

    List<LocatedProblem> problems() {
        return problems;
    }

    Map<String, BlockDecl> blocks() {
        return blocks;
    }

    /** The network's fields marked {@code @Output}, in declaration order. */
    List<String> outputs() {
        return outputs;
    }

    /** What javac could not resolve; javac reports each itself. */
    List<Unresolved> unresolved() {
        return unresolved;
    }

    /**
     * Reads the fields of {@code owner} in declaration order.
     *
     * @param fieldSources receives each node's source, in the nodes' order
     * @param nodes        receives the nodes; a network's inherited fields may already be there
     */
    Fields read(TypeElement owner, List<SourceMap.Field> fieldSources, List<NodeDecl> nodes) {
        boolean anyAnnotated = false;
        UnresolvedAnnotations.InClass written = null; // read from the source only when a field needs it
        for (Element member : owner.getEnclosedElements()) {
            if (member.getKind() != ElementKind.FIELD) {
                continue;
            }
            VariableElement field = (VariableElement) member;
            List<AnnotationMirror> mains = new ArrayList<>();
            List<AnnotationMirror> modifiers = new ArrayList<>();
            String name = field.getSimpleName().toString();
            Optional<String> unknown = Optional.empty();
            for (AnnotationMirror mirror : field.getAnnotationMirrors()) {
                String annotation = NetworkReader.qualifiedName(mirror);
                if (mirror.getAnnotationType().getKind() == TypeKind.ERROR) {
                    unknown = Optional.of(mirror.getAnnotationType().toString()); // a newer javac (25) keeps it, as an error type
                } else if (LayerAnnotations.isLayerAnnotation(annotation) || isBlock(mirror) || UserOps.isUserOp(mirror)
                        || annotation.equals(LayerAnnotations.INPUT)) {
                    mains.add(mirror);
                } else if (LayerAnnotations.MODIFIERS.contains(annotation)) {
                    modifiers.add(mirror);
                } else if (annotation.startsWith(LayerAnnotations.PACKAGE)
                        && annotation.indexOf('.', LayerAnnotations.PACKAGE.length()) < 0) {
                    // Never drop a layer silently: an annotation of the DSL that the registry lacks
                    // is a processor older than its DSL, or a bug that OpRegistryTest should have caught.
                    throw new IllegalStateException(name + ": netcost does not know " + annotation + "; is the"
                            + " netcost processor the same version as the netcost annotations?");
                }
            }
            if (types.isSameType(field.asType(), layerType)) {
                // @Cnov on a Layer field: javac reports it. Reading on would drop a layer the user
                // meant and report false shape errors on the layers after it.
                if (unknown.isEmpty()) {
                    if (written == null) {
                        written = misspelt.in(owner);
                    }
                    unknown = written.on(field); // javac 17 drops it from the mirrors
                }
                if (unknown.isPresent()) {
                    unresolved.add(new Unresolved(name, "the annotation @" + unknown.get()));
                    anyAnnotated = true;
                    continue;
                }
            }
            if (mains.isEmpty()) {
                if (!modifiers.isEmpty()) {
                    problem(Message.MODIFIER_WITHOUT_LAYER, at(field, modifiers.get(0)), name,
                            NetworkReader.simpleName(modifiers.get(0)));
                }
                continue;
            }
            anyAnnotated = true;
            AnnotationMirror main = mains.get(0);
            if (field.asType().getKind() == TypeKind.ERROR) {
                unresolved.add(new Unresolved(name, "the type " + field.asType())); // javac reports it
                continue;
            }
            if (!types.isSameType(field.asType(), layerType)) {
                problem(Message.LAYER_FIELD_TYPE, at(field, main), name, field.asType());
                continue;
            }
            if (mains.size() > 1) {
                List<String> names = new ArrayList<>();
                for (AnnotationMirror m : mains) {
                    names.add(NetworkReader.simpleName(m));
                }
                problem(Message.TWO_LAYER_ANNOTATIONS, at(field, mains.get(1)), name, String.join(" and ", names),
                        NetworkReader.simpleName(mains.get(1)));
                continue;
            }
            if (name.equals(NodeDecl.INPUT)) {
                problem(Message.INPUT_AS_FIELD_NAME, at(field, main));
                continue;
            }
            try {
                SourceMap.Field source = new SourceMap.Field(field, annotated(main), modifier(field, LayerAnnotations.WITH),
                        modifier(field, LayerAnnotations.FROM), modifier(field, LayerAnnotations.IF),
                        modifier(field, LayerAnnotations.REPEAT), modifier(field, LayerAnnotations.TIED),
                        modifier(field, LayerAnnotations.TRAINING_ONLY), modifier(field, LayerAnnotations.OUTPUT),
                        modifier(field, LayerAnnotations.EXPERTS), modifier(field, LayerAnnotations.FROZEN),
                        modifier(field, LayerAnnotations.CHECKPOINT));
                Optional<NodeDecl> node = node(nodes.size(), name, source);
                if (node.isEmpty()) {
                    continue;
                }
                if (source.output().isPresent()) {
                    output(node.get(), source);
                }
                nodes.add(node.get());
                fieldSources.add(source);
            } catch (UnreadableValueException e) {
                unresolved.add(new Unresolved(name, "the value of " + e.element()));
            }
        }
        return new Fields(nodes, anyAnnotated);
    }

    /**
     * Notes {@code node}, marked {@code @Output}, as an output of the network, or reports why it cannot
     * be one: in a block, whose output is its last field's, on an input, which
     * nothing produces, or on a field that runs only in training, which nothing produces at inference.
     */
    private void output(NodeDecl node, SourceMap.Field source) {
        SourceLocation where = source.at(Optional.of(Attr.OUTPUT_MARK), Optional.empty());
        if (!reading.isEmpty()) {
            problem(Message.OUTPUT_IN_BLOCK, where, node.name(), simple(reading.peek()));
            return;
        }
        if (node instanceof InputDecl) {
            problem(Message.OUTPUT_OF_INPUT, where, node.name());
            return;
        }
        if (node.trainingOnly()) {
            problem(Message.OUTPUT_TRAINING_ONLY, where, node.name());
            return;
        }
        outputs.add(node.name());
    }

    /** One field as a layer, a block use or an input; empty, with a problem, when it cannot be read. */
    private Optional<NodeDecl> node(int index, String name, SourceMap.Field source) {
        if (NetworkReader.qualifiedName(source.main().mirror()).equals(LayerAnnotations.INPUT)) {
            return input(index, name, source);
        }
        Optional<AttrValue.Expression> condition = Optional.empty();
        if (source.condition().isPresent()) {
            SourceMap.Annotated ifAnnotation = source.condition().get();
            String text = ifAnnotation.values().string("value");
            Optional<AttrValue.Expression> parsed = parse(text, source, Attr.CONDITION, name + ": @If");
            if (parsed.isEmpty()) {
                return Optional.empty();
            }
            condition = parsed;
        }
        Optional<Map<String, String>> with = WithArgs.entries(name, source, problems);
        if (with.isEmpty()) {
            return Optional.empty();
        }
        Optional<OpKind> kind = LayerAnnotations.kind(NetworkReader.qualifiedName(source.main().mirror()));
        if (kind.isPresent()) {
            return layer(index, name, signatures.of(kind.get()), source, with.get(), condition);
        }
        if (UserOps.isUserOp(source.main().mirror())) {
            return userOps.layer(index, name, source, with.get(), condition);
        }
        return blockUse(index, name, source, with.get(), condition);
    }

    /**
     * An {@code @Input} field: a network's only, and with no modifier but {@code @Output} (reported
     * by the caller), since it reads nothing and computes nothing.
     */
    private Optional<NodeDecl> input(int index, String name, SourceMap.Field source) {
        if (!reading.isEmpty()) {
            problem(Message.INPUT_IN_BLOCK, source.at(Optional.empty(), Optional.empty()), name,
                    simple(reading.peek()));
            return Optional.empty();
        }
        // A modifier is reported, and the input kept, so that no layer that reads it reports it unknown.
        for (SourceMap.Annotated modifier : source.modifiers()) {
            problem(Message.MODIFIER_ON_INPUT, new SourceLocation(source.element(), modifier.mirror(),
                    Optional.empty()), name, NetworkReader.simpleName(modifier.mirror()));
        }
        AnnotationValues values = source.main().values();
        List<Integer> shape = values.ints(Attr.SHAPE);
        InputKind kind = InputKind.valueOf(values.choice(Attr.KIND));
        return Optional.of(new InputDecl(index, name, shape, kind));
    }

    private Optional<NodeDecl> layer(int index, String name, OpSignature op, SourceMap.Field source,
            Map<String, String> with, Optional<AttrValue.Expression> condition) {
        OpKind kind = op.kind();
        String annotation = op.annotation();
        if (source.repeat().isPresent()) {
            problem(Message.REPEAT_ON_LAYER, source.at(Optional.of(Attr.REPEAT), Optional.empty()), name, annotation);
            return Optional.empty();
        }
        if (source.checkpoint().isPresent()) {
            problem(Message.CHECKPOINT_ON_LAYER, source.at(Optional.of(Attr.CHECKPOINT), Optional.empty()), name,
                    annotation);
        }
        if (source.experts().isPresent()) {
            problem(Message.EXPERTS_ON_LAYER, source.at(Optional.of(Attr.MIXTURE), Optional.empty()), name, annotation);
            return Optional.empty();
        }
        AnnotationValues values = source.main().values();
        Optional<String> tied = source.tied().isPresent()
                ? Optional.of(source.tied().get().values().string("value")) : Optional.empty();
        List<String> inputs = new ArrayList<>();
        if (kind.isMerge()) {
            if (source.from().isPresent()) {
                problem(Message.MERGE_WITH_FROM, source.at(Optional.of(Attr.FROM), Optional.empty()), name,
                        annotation);
                return Optional.empty();
            }
            inputs.addAll(values.strings("value"));
        } else if (kind == OpKind.FINAL_STATE) {
            // It reads the recurrent layer it names, as @From would: so the name is resolved, placed and
            // kept alive as @From's is, and the field above is not read.
            if (source.from().isPresent()) {
                problem(Message.FINAL_STATE_WITH_FROM, source.at(Optional.of(Attr.FROM), Optional.empty()), name,
                        source.from().get().values().string("value"));
                return Optional.empty();
            }
            inputs.add(values.string("value"));
        } else if (source.from().isPresent()) {
            inputs.add(source.from().get().values().string("value"));
        }

        boolean ok = true;
        Map<Attr, AttrValue> attrValues = new LinkedHashMap<>();
        for (Map.Entry<String, String> entry : with.entrySet()) {
            Optional<Attr> attr = op.attr(entry.getKey());
            SourceLocation where = source.at(attr, attr.isPresent() ? Optional.empty() : Optional.of(entry.getKey()));
            if (attr.isEmpty()) {
                if (op.attrs().isEmpty()) {
                    problem(Message.LAYER_HAS_NO_ATTRIBUTES, where, name, annotation);
                } else {
                    problem(Message.NO_SUCH_ATTRIBUTE, where, name, annotation, entry.getKey(),
                            javaNames(op.attrs()));
                }
                ok = false;
            } else if (attr.get().kind() == Attr.Kind.REAL || attr.get().kind() == Attr.Kind.CHOICE
                    || attr.get().kind() == Attr.Kind.TENSOR) {
                problem(Message.CONSTANT_ONLY, where, name, attr.get().javaName(), annotation);
                ok = false;
            } else if (values.written(attr.get()).isPresent()) {
                problem(Message.ATTRIBUTE_GIVEN_TWICE, where, name, attr.get().javaName(), annotation);
                ok = false;
            } else {
                Optional<AttrValue.Expression> expression = WithArgs.parse(entry.getValue(),
                        source.at(attr, Optional.empty()), name + ": " + attr.get().javaName(), problems, true);
                if (expression.isEmpty()) {
                    ok = false;
                } else {
                    attrValues.put(attr.get(), expression.get());
                }
            }
        }
        for (Attr attr : op.required()) {
            if (values.written(attr).isEmpty() && !with.containsKey(attr.javaName())) {
                // A name (like) cannot come from @With, so the message does not offer it.
                problem(attr.kind() == Attr.Kind.TENSOR ? Message.CONSTANT_MISSING : Message.ATTRIBUTE_MISSING,
                        source.at(Optional.empty(), Optional.empty()), name, annotation, attr.javaName());
                ok = false;
            }
        }
        if (!ok) {
            return Optional.empty();
        }
        Map<Attr, Object> constants = new LinkedHashMap<>();
        for (Attr attr : op.attrs()) {
            if (!attrValues.containsKey(attr)) {
                Object constant = constant(values, attr);
                constants.put(attr, constant);
                attrValues.put(attr, new AttrValue.Constant(constant));
            }
        }
        OpTemplate template = constants.size() == op.attrs().size()
                ? new OpTemplate.Fixed(kind.build(new AttrValues(constants)))
                : new OpTemplate.Parameterized(kind, attrValues);
        // A tensor named by an attribute (like, memory) is read besides the input; a name is a
        // constant, so known here. No op has two such attributes.
        Optional<TensorName> side = Optional.empty();
        for (Attr attr : op.attrs()) {
            if (attr.kind() == Attr.Kind.TENSOR && constants.get(attr) instanceof String named && !named.isEmpty()) {
                side = Optional.of(new TensorName(attr, named));
            }
        }
        return Optional.of(new LayerDecl(index, name, template, inputs, condition, tied, side,
                source.trainingOnly().isPresent(), new TrainingMarks(source.frozen().isPresent(), false)));
    }

    private Optional<AttrValue.Expression> parse(String text, SourceMap.Field source, Attr attr, String what) {
        return WithArgs.parse(text, source.at(Optional.ofNullable(attr), Optional.empty()), what, problems);
    }

    private Optional<NodeDecl> blockUse(int index, String name, SourceMap.Field source, Map<String, String> with,
            Optional<AttrValue.Expression> condition) {
        TypeElement blockType = (TypeElement) source.main().mirror().getAnnotationType().asElement();
        String blockName = blockType.getQualifiedName().toString();
        if (reading.contains(blockName)) {
            List<String> cycle = new ArrayList<>();
            boolean inCycle = false;
            for (java.util.Iterator<String> outerFirst = reading.descendingIterator(); outerFirst.hasNext(); ) {
                String b = outerFirst.next();
                inCycle |= b.equals(blockName);
                if (inCycle) {
                    cycle.add(simple(b));
                }
            }
            cycle.add(simple(blockName));
            problem(Message.BLOCK_CONTAINS_ITSELF, source.at(Optional.empty(), Optional.empty()), name,
                    simple(blockName), String.join(" > ", cycle));
            return Optional.empty();
        }
        if (source.tied().isPresent()) {
            problem(Message.TIED_ON_BLOCK, source.at(Optional.of(Attr.TIED), Optional.empty()), name,
                    simple(blockName));
            return Optional.empty();
        }
        Optional<BlockDecl> block = block(blockType);
        if (block.isEmpty()) {
            return Optional.empty();
        }
        Map<String, ParamDecl> params = new LinkedHashMap<>();
        for (ParamDecl p : block.get().params()) {
            params.put(p.name(), p);
        }

        boolean ok = true;
        Map<String, AttrValue> args = new LinkedHashMap<>();
        Map<String, String> tensors = new LinkedHashMap<>();
        AnnotationValues values = source.main().values();
        for (String written : values.writtenNames()) {
            Object value = values.value(written);
            if (value instanceof Integer i) {
                args.put(written, new AttrValue.Constant(i.longValue()));
            } else if (value instanceof Boolean b) {
                args.put(written, new AttrValue.Constant(b));
            }
        }
        for (String tensor : block.get().tensors()) {
            try {
                // Written here, or the element's default; "" names nothing, and is reported so below.
                if (values.value(tensor) instanceof String named && !named.isEmpty()) {
                    tensors.put(tensor, named);
                }
            } catch (UnreadableValueException noDefault) {
                // javac reports the missing value itself; netcost says what the block reads below.
            }
            if (!tensors.containsKey(tensor) && !with.containsKey(tensor)) {
                problem(Message.TENSOR_ARGUMENT_MISSING, source.at(Optional.empty(), Optional.empty()), name,
                        simple(blockName), tensor);
                ok = false;
            }
        }
        for (Map.Entry<String, String> entry : with.entrySet()) {
            SourceLocation where = source.at(Optional.empty(), Optional.of(entry.getKey()));
            if (block.get().tensors().contains(entry.getKey())) {
                // A tensor is named, not computed: the name must be known before any value is.
                problem(Message.CONSTANT_ONLY, where, name, entry.getKey(), "@" + simple(blockName));
                ok = false;
            } else if (!params.containsKey(entry.getKey())) {
                if (params.isEmpty()) {
                    problem(Message.BLOCK_HAS_NO_PARAMETERS, where, name, simple(blockName));
                } else {
                    problem(Message.NO_SUCH_PARAMETER, where, name, simple(blockName), entry.getKey(),
                            String.join(", ", params.keySet()));
                }
                ok = false;
            } else if (args.containsKey(entry.getKey())) {
                problem(Message.ATTRIBUTE_GIVEN_TWICE, where, name, entry.getKey(), "@" + simple(blockName));
                ok = false;
            } else {
                Optional<AttrValue.Expression> expression = WithArgs.parse(entry.getValue(), where,
                        name + ": " + entry.getKey(), problems);
                if (expression.isEmpty()) {
                    ok = false;
                } else {
                    args.put(entry.getKey(), expression.get());
                }
            }
        }
        int repeat = 1;
        if (source.repeat().isPresent()) {
            repeat = source.repeat().get().values().integer(Attr.REPEAT);
            if (repeat < 1) {
                problem(Message.REPEAT_BELOW_ONE, source.at(Optional.of(Attr.REPEAT), Optional.empty()), name, repeat);
                ok = false;
            } else if (repeat > BlockUse.MAX_REPEAT) {
                problem(Message.REPEAT_ABOVE_MAXIMUM, source.at(Optional.of(Attr.REPEAT), Optional.empty()), name,
                        repeat, BlockUse.MAX_REPEAT);
                ok = false;
            }
        }
        if (source.checkpoint().isPresent() && !reading.isEmpty()) {
            problem(Message.CHECKPOINT_IN_BLOCK, source.at(Optional.of(Attr.CHECKPOINT), Optional.empty()), name,
                    simple(reading.peek()), simple(reading.peek()));
        }
        Optional<Routing> routing = Optional.empty();
        if (source.experts().isPresent()) {
            routing = routing(name, source, source.experts().get().values());
            ok &= routing.isPresent();
        }
        if (!ok) {
            return Optional.empty();
        }
        List<String> inputs = source.from().isPresent()
                ? List.of(source.from().get().values().string("value"))
                : List.of();
        return Optional.of(new BlockUse(index, name, blockName, args, repeat, source.repeat().isPresent(), inputs,
                condition, source.trainingOnly().isPresent(), tensors, routing,
                new TrainingMarks(source.frozen().isPresent(), source.checkpoint().isPresent())));
    }

    /** {@code @MixtureOfExperts}, read and checked; empty after reporting what is out of range. */
    private Optional<Routing> routing(String name, SourceMap.Field source, AnnotationValues values) {
        int experts = values.integer(Attr.EXPERTS);
        int topK = values.integer(Attr.TOP_K);
        int shared = values.integer(Attr.SHARED);
        boolean faulty = false;
        faulty |= belowMinimum(name, source, Attr.EXPERTS, experts, 1, "number of routed experts");
        faulty |= belowMinimum(name, source, Attr.TOP_K, topK, 1, "number of experts each token goes through");
        faulty |= belowMinimum(name, source, Attr.SHARED, shared, 0, "number of shared experts");
        if (!faulty && topK > experts) {
            problem(Message.TOP_K_ABOVE_EXPERTS, source.at(Optional.of(Attr.TOP_K), Optional.empty()), name, topK,
                    experts, experts);
            faulty = true;
        }
        return faulty ? Optional.empty() : Optional.of(new Routing(experts, topK, shared,
                values.bool(Attr.ROUTER_BIAS)));
    }

    /** Reports {@code value} of {@code attr} below {@code min}; whether it was. */
    private boolean belowMinimum(String name, SourceMap.Field source, Attr attr, int value, int min, String what) {
        if (value >= min) {
            return false;
        }
        problem(Message.EXPERTS_BELOW_MINIMUM, source.at(Optional.of(attr), Optional.empty()), name,
                attr.javaName(), value, what, min);
        return true;
    }

    /** A block's declaration, read once; empty (with a problem) when it cannot be read. */
    private Optional<BlockDecl> block(TypeElement type) {
        String qualified = type.getQualifiedName().toString();
        if (blocks.containsKey(qualified)) {
            return Optional.of(blocks.get(qualified));
        }
        if (failedBlocks.contains(qualified)) {
            return Optional.empty();
        }
        AnnotationMirror blockMirror = NetworkReader.mirror(type, LayerAnnotations.BLOCK).orElseThrow();
        int before = problems.size();
        List<ParamDecl> params = new ArrayList<>();
        List<String> tensors = new ArrayList<>();
        TypeElement layers = null;
        for (Element member : type.getEnclosedElements()) {
            if (member instanceof ExecutableElement method) {
                if (BlockParameters.isTensor(method)) {
                    Optional<String> tensor = BlockParameters.readTensor(method, problems);
                    if (tensor.isPresent()) {
                        tensors.add(tensor.get());
                    }
                } else {
                    Optional<ParamDecl> param = BlockParameters.read(method, problems);
                    if (param.isPresent()) {
                        params.add(param.get());
                    }
                }
            } else if (member instanceof TypeElement nested && nested.getSimpleName().contentEquals("Layers")) {
                layers = nested;
            }
        }
        List<NodeDecl> nodes = List.of();
        List<SourceMap.Field> fieldSources = new ArrayList<>();
        if (layers == null) {
            problem(Message.BLOCK_WITHOUT_LAYERS_CLASS, at(type, blockMirror), type.getSimpleName());
        } else {
            reading.push(qualified);
            Fields fields = read(layers, fieldSources, new ArrayList<>());
            reading.pop();
            nodes = fields.nodes();
            if (!fields.anyAnnotated()) {
                problem(Message.BLOCK_LAYERS_EMPTY, at(type, blockMirror), type.getSimpleName());
            }
        }
        if (problems.size() > before || !unresolved.isEmpty()) {
            failedBlocks.add(qualified);
            return Optional.empty();
        }
        BlockDecl decl = new BlockDecl(qualified, type.getSimpleName().toString(), params, nodes, tensors);
        blocks.put(qualified, decl);
        sources.addBlock(qualified, fieldSources);
        return Optional.of(decl);
    }

    private static Object constant(AnnotationValues values, Attr attr) {
        return switch (attr.kind()) {
            case INT -> values.integer(attr);
            case INTS -> values.ints(attr);
            case BOOLEAN -> values.bool(attr);
            case REAL -> values.real(attr);
            case CHOICE -> values.choice(attr);
            case TENSOR -> values.string(attr.javaName());
            case NONE -> throw new IllegalArgumentException(attr + " is no layer attribute");
        };
    }

    private Optional<SourceMap.Annotated> modifier(Element field, String qualifiedName) {
        Optional<AnnotationMirror> mirror = NetworkReader.mirror(field, qualifiedName);
        return mirror.isPresent() ? Optional.of(annotated(mirror.get())) : Optional.empty();
    }

    /** The Java names of {@code attrs}, in order, joined by commas, as the problems list them. */
    private static String javaNames(List<Attr> attrs) {
        List<String> names = new ArrayList<>(attrs.size());
        for (Attr attr : attrs) {
            names.add(attr.javaName());
        }
        return String.join(", ", names);
    }

    private SourceMap.Annotated annotated(AnnotationMirror mirror) {
        return new SourceMap.Annotated(mirror, new AnnotationValues(mirror, elements));
    }

    static boolean isBlock(AnnotationMirror mirror) {
        return NetworkReader.mirror(mirror.getAnnotationType().asElement(), LayerAnnotations.BLOCK).isPresent();
    }

    private void problem(Message message, SourceLocation where, Object... values) {
        problems.add(LocatedProblem.of(message, where, values));
    }

    private static SourceLocation at(Element element, AnnotationMirror mirror) {
        return new SourceLocation(element, mirror, Optional.empty());
    }

    private static String simple(String qualifiedName) {
        return qualifiedName.substring(qualifiedName.lastIndexOf('.') + 1);
    }
}
