package dev.netcost.processor.read;

import dev.netcost.CustomDevice;
import dev.netcost.DType;
import dev.netcost.Device;
import dev.netcost.Hardware;
import dev.netcost.Roofline;
import dev.netcost.processor.model.Attr;
import dev.netcost.processor.model.BudgetDecl;
import dev.netcost.processor.model.DeviceDecl;
import dev.netcost.processor.model.Message;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;

/**
 * {@code @Roofline} on a network class: the devices of the table ({@link Hardware}) and those a user
 * declared ({@code @CustomDevice} on a class of theirs, read from source or from a class file alike),
 * each marked as {@code @Budget(device, customDevice)}'s time limits name it; and the mistakes that
 * keep a device from giving a roofline time ({@code roofline}).
 *
 * <p>A mistake about one device goes on the array item that names it ({@code Hardware.APPLE_M2} in
 * {@code @Roofline({Hardware.L4, Hardware.APPLE_M2})}) where the compiler can place it there (javac),
 * else on the element that holds it (ECJ, see {@link UserOps}). A figure of a {@code @CustomDevice} out
 * of range goes on that figure's value when the class is compiled from source in this compilation,
 * where the user can mend it; a class from a class file (a library's device) has no source to point
 * at, so it goes on the {@code @Roofline(custom)} item that names the class. Only the devices a
 * network names are checked: a {@code @CustomDevice} no network uses counts in nothing.
 *
 * <p>A {@link Device} is made only from figures checked here first: its constructor throws on what
 * the user may write.
 */
final class RooflineReader {
    private static final String NAME = "name";
    private static final String FLOAT32 = "float32FlopsPerSecond";
    private static final String FLOAT16 = "float16FlopsPerSecond";
    private static final String INT8 = "int8OpsPerSecond";
    private static final String BANDWIDTH = "memoryBytesPerSecond";
    private static final String ON_CHIP = "onChipBytes";

    /** One item of an array element, with where it is written. */
    private record Item<T>(T value, SourceLocation where) {
        /** The device as a problem names it: a constant's name, or a class's simple name. */
        String shown() {
            return value instanceof TypeElement type ? simpleName(type) : (String) value;
        }

        /** What makes two items the same device: a constant's name, or a class's qualified name. */
        String key() {
            return value instanceof TypeElement type ? qualifiedName(type) : (String) value;
        }
    }

    /**
     * Where a problem with one figure of a {@code @CustomDevice} is placed: on the figure as written
     * when the device's class is compiled from source, else on the item that names the class.
     */
    private record FigurePlaces(boolean inSource, TypeElement element, AnnotationMirror spec,
            AnnotationValues figures, SourceLocation item) {
        SourceLocation of(String figure) {
            return inSource ? new SourceLocation(element, spec, figures.written(figure)) : item;
        }
    }

    private final Elements elements;
    /** Whether a problem may be placed on one item of an array (javac), or only on the array (ECJ). */
    private final boolean itemValues;

    RooflineReader(Elements elements, boolean itemValues) {
        this.elements = elements;
        this.itemValues = itemValues;
    }

