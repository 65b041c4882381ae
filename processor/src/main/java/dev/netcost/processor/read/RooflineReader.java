package dev.netcost.processor.read;

import dev.netcost.CustomDevice;
import dev.netcost.Device;
import dev.netcost.Hardware;
import dev.netcost.Roofline;
import dev.netcost.processor.model.Attr;
import dev.netcost.processor.model.DeviceDecl;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;

/**
 * {@code @Roofline} on a network class: the devices of the table ({@link Hardware}) and those a user
 * declared ({@code @CustomDevice} on a class of theirs, read from source or from a class file alike),
 * each marked as {@code @Budget(device, customDevice)}'s time limits name it.
 */
final class RooflineReader {
    private final Elements elements;

    RooflineReader(Elements elements) {
        this.elements = elements;
    }

    /**
     * The devices, {@code value} then {@code custom}, in the order written; empty without {@code @Roofline}.
     *
     * @param budget     {@code @Budget}'s mirror, if the class has one
     * @param unresolved where the values javac could not resolve go
     */
    List<DeviceDecl> read(TypeElement type, Optional<AnnotationMirror> budget, List<Unresolved> unresolved) {
        Optional<AnnotationMirror> mirror = NetworkReader.mirror(type, Roofline.class.getCanonicalName());
        if (mirror.isEmpty()) {
            return List.of();
        }
        String network = type.getSimpleName().toString();
        try {
            AnnotationValues values = new AnnotationValues(mirror.get(), elements);
            Set<String> budgetedTable = new HashSet<>();
            Set<String> budgetedCustom = new HashSet<>();
            if (budget.isPresent()) {
                AnnotationValues limits = new AnnotationValues(budget.get(), elements);
                budgetedTable.addAll(constants(limits, Attr.BUDGET_DEVICE.javaName()));
                for (TypeElement element : classes(limits, Attr.BUDGET_CUSTOM_DEVICE.javaName())) {
                    budgetedCustom.add(element.getQualifiedName().toString());
                }
            }
            boolean everyDevice = budgetedTable.isEmpty() && budgetedCustom.isEmpty();
            List<DeviceDecl> devices = new ArrayList<>();
            for (String constant : constants(values, Attr.ROOFLINE.javaName())) {
                devices.add(new DeviceDecl(constant, Hardware.valueOf(constant).device(), false,
                        everyDevice || budgetedTable.contains(constant)));
            }
            for (TypeElement element : classes(values, Attr.ROOFLINE_CUSTOM.javaName())) {
                Optional<AnnotationMirror> spec = NetworkReader.mirror(element, CustomDevice.class.getCanonicalName());
                if (spec.isEmpty()) {
                    continue;
                }
                AnnotationValues figures = new AnnotationValues(spec.get(), elements);
                Device device = new Device(figures.string("name"), real(figures, "float32FlopsPerSecond"),
                        real(figures, "float16FlopsPerSecond"), real(figures, "int8OpsPerSecond"),
                        real(figures, "memoryBytesPerSecond"), (Long) figures.value("onChipBytes"));
                devices.add(new DeviceDecl(element.getSimpleName().toString(), device, true,
                        everyDevice || budgetedCustom.contains(element.getQualifiedName().toString())));
            }
            return devices;
        } catch (UnreadableValueException e) {
            unresolved.add(new Unresolved(network, "the value of " + e.element()));
            return List.of();
        }
    }

    /** The names of the enum constants of an array element. */
    private static List<String> constants(AnnotationValues values, String name) {
        List<String> out = new ArrayList<>();
        for (AnnotationValue value : list(values, name)) {
            if (!(value.getValue() instanceof VariableElement constant)) {
                throw new UnreadableValueException(name, name + " holds " + value);
            }
            out.add(constant.getSimpleName().toString());
        }
        return out;
    }

    /** The classes of a {@code Class<?>[]} element. */
    private static List<TypeElement> classes(AnnotationValues values, String name) {
        List<TypeElement> out = new ArrayList<>();
        for (AnnotationValue value : list(values, name)) {
            if (!(value.getValue() instanceof TypeMirror type && type instanceof DeclaredType declared
                    && declared.asElement() instanceof TypeElement element)) {
                throw new UnreadableValueException(name, name + " holds " + value);
            }
            out.add(element);
        }
        return out;
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
}
