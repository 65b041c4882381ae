package dev.netcost.processor.read;

import dev.netcost.FirstOnly;
import dev.netcost.processor.model.ParamDecl;
import dev.netcost.processor.model.Message;
import dev.netcost.processor.model.expr.ValueType;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.type.TypeKind;

/** Reads one element of a {@code @Block} annotation interface as a parameter. */
final class BlockParameters {
    private BlockParameters() {}

    /**
     * Whether the element is a tensor parameter, of type {@code String}: at each use it names a
     * tensor of the user's scope, which the block's fields read by the element's name.
     */
    static boolean isTensor(ExecutableElement method) {
        return method.getReturnType() instanceof javax.lang.model.type.DeclaredType declared
                && ((javax.lang.model.element.TypeElement) declared.asElement()).getQualifiedName()
                        .contentEquals(String.class.getCanonicalName());
    }

    /**
     * A tensor parameter's name, or empty with a problem when it is {@code input}, which names the
     * block's own input already.
     */
    static Optional<String> readTensor(ExecutableElement method, List<LocatedProblem> problems) {
        if (method.getSimpleName().contentEquals(dev.netcost.processor.model.NodeDecl.INPUT)) {
            problems.add(LocatedProblem.of(Message.TENSOR_PARAMETER_NAMED_INPUT, new SourceLocation(method,
                    Optional.empty(), Optional.empty())));
            return Optional.empty();
        }
        return Optional.of(method.getSimpleName().toString());
    }

    /** The parameter, or empty with a problem when its type or {@code @FirstOnly} is wrong. */
    static Optional<ParamDecl> read(ExecutableElement method, List<LocatedProblem> problems) {
        String name = method.getSimpleName().toString();
        if (name.equals(dev.netcost.processor.model.NodeDecl.IN_CHANNELS)) {
            problems.add(LocatedProblem.of(Message.PARAMETER_NAMED_IN, new SourceLocation(method, Optional.empty(),
                    Optional.empty())));
            return Optional.empty();
        }
        ValueType type;
        if (method.getReturnType().getKind() == TypeKind.INT) {
            type = ValueType.INT;
        } else if (method.getReturnType().getKind() == TypeKind.BOOLEAN) {
            type = ValueType.BOOLEAN;
        } else {
            problems.add(LocatedProblem.of(Message.PARAMETER_TYPE, new SourceLocation(method, Optional.empty(),
                    Optional.empty()), name, method.getReturnType()));
            return Optional.empty();
        }
        Optional<Object> defaultValue = Optional.empty();
        AnnotationValue value = method.getDefaultValue();
        if (value != null && value.getValue() instanceof Integer i) {
            defaultValue = Optional.of(i.longValue());
        } else if (value != null && value.getValue() instanceof Boolean b) {
            defaultValue = Optional.of(b);
        }
        Optional<AnnotationMirror> firstOnly = NetworkReader.mirror(method, FirstOnly.class.getCanonicalName());
        if (firstOnly.isPresent() && defaultValue.isEmpty()) {
            problems.add(LocatedProblem.of(Message.FIRST_ONLY_WITHOUT_DEFAULT, new SourceLocation(method,
                    firstOnly.get(), Optional.empty()), name));
            return Optional.empty();
        }
        return Optional.of(new ParamDecl(name, type, defaultValue, firstOnly.isPresent()));
    }
}
