package dev.netcost.processor.read;

import dev.netcost.processor.model.Attr;
import dev.netcost.processor.model.AttrValue;
import dev.netcost.processor.model.LayerDecl;
import dev.netcost.processor.model.Message;
import dev.netcost.processor.model.NodeDecl;
import dev.netcost.processor.model.OpTemplate;
import dev.netcost.processor.model.UserOp;
import dev.netcost.processor.model.UserOpDecl;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.TypeElement;

/**
 * A field whose annotation is an op a user declared: read as a built-in layer is, its attributes
 * named by the declaration rather than by {@link Attr}. Its values are constants javac resolved
 * or {@code @With} expressions; the declaration's own mistakes stop the field here, placed on the
 * declaration.
 */
final class UserOpFields {
    private final UserOps ops;
    private final List<LocatedProblem> problems;

    UserOpFields(UserOps ops, List<LocatedProblem> problems) {
        this.ops = ops;
        this.problems = problems;
    }

    /**
     * The layer, or empty after a problem.
     *
     * @throws UnreadableValueException if javac could not resolve a value of the field or of the declaration
     */
    Optional<NodeDecl> layer(int index, String name, SourceMap.Field source, Map<String, String> with,
            Optional<AttrValue.Expression> condition) {
        TypeElement type = (TypeElement) source.main().mirror().getAnnotationType().asElement();
        UserOps.Read read = ops.read(type);
        if (read.decl().isEmpty()) {
            problems.addAll(read.problems());
            return Optional.empty();
        }
        UserOpDecl decl = read.decl().get();
        String annotation = decl.annotation();
        if (source.repeat().isPresent()) {
            problem(Message.REPEAT_ON_LAYER, source.at(Optional.of(Attr.REPEAT), Optional.empty()), name, annotation);
            return Optional.empty();
        }
        AnnotationValues values = source.main().values();
        boolean ok = true;
        Map<String, AttrValue> given = new LinkedHashMap<>();
        for (Map.Entry<String, String> entry : with.entrySet()) {
            String attr = entry.getKey();
            SourceLocation where = source.at(Optional.empty(), Optional.of(attr));
            Optional<UserOpDecl.Attribute> declared = decl.attr(attr);
            if (declared.isEmpty()) {
                if (decl.attrs().isEmpty()) {
                    problem(Message.LAYER_HAS_NO_ATTRIBUTES, where, name, annotation);
                } else {
                    problem(Message.NO_SUCH_ATTRIBUTE, where, name, annotation, attr,
                            UserOps.names(decl.attrs()));
                }
                ok = false;
            } else if (values.written(attr).isPresent()) {
                problem(Message.ATTRIBUTE_GIVEN_TWICE, where, name, attr, annotation);
                ok = false;
            } else {
                Optional<AttrValue.Expression> expression = WithArgs.parse(entry.getValue(), where,
                        name + ": " + attr, problems, declared.get().kind() == Attr.Kind.INTS);
                if (expression.isEmpty()) {
                    ok = false;
                } else {
                    given.put(attr, expression.get());
                }
            }
        }
        for (UserOpDecl.Attribute attr : decl.attrs()) {
            if (attr.required() && values.written(attr.name()).isEmpty() && !with.containsKey(attr.name())) {
                problem(Message.ATTRIBUTE_MISSING, source.at(Optional.empty(), Optional.empty()), name, annotation,
                        attr.name());
                ok = false;
            }
        }
        if (!ok) {
            return Optional.empty();
        }
        Map<String, Object> constants = new LinkedHashMap<>();
        for (UserOpDecl.Attribute attr : decl.attrs()) {
            if (!given.containsKey(attr.name())) {
                Object constant = constant(values, attr);
                constants.put(attr.name(), constant);
                given.put(attr.name(), new AttrValue.Constant(constant));
            }
        }
        OpTemplate template = constants.size() == decl.attrs().size()
                ? new OpTemplate.Fixed(new UserOp(decl, constants))
                : new OpTemplate.User(decl, given);
        List<String> inputs = source.from().isPresent() ? List.of(source.from().get().values().string("value"))
                : List.of();
        Optional<String> tied = source.tied().isPresent()
                ? Optional.of(source.tied().get().values().string("value")) : Optional.empty();
        return Optional.of(new LayerDecl(index, name, template, inputs, condition, tied));
    }

    /** An attribute's value as an expression would give it: {@code Long}, {@code Boolean}, {@code List<Long>}. */
    private static Object constant(AnnotationValues values, UserOpDecl.Attribute attr) {
        Object value = values.value(attr.name());
        switch (attr.kind()) {
            case INT -> {
                return ((Number) as(value, Integer.class, attr)).longValue();
            }
            case BOOLEAN -> {
                return as(value, Boolean.class, attr);
            }
            default -> {
                List<Long> numbers = new ArrayList<>();
                for (Object item : as(value, List.class, attr)) {
                    Object number = item instanceof AnnotationValue v ? v.getValue() : item;
                    numbers.add(((Number) as(number, Integer.class, attr)).longValue());
                }
                return List.copyOf(numbers);
            }
        }
    }

    /** javac gives an unresolvable value as something else, such as the string {@code "<error>"}: not ours to report. */
    private static <T> T as(Object value, Class<T> type, UserOpDecl.Attribute attr) {
        if (!type.isInstance(value)) {
            throw new UnreadableValueException(attr.name(), attr.name() + " is not a " + type.getSimpleName() + ": "
                    + value);
        }
        return type.cast(value);
    }

    private void problem(Message message, SourceLocation where, Object... values) {
        problems.add(LocatedProblem.of(message, where, values));
    }
}
