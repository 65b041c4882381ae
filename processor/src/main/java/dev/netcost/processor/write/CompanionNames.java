package dev.netcost.processor.write;

import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.netcost.processor.infer.FieldAnalysis;
import dev.netcost.processor.infer.NetworkAnalysis;
import dev.netcost.processor.model.Attr;
import dev.netcost.processor.model.Fault;
import dev.netcost.processor.model.Message;
import dev.netcost.processor.model.Problem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every name the companion declares, and whose it is: netcost's own constants and methods, and
 * the constants of each network field and block instance, named after it. The writer takes its
 * names from here and checks that it declared exactly these ({@link #mismatch}), so
 * {@link #clashes} sees what will be written: a field named {@code peak} would declare a second
 * {@code PEAK_ACTIVATION_BYTES}, and javac would refuse the class.
 */
public final class CompanionNames {
    /** netcost's own constants, whatever the fields are called; what each holds, for messages. */
    enum Own {
        BATCH("the batch size"),
        PARAMS("the network's parameters"),
        ACTIVE_PARAMS(When.EXPERTS, "the parameters one token uses"),
        BUFFERS("the network's buffers"),
        MACS("the network's MACs"),
        FLOPS("the network's FLOPs"),
        PARAM_BYTES("the network's parameter bytes"),
        PEAK_ACTIVATION_BYTES("the network's peak activation bytes"),
        PEAK_MEMORY_BYTES("the network's peak memory bytes"),
        MEMORY_ACCESS_BYTES("the network's memory access bytes"),
        ARITHMETIC_INTENSITY("the network's arithmetic intensity"),
        DTYPE("the network's element type"),
        CONTEXT(When.DECODER, "the decoder's context"),
        KV_CACHE_BYTES(When.DECODER, "the decoder's KV cache bytes"),
        KV_CACHE_BYTES_PER_TOKEN(When.DECODER, "the decoder's KV cache bytes per token"),
        CROSS_KV_CACHE_BYTES(When.CROSS_ATTENTION, "the decoder's cross-attention KV cache bytes"),
        STATE_BYTES(When.RECURRENT, "the decoder's recurrent state bytes"),
        PREFILL_MACS(When.DECODER, "the decoder's prefill MACs"),
        DECODE_MACS(When.DECODER, "the decoder's MACs of one new token"),
        DECODE_MACS_PER_CONTEXT_TOKEN(When.DECODER, "the decoder's MACs per token of context"),
        DECODE_STEPS(When.DECODER, "the work of a decode step"),
        TRAINING_ONLY_PARAMS(When.TRAINING_ONLY, "the parameters of the training-only layers"),
        TRAINING_ONLY_BUFFERS(When.TRAINING_ONLY, "the buffers of the training-only layers"),
        TRAINING_ONLY_MACS(When.TRAINING_ONLY, "the MACs of the training-only layers"),
        TRAINING_ONLY_FLOPS(When.TRAINING_ONLY, "the FLOPs of the training-only layers"),
        TRAINING_BATCH(When.TRAINING, "the training step's batch"),
        TRAINING_FORWARD_MACS(When.TRAINING, "the training step's forward MACs"),
        TRAINING_FORWARD_FLOPS(When.TRAINING, "the training step's forward FLOPs"),
        BACKWARD_MACS(When.TRAINING, "the training step's backward MACs"),
        BACKWARD_FLOPS(When.TRAINING, "the training step's backward FLOPs"),
        RECOMPUTE_MACS(When.TRAINING, "the training step's recomputed MACs"),
        RECOMPUTE_FLOPS(When.TRAINING, "the training step's recomputed FLOPs"),
        STEP_MACS(When.TRAINING, "the training step's MACs"),
        STEP_FLOPS(When.TRAINING, "the training step's FLOPs"),
        TRAINABLE_PARAMS(When.TRAINING, "the trainable parameters"),
        TRAINING_WEIGHT_BYTES(When.TRAINING, "the training step's weight bytes"),
        GRADIENT_BYTES(When.TRAINING, "the training step's gradient bytes"),
        MASTER_WEIGHT_BYTES(When.TRAINING, "the training step's master weight bytes"),
        OPTIMIZER_STATE_BYTES(When.TRAINING, "the training step's optimizer state bytes"),
        MODEL_STATE_BYTES(When.TRAINING, "the training step's model state bytes"),
        SAVED_ACTIVATION_BYTES(When.TRAINING, "the training step's saved activation bytes"),
        TRAINING_PEAK_ACTIVATION_BYTES(When.TRAINING, "the training step's peak activation bytes"),
        TRAINING_PEAK_BYTES(When.TRAINING, "the training step's peak bytes"),
        INPUT_SHAPE(When.NETWORK_INPUT, "the network's input shape"),
        OUTPUT_SHAPE(When.ONE_OUTPUT, "the network's output shape"),
        OUTPUT_SHAPES(When.PER_FIELD, "the fields' output shapes"),
        LAYERS("the table of layers"),
        BLOCKS("the table of blocks"),
        HEADER("the summary's heading");

        private final When when;
        private final String what;

        Own(String what) {
            this(When.ALWAYS, what);
        }

        Own(When when, String what) {
            this.when = when;
            this.what = what;
        }
    }

    /** When netcost declares one of its own names. */
    private enum When {
        ALWAYS, DECODER, PER_FIELD, TRAINING_ONLY,
        /** A decoder whose cross-attention caches the keys and values of an encoder's output. */
        CROSS_ATTENTION,
        /** A decoder with a recurrent layer, whose state is its cache. */
        RECURRENT,
        /** A network with {@code @Network(input)}, the input named {@code input}. */
        NETWORK_INPUT,
        /** A network of one output. */
        ONE_OUTPUT,
        /** A network with a mixture of experts. */
        EXPERTS,
        /** A network with {@code @Training}. */
        TRAINING
    }

    /** The constants each field and block instance gets, after its stem: {@code CONV1_PARAMS}. */
    enum PerField {
        PARAMS, BUFFERS, MACS, FLOPS, ACTIVATION_BYTES, MEMORY_ACCESS_BYTES, ARITHMETIC_INTENSITY, OUTPUT_SHAPE;

        String of(String stem) {
            return stem + "_" + name();
        }
    }

    /**
     * The constants each network field gets besides its {@link PerField} ones in a network with
     * {@code @Training}, after its stem: {@code CONV1_BACKWARD_FLOPS}. Not block instances': the
     * fields' say where a step's work and memory go, the layer rows of the reports say the rest.
     */
    enum PerTrainingField {
        BACKWARD_FLOPS, SAVED_BYTES;

        String of(String stem) {
            return stem + "_" + name();
        }
    }

    /** The constants each {@code @Input} field gets, after its stem: {@code MEL_INPUT_SHAPE}. */
    enum PerInput {
        INPUT_SHAPE, INPUT_BYTES;

        String of(String stem) {
            return stem + "_" + name();
        }
    }

    /**
     * The constants each output of a network of several outputs gets, after its stem, besides its
     * field's: {@code AUX_ONLY_MACS}.
     */
    enum PerOutput {
        ONLY_PARAMS, ONLY_MACS, ONLY_FLOPS;

        String of(String stem) {
            return stem + "_" + name();
        }
    }

    /**
     * The constants of each device of {@code @Roofline}, after its stem
     * ({@link RooflineConstants#stem}): {@code H100_SXM_NANOS}; the last three for a {@code @Decoder}
     * only. No field's or netcost's own constant ends as these do, so only two devices of one stem can
     * clash ({@link OfDevice}).
     */
    enum PerDevice {
        NANOS,
        PREFILL_NANOS,
        DECODE_NANOS,
        TOKENS_PER_SECOND;

        String of(String stem) {
            return stem + "_" + name();
        }
    }

    static final String SUMMARY = "summary";
    static final String TIME_NANOS = "timeNanos";
    static final String KV_CACHE_BYTES = "kvCacheBytes";
    static final String DECODE_MACS = "decodeMacs";
    static final String DECODE_NANOS = "decodeNanos";

    /** A name the companion declares: fields and methods are apart, and methods overload. */
    sealed interface Member {
        String name();
    }

    // Constant and Method write out equals and hashCode, as ColdPathRulesTest asks of a record hashed
    // on every compile's path: the generated ones link an invokedynamic call site on first use.
    record Constant(String name) implements Member {
        @Override
        public boolean equals(Object other) {
            return other instanceof Constant that && name.equals(that.name);
        }

        @Override
        public int hashCode() {
            return name.hashCode();
        }
    }

    record Method(String name, List<TypeName> parameters) implements Member {
        Method {
            parameters = List.copyOf(parameters);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Method that && name.equals(that.name) && parameters.equals(that.parameters);
        }

        @Override
        public int hashCode() {
            return 31 * name.hashCode() + parameters.hashCode();
        }
    }

    /** Whose a name is: the problem is placed on the field at fault, and the message names both. */
    sealed interface Owner {}

    /** One of netcost's own, not a field's: what it holds. */
    record Netcost(String what) implements Owner {}

    /**
     * A device of {@code @Roofline}, whose constants are named after it ({@code ORIN_NX_*}): two devices
     * of one stem clash (the reader has refused one device named twice), and the later is always a
     * class of the user's, {@code @Roofline(custom)} coming after the table's.
     */
    record OfDevice(String javaName, String stem) implements Owner {}

    /** A network field or block instance, whose constants are named after it: {@code CONV1_*}. */
    sealed interface Stemmed extends Owner {
        /** The network field where its problems are placed. */
        int node();

        /** As messages name it: {@code conv1}, {@code layer3[0]}. */
        String label();

        /** What its constants' names begin with: {@code CONV1}, {@code LAYER3_0}. */
        String stem();

        /** Its constants take {@code taken}, which {@code earlier} has: what to rename depends on both. */
        Fault clash(Member taken, Owner earlier);
    }

    /** Network field {@code node}, named {@code name}. */
    record Field(int node, String name, String stem) implements Stemmed {
        @Override
        public String label() {
            return name;
        }

        @Override
        public Fault clash(Member taken, Owner earlier) {
            return earlier instanceof Netcost netcost
                    ? Message.FIELD_CONSTANT_NAME_TAKEN_BY_NETCOST.onAnnotation(name, stem, taken.name(),
                            netcost.what())
                    : Message.FIELD_CONSTANT_NAMES_TAKEN.onAnnotation(name, stem, ((Stemmed) earlier).label());
        }
    }

    /** A block instance, {@code path}, inside network field {@code node}, named {@code field}. */
    record Instance(int node, String field, String path, String stem) implements Stemmed {
        @Override
        public String label() {
            return path;
        }

        @Override
        public Fault clash(Member taken, Owner earlier) {
            return earlier instanceof Netcost netcost
                    ? Message.INSTANCE_CONSTANT_NAME_TAKEN_BY_NETCOST.onAnnotation(path, stem, taken.name(),
                            netcost.what(), field)
                    : Message.INSTANCE_CONSTANT_NAMES_TAKEN.onAnnotation(path, stem, ((Stemmed) earlier).label());
        }
    }

    private final List<Map.Entry<Member, Owner>> members;
    private final List<FieldConstants.Group> groups;
    private final List<PortConstants.In> inputs;
    private final List<PortConstants.Out> outputs;

    private CompanionNames(List<Map.Entry<Member, Owner>> members, List<FieldConstants.Group> groups,
            List<PortConstants.In> inputs, List<PortConstants.Out> outputs) {
        this.members = List.copyOf(members);
        this.groups = List.copyOf(groups);
        this.inputs = List.copyOf(inputs);
        this.outputs = List.copyOf(outputs);
    }

    /** The names the companion of a sound network declares, netcost's own first. */
    public static CompanionNames of(NetworkAnalysis analysis) {
        List<Map.Entry<Member, Owner>> members = new ArrayList<>();
        boolean decoder = analysis.decoder().isPresent();
        List<FieldConstants.Group> groups = FieldConstants.written(analysis);
        List<PortConstants.In> inputs = PortConstants.inputs(analysis);
        List<PortConstants.Out> outputs = PortConstants.outputs(analysis);
        for (Own own : Own.values()) {
            boolean declared = switch (own.when) {
                case ALWAYS -> true;
                case DECODER -> decoder;
                case PER_FIELD -> !groups.isEmpty();
                case TRAINING_ONLY -> analysis.hasTrainingOnly();
                case CROSS_ATTENTION -> PortConstants.crossKvCacheBytes(analysis) > 0;
                case RECURRENT -> PortConstants.stateBytes(analysis) > 0;
                case NETWORK_INPUT -> analysis.network().hasNetworkInput();
                case ONE_OUTPUT -> PortConstants.oneOutput(analysis);
                case EXPERTS -> analysis.hasExperts();
                case TRAINING -> analysis.training().isPresent();
            };
            if (declared) {
                members.add(Map.entry(new Constant(own.name()), new Netcost(own.what)));
            }
        }
        for (dev.netcost.processor.infer.DeviceRoofline roofline : analysis.roofline()) {
            String stem = RooflineConstants.stem(roofline.device());
            OfDevice device = new OfDevice(roofline.device().javaName(), stem);
            for (PerDevice constant : PerDevice.values()) {
                if (constant == PerDevice.NANOS || roofline.decode().isPresent()) {
                    members.add(Map.entry(new Constant(constant.of(stem)), device));
                }
            }
        }
        members.add(Map.entry(new Method(SUMMARY, List.of()), new Netcost("the summary")));
        members.add(Map.entry(new Method(SUMMARY, List.of(TypeName.INT)), new Netcost("the summary")));
        members.add(Map.entry(new Method(TIME_NANOS, List.of(TypeName.get(dev.netcost.Device.class))),
                new Netcost("the roofline time on a device")));
        if (decoder) {
            members.add(Map.entry(new Method(KV_CACHE_BYTES, List.of(TypeName.LONG)),
                    new Netcost("the KV cache bytes")));
            members.add(Map.entry(new Method(DECODE_MACS, List.of(TypeName.LONG)),
                    new Netcost("the MACs of one new token")));
            members.add(Map.entry(new Method(DECODE_NANOS, List.of(TypeName.get(dev.netcost.Device.class),
                    TypeName.LONG)), new Netcost("the roofline time of a decode step")));
        }
        // Each field's names in the order of the fields, so that a clash falls on the later field:
        // an input's, or a layer's and, for an output of several, its figures alone; then the
        // block instances'.
        Map<Integer, FieldConstants.Group> fieldGroups = new HashMap<>();
        for (FieldConstants.Group group : groups) {
            if (group.owner() instanceof Field field) {
                fieldGroups.put(field.node(), group);
            }
        }
        Map<Integer, PortConstants.In> inputByNode = new HashMap<>();
        for (PortConstants.In in : inputs) {
            inputByNode.put(in.owner().node(), in);
        }
        Map<Integer, PortConstants.Out> outputByNode = new HashMap<>();
        for (PortConstants.Out out : outputs) {
            outputByNode.put(out.owner().node(), out);
        }
        for (FieldAnalysis field : analysis.fields()) {
            int node = field.decl().index();
            FieldConstants.Group group = fieldGroups.get(node);
            if (group != null) {
                addGroup(members, group);
                if (analysis.training().isPresent()) {
                    for (PerTrainingField constant : PerTrainingField.values()) {
                        members.add(Map.entry(new Constant(constant.of(group.owner().stem())), group.owner()));
                    }
                }
            }
            PortConstants.In in = inputByNode.get(node);
            if (in != null) {
                for (PerInput constant : PerInput.values()) {
                    members.add(Map.entry(new Constant(constant.of(in.owner().stem())), in.owner()));
                }
            }
            PortConstants.Out out = outputByNode.get(node);
            if (out != null) {
                for (PerOutput constant : PerOutput.values()) {
                    members.add(Map.entry(new Constant(constant.of(out.owner().stem())), out.owner()));
                }
            }
        }
        for (FieldConstants.Group group : groups) {
            if (group.owner() instanceof Instance) {
                addGroup(members, group);
            }
        }
        return new CompanionNames(members, groups, inputs, outputs);
    }

    private static void addGroup(List<Map.Entry<Member, Owner>> members, FieldConstants.Group group) {
        for (PerField constant : PerField.values()) {
            members.add(Map.entry(new Constant(constant.of(group.owner().stem())), group.owner()));
        }
    }

    /** The fields and block instances that get constants, as {@link FieldConstants#written} found them. */
    List<FieldConstants.Group> groups() {
        return groups;
    }

    /** The {@code @Input} fields, which get constants of their own and no group. */
    List<PortConstants.In> inputs() {
        return inputs;
    }

    /** The outputs that get figures of their own: those of a network of several outputs. */
    List<PortConstants.Out> outputs() {
        return outputs;
    }

    /**
     * Names declared twice, one problem per network field at fault: the field or block instance
     * that comes later takes a name already taken, netcost's own names coming first.
     */
    public List<Problem> clashes() {
        Map<Member, Owner> taken = new HashMap<>();
        Set<Integer> reported = new HashSet<>();
        Set<String> reportedDevices = new HashSet<>();
        List<Problem> problems = new ArrayList<>();
        for (Map.Entry<Member, Owner> member : members) {
            Owner earlier = taken.putIfAbsent(member.getKey(), member.getValue());
            if (earlier == null || earlier.equals(member.getValue())) {
                continue;
            }
            if (member.getValue() instanceof OfDevice device) {
                if (reportedDevices.add(device.javaName())) {
                    String other = earlier instanceof OfDevice first ? first.javaName() : ((Netcost) earlier).what();
                    problems.add(Problem.onNetwork(Message.DEVICE_CONSTANT_NAMES_TAKEN.on(Attr.ROOFLINE_CUSTOM,
                            device.javaName(), device.stem(), other)));
                }
                continue;
            }
            if (!(member.getValue() instanceof Stemmed owner)) {
                // netcost's own names are fixed and distinct: a second one is a bug, not the user's.
                throw new IllegalStateException("netcost declares " + member.getKey() + " twice");
            }
            if (reported.add(owner.node())) {
                problems.add(Problem.onLayer(owner.node(), owner.clash(member.getKey(), earlier)));
            }
        }
        return problems;
    }

    /**
     * What {@code type} declares that is not listed here, or declares twice, or does not declare
     * though listed here; empty when it declares exactly these names, each once. {@link #clashes}
     * is only as good as this list.
     */
    Optional<String> mismatch(TypeSpec type) {
        List<Member> declared = new ArrayList<>();
        for (FieldSpec field : type.fieldSpecs()) {
            declared.add(new Constant(field.name()));
        }
        for (MethodSpec method : type.methodSpecs()) {
            if (!method.isConstructor()) {
                List<TypeName> parameters = new ArrayList<>();
                for (ParameterSpec parameter : method.parameters()) {
                    parameters.add(parameter.type());
                }
                declared.add(new Method(method.name(), parameters));
            }
        }
        Set<Member> listed = new LinkedHashSet<>();
        for (Map.Entry<Member, Owner> m : members) {
            listed.add(m.getKey());
        }
        if (declared.size() == listed.size() && listed.equals(new LinkedHashSet<>(declared))) {
            return Optional.empty();
        }
        Set<Member> unlisted = new LinkedHashSet<>(declared);
        unlisted.removeAll(listed);
        Set<Member> missing = new LinkedHashSet<>(listed);
        missing.removeAll(declared);
        return Optional.of("the companion declares " + declared.size() + " names, " + unlisted + " among them, that"
                + " CompanionNames does not list, and not " + missing + ", of the " + listed.size() + " it lists");
    }
}
