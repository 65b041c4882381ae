package dev.netcost.processor.read;

import dev.netcost.FirstOnly;
import dev.netcost.processor.model.ParamDecl;
import dev.netcost.processor.model.ProblemKind;
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

    /** The parameter, or empty with a problem when its type or {@code @FirstOnly} is wrong. */
    static Optional<ParamDecl> read(ExecutableElement method, List<LocatedProblem> problems) {
        String name = method.getSimpleName().toString();
        if (name.equals(dev.netcost.processor.model.NodeDecl.IN_CHANNELS)) {
            problems.add(new LocatedProblem(ProblemKind.BLOCK_PARAMETER, new SourceLocation(method, Optional.empty(),
                    Optional.empty()), "in: a block parameter may not be named `in`: expressions use that name for"
                    + " the channels coming into the block; rename the parameter"));
            return Optional.empty();
        }
        ValueType type;
        if (method.getReturnType().getKind() == TypeKind.INT) {
            type = ValueType.INT;
        } else if (method.getReturnType().getKind() == TypeKind.BOOLEAN) {
            type = ValueType.BOOLEAN;
        } else {
            problems.add(new LocatedProblem(ProblemKind.BLOCK_PARAMETER, new SourceLocation(method, Optional.empty(),
                    Optional.empty()), name + ": a block parameter is an int or a boolean, not "
                    + method.getReturnType() + "; its values feed layer attributes through @With"));
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
            problems.add(new LocatedProblem(ProblemKind.BLOCK_PARAMETER, new SourceLocation(method, firstOnly.get(), Optional.empty()), name
                    + ": @FirstOnly gives the repeats after the first this parameter's default, and it has none;"
                    + " add one, such as `int " + name + "() default 1;`"));
            return Optional.empty();
        }
        return Optional.of(new ParamDecl(name, type, defaultValue, firstOnly.isPresent()));
    }
}