    /**
     * The devices, {@code value} then {@code custom}, in the order written; empty without {@code @Roofline}.
     * A device at fault is left out, and its mistake is in {@code problems}.
     *
     * @param dtype              the network's element type, whose peak every device needs
     * @param decoder            whether the network is a {@code @Decoder}, which a decode limit needs
     * @param budgetMirror       {@code @Budget}'s mirror, if the class has one
     * @param budget             {@code @Budget} as read, if the class has one
     * @param typesBeingCompiled the qualified names of the top-level types compiled from source now
     * @param problems           where its mistakes go
     * @param unresolved         where the values javac could not resolve go
     */
    List<DeviceDecl> read(TypeElement type, DType dtype, boolean decoder, Optional<AnnotationMirror> budgetMirror,
            Optional<BudgetDecl> budget, Set<String> typesBeingCompiled, List<LocatedProblem> problems,
            List<Unresolved> unresolved) {
        String network = type.getSimpleName().toString();
        Optional<AnnotationMirror> mirror = NetworkReader.mirror(type, Roofline.class.getCanonicalName());
        try {
            Budgeted budgeted = budgetMirror.isPresent() && budget.isPresent()
                    ? budgeted(type, budgetMirror.get(), budget.get(), mirror.isPresent(), decoder, problems)
                    : Budgeted.NONE;
            if (mirror.isEmpty()) {
                return List.of();
            }
            AnnotationValues values = new AnnotationValues(mirror.get(), elements);
            List<Item<String>> table = constants(type, mirror.get(), values, Attr.ROOFLINE.javaName());
            List<Item<TypeElement>> custom = classes(type, mirror.get(), values, Attr.ROOFLINE_CUSTOM.javaName(),
                    "@Roofline(custom)", problems);
            // An item that is no class is a device written, whose mistake is said already.
            if (table.isEmpty() && list(values, Attr.ROOFLINE_CUSTOM.javaName()).isEmpty()) {
                problems.add(LocatedProblem.of(Message.ROOFLINE_WITHOUT_DEVICES, new SourceLocation(type,
                        mirror.get(), Optional.empty()), network));
                return List.of();
            }
            if (budgeted.timeLimit()) {
                checkListed(budgeted, table, custom, network, problems);
            }
            List<DeviceDecl> devices = new ArrayList<>();
            tableDevices(table, budgeted, dtype, network, devices, problems);
            customDevices(custom, budgeted, dtype, network, typesBeingCompiled, devices, problems);
            return devices;
        } catch (UnreadableValueException e) {
            unresolved.add(new Unresolved(network, "the value of " + e.element()));
            return List.of();
        }
    }

    /**
     * What {@code @Budget} says of devices: the devices its {@code device} and {@code customDevice} name,
     * whether it writes a time limit, and whether {@code customDevice} names anything, be it no class
     * ({@code int.class}): then the limits hold on what the budget names, not on every device.
     */
    private record Budgeted(List<Item<String>> table, List<Item<TypeElement>> custom, boolean timeLimit,
            boolean customWritten) {
        static final Budgeted NONE = new Budgeted(List.of(), List.of(), false, false);

        /** Whether the time limits hold on every device of {@code @Roofline}: the budget names none. */
        boolean everyDevice() {
            return table.isEmpty() && !customWritten;
        }

        /** Whether the time limits hold on the device of the table named {@code constant}. */
        boolean onTable(String constant) {
            if (everyDevice()) {
                return true;
            }
            if (timeLimit) {
                for (Item<String> item : table) {
                    if (item.value().equals(constant)) {
                        return true;
                    }
                }
            }
            return false;
        }

        /** Whether the time limits hold on the class of the qualified name {@code qualified}. */
        boolean onCustom(String qualified) {
            if (everyDevice()) {
                return true;
            }
            if (timeLimit) {
                for (Item<TypeElement> item : custom) {
                    if (qualifiedName(item.value()).equals(qualified)) {
                        return true;
                    }
                }
            }
            return false;
        }
    }

    /**
     * {@code @Budget}'s devices and time limits, and their mistakes: a time limit without {@code @Roofline},
     * a decode limit without {@code @Decoder}, devices named without a time limit, or named twice.
     */
    private Budgeted budgeted(TypeElement type, AnnotationMirror budgetMirror, BudgetDecl budget, boolean roofline,
            boolean decoder, List<LocatedProblem> problems) {
        String network = type.getSimpleName().toString();
        AnnotationValues limits = new AnnotationValues(budgetMirror, elements);
        List<Item<String>> table = constants(type, budgetMirror, limits, Attr.BUDGET_DEVICE.javaName());
        List<Item<TypeElement>> custom = classes(type, budgetMirror, limits, Attr.BUDGET_CUSTOM_DEVICE.javaName(),
                "@Budget(customDevice)", problems);
        boolean timeLimit = false;
        for (Attr limit : Attr.TIME_LIMITS) {
            if (!budget.limits().containsKey(limit)) {
                continue;
            }
            timeLimit = true;
            SourceLocation where = new SourceLocation(type, budgetMirror, limits.written(limit));
            if (!roofline) {
                problems.add(LocatedProblem.of(Message.TIME_LIMIT_WITHOUT_ROOFLINE, where, limit.javaName(), network));
            } else if (limit == Attr.MAX_DECODE_NANOS_PER_TOKEN && !decoder) {
                problems.add(LocatedProblem.of(Message.DECODE_LIMIT_WITHOUT_DECODER, where, network));
            }
        }
        boolean customWritten = !list(limits, Attr.BUDGET_CUSTOM_DEVICE.javaName()).isEmpty();
        if (!timeLimit && (!table.isEmpty() || customWritten)) {
            // One mistake, said once: on the first of the two that is written.
            Attr named = !table.isEmpty() ? Attr.BUDGET_DEVICE : Attr.BUDGET_CUSTOM_DEVICE;
            String shown = "@Budget(" + named.javaName() + ")";
            problems.add(LocatedProblem.of(Message.BUDGET_DEVICE_WITHOUT_TIME_LIMIT, new SourceLocation(type,
                    budgetMirror, limits.written(named)), shown, network));
        }
        twice(network, "@Budget(device)", table, problems);
        twice(network, "@Budget(customDevice)", custom, problems);
        return new Budgeted(table, custom, timeLimit, customWritten);
    }

    /** Each device a time limit holds on must be one of {@code @Roofline}'s, which have a time. */
    private static void checkListed(Budgeted budgeted, List<Item<String>> table, List<Item<TypeElement>> custom,
            String network, List<LocatedProblem> problems) {
        Set<String> listedTable = new HashSet<>();
        Set<String> listedCustom = new HashSet<>();
        for (Item<String> item : table) {
            listedTable.add(item.value());
        }
        for (Item<TypeElement> item : custom) {
            listedCustom.add(qualifiedName(item.value()));
        }
        for (Item<String> item : budgeted.table()) {
            if (!listedTable.contains(item.value())) {
                problems.add(LocatedProblem.of(Message.BUDGET_DEVICE_NOT_IN_ROOFLINE, item.where(), "@Budget(device)",
                        item.value(), network));
            }
        }
        for (Item<TypeElement> item : budgeted.custom()) {
            if (listedCustom.contains(qualifiedName(item.value()))) {
                continue; // any mistake of its declaration is said where @Roofline names it
            }
            if (NetworkReader.mirror(item.value(), CustomDevice.class.getCanonicalName()).isEmpty()) {
                problems.add(LocatedProblem.of(Message.NOT_A_CUSTOM_DEVICE, item.where(), simpleName(item.value()),
                        "@Budget(customDevice)"));
            } else {
                problems.add(LocatedProblem.of(Message.BUDGET_DEVICE_NOT_IN_ROOFLINE, item.where(),
                        "@Budget(customDevice)", simpleName(item.value()), network));
            }
        }
    }

    /** The devices of the table {@code @Roofline} names, each once, each with a peak for {@code dtype}. */
    private static void tableDevices(List<Item<String>> table, Budgeted budgeted, DType dtype, String network,
            List<DeviceDecl> devices, List<LocatedProblem> problems) {
        Set<String> seen = new HashSet<>();
        for (Item<String> item : table) {
            if (!seen.add(item.value())) {
                problems.add(LocatedProblem.of(Message.DEVICE_NAMED_TWICE, item.where(), network, "@Roofline",
                        item.value()));
                continue;
            }
            Device device = Hardware.valueOf(item.value()).device();
            if (!device.supports(dtype)) {
                problems.add(LocatedProblem.of(Message.DEVICE_WITHOUT_PEAK, item.where(), item.value(),
                        device.name(), dtype(dtype), peakName(dtype), network));
                continue;
            }
            devices.add(new DeviceDecl(item.value(), device, false, budgeted.onTable(item.value())));
        }
    }

    /**
     * The devices of the classes {@code @Roofline(custom)} names, each once, each declared by a
     * {@code @CustomDevice} of figures in range with a peak for {@code dtype}.
     */
    private void customDevices(List<Item<TypeElement>> custom, Budgeted budgeted, DType dtype, String network,
            Set<String> typesBeingCompiled, List<DeviceDecl> devices, List<LocatedProblem> problems) {
        Set<String> seen = new HashSet<>();
        for (Item<TypeElement> item : custom) {
            TypeElement element = item.value();
            String name = simpleName(element);
            if (!seen.add(qualifiedName(element))) {
                problems.add(LocatedProblem.of(Message.DEVICE_NAMED_TWICE, item.where(), network, "@Roofline(custom)",
                        name));
                continue;
            }
            Optional<AnnotationMirror> spec = NetworkReader.mirror(element, CustomDevice.class.getCanonicalName());
            if (spec.isEmpty()) {
                problems.add(LocatedProblem.of(Message.NOT_A_CUSTOM_DEVICE, item.where(), name, "@Roofline(custom)"));
                continue;
            }
            AnnotationValues figures = new AnnotationValues(spec.get(), elements);
            boolean inSource = typesBeingCompiled.contains(qualifiedName(outermost(element)));
            FigurePlaces where = new FigurePlaces(inSource, element, spec.get(), figures, item.where());
            Optional<Device> device = device(name, figures, where, problems);
            if (device.isEmpty()) {
                continue;
            }
            if (!device.get().supports(dtype)) {
                problems.add(LocatedProblem.of(Message.CUSTOM_DEVICE_WITHOUT_PEAK, item.where(), name,
                        device.get().name(), dtype(dtype), peakName(dtype), network, peakName(dtype)));
                continue;
            }
            devices.add(new DeviceDecl(qualifiedName(element), device.get(), true,
                    budgeted.onCustom(qualifiedName(element))));
        }
    }

    /**
     * The device a {@code @CustomDevice} declares, if each of its figures is in range; else its
     * mistakes, each placed by {@code where} from the element's name.
     */
    private static Optional<Device> device(String type, AnnotationValues figures,
            FigurePlaces where, List<LocatedProblem> problems) {
        int before = problems.size();
        String name = figures.string(NAME);
        // A line break would break the summary's table, a NUL the SVG's XML, U+2028 the companion
        // (JavaPoet writes it raw, and javac takes it for no character a string may hold).
        if (name.isBlank() || hasLineOrControlCharacter(name)) {
            problems.add(LocatedProblem.of(Message.CUSTOM_DEVICE_BLANK_NAME, where.of(NAME), type));
        }
        double[] peaks = new double[3];
        List<String> peakNames = List.of(FLOAT32, FLOAT16, INT8);
        for (int k = 0; k < peaks.length; k++) {
            peaks[k] = real(figures, peakNames.get(k));
            if (!Double.isFinite(peaks[k]) || peaks[k] < 0) {
                problems.add(LocatedProblem.of(Message.CUSTOM_DEVICE_PEAK, where.of(peakNames.get(k)), type,
                        peakNames.get(k), peaks[k]));
            }
        }
        double bandwidth = real(figures, BANDWIDTH);
        if (!Double.isFinite(bandwidth) || bandwidth <= 0) {
            problems.add(LocatedProblem.of(Message.CUSTOM_DEVICE_BANDWIDTH, where.of(BANDWIDTH), type, bandwidth));
        }
        if (!(figures.value(ON_CHIP) instanceof Long onChip)) {
            throw new UnreadableValueException(ON_CHIP, ON_CHIP + " is not a long");
        }
        if (onChip < 0) {
            problems.add(LocatedProblem.of(Message.CUSTOM_DEVICE_ON_CHIP_BYTES, where.of(ON_CHIP), type, onChip));
        }
        if (problems.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new Device(name, peaks[0], peaks[1], peaks[2], bandwidth, onChip));
    }

    /** Each device an array names a second time, on that second item. */
    private static void twice(String network, String element, List<? extends Item<?>> items,
            List<LocatedProblem> problems) {
        Set<String> seen = new HashSet<>();
        for (Item<?> item : items) {
            if (!seen.add(item.key())) {
                problems.add(LocatedProblem.of(Message.DEVICE_NAMED_TWICE, item.where(), network, element,
                        item.shown()));
            }
        }
    }

    /** Whether {@code name} holds a control character, U+2028 or U+2029 (what {@code device} refuses). */
    private static boolean hasLineOrControlCharacter(String name) {
        for (int k = 0; k < name.length(); k++) {
            char c = name.charAt(k);
            if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                return true;
            }
        }
        return false;
    }

    /** The names of the enum constants of an array element, each with where it is written. */
    private List<Item<String>> constants(TypeElement type, AnnotationMirror mirror, AnnotationValues values,
            String name) {
        List<Item<String>> out = new ArrayList<>();
        for (AnnotationValue value : list(values, name)) {
            if (!(value.getValue() instanceof VariableElement constant)) {
                throw new UnreadableValueException(name, name + " holds " + value);
            }
            out.add(new Item<>(constant.getSimpleName().toString(), item(type, mirror, values, name, value)));
        }
        return out;
    }

    /**
     * The classes of a {@code Class<?>[]} element, each with where it is written. An item that is no
     * class ({@code int.class}, {@code String[].class}, {@code void.class}) is a mistake on that item,
     * {@code shown} naming the element, and is left out, so that the other checks still run.
     */
    private List<Item<TypeElement>> classes(TypeElement type, AnnotationMirror mirror, AnnotationValues values,
            String name, String shown, List<LocatedProblem> problems) {
        List<Item<TypeElement>> out = new ArrayList<>();
        for (AnnotationValue value : list(values, name)) {
            if (!(value.getValue() instanceof TypeMirror t)) {
                throw new UnreadableValueException(name, name + " holds " + value);
            }
            SourceLocation where = item(type, mirror, values, name, value);
            if ((t.getKind().isPrimitive() || t.getKind() == TypeKind.ARRAY || t.getKind() == TypeKind.VOID)
                    && innermost(t).getKind() != TypeKind.ERROR) {
                problems.add(LocatedProblem.of(Message.NOT_A_DEVICE_CLASS, where, shownType(t), shown));
                continue;
            }
            // A class javac could not resolve (one another processor generates later) is an error type.
            if (!(t.getKind() == TypeKind.DECLARED && t instanceof DeclaredType declared
                    && declared.asElement() instanceof TypeElement element)) {
                throw new UnreadableValueException(name, name + " holds " + value);
            }
            out.add(new Item<>(element, where));
        }
        return out;
    }

    /** The type of an array's items, through every dimension ({@code String} of {@code String[][]}). */
    private static TypeMirror innermost(TypeMirror type) {
        return type instanceof ArrayType array ? innermost(array.getComponentType()) : type;
    }

    /** {@code int}, {@code String[]}, {@code void}: a type as the user wrote it before {@code .class}. */
    private static String shownType(TypeMirror type) {
        if (type instanceof ArrayType array) {
            return shownType(array.getComponentType()) + "[]";
        }
        if (type instanceof DeclaredType declared && declared.asElement() instanceof TypeElement element) {
            return simpleName(element);
        }
        return type.toString();
    }

    /** On the item itself, or on the whole array where the compiler cannot place an item. */
    private SourceLocation item(TypeElement type, AnnotationMirror mirror, AnnotationValues values, String name,
            AnnotationValue item) {
        return new SourceLocation(type, mirror, itemValues ? Optional.of(item) : values.written(name));
    }

    private static List<AnnotationValue> list(AnnotationValues values, String name) {
        if (!(values.value(name) instanceof List<?> list)) {
            throw new UnreadableValueException(name, name + " is not an array");
        }
        List<AnnotationValue> out = new ArrayList<>();
        for (Object element : list) {
            if (!(element instanceof AnnotationValue value)) {
                throw new UnreadableValueException(name, name + " holds " + element);
            }
            out.add(value);
        }
        return out;
    }

    private static double real(AnnotationValues values, String name) {
        if (!(values.value(name) instanceof Double value)) {
            throw new UnreadableValueException(name, name + " is not a double");
        }
        return value;
    }

    /** The element of {@code @CustomDevice} that holds the peak for {@code dtype}. */
    private static String peakName(DType dtype) {
        return switch (dtype) {
            case FLOAT32 -> FLOAT32;
            case FLOAT16, BFLOAT16 -> FLOAT16;
            case INT8 -> INT8;
        };
    }

    private static String dtype(DType dtype) {
        return dtype.name().toLowerCase(Locale.ROOT);
    }

    private static String simpleName(TypeElement type) {
        return type.getSimpleName().toString();
    }

    private static String qualifiedName(TypeElement type) {
        return type.getQualifiedName().toString();
    }

    /** The top-level class that holds {@code type}: what a compilation lists as compiled from source. */
    private static TypeElement outermost(TypeElement type) {
        TypeElement top = type;
        for (Element e = type.getEnclosingElement(); e instanceof TypeElement t; e = t.getEnclosingElement()) {
            top = t;
        }
        return top;
    }
}
