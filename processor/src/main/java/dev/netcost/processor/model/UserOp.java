package dev.netcost.processor.model;

import dev.netcost.Shape;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One use of an op you declare ({@link UserOpDecl}), every attribute a value: its rules are the
 * expressions its declaration states, evaluated against the input. Nothing is assumed: the shape
 * and each figure are what the declaration says, and a check that fails is an error on the
 * attribute the declaration names, with the message it gives.
 *
 * @param decl   the declaration
 * @param values each attribute's value: {@code Long}, {@code Boolean} or a {@code List<Long>}
 */
public record UserOp(UserOpDecl decl, Map<String, Object> values) implements Op {
    public UserOp {
        values = Map.copyOf(values);
    }

    /** The checks that read only attributes, which need no input. */
    @Override
    public List<Fault> validate() {
        List<Fault> faults = new ArrayList<>();
        for (UserOpDecl.Check check : decl.checks()) {
            if (attributesOnly(check.require())) {
                check(check, values, faults);
            }
        }
        return faults;
    }

    @Override
    public Set<Layout> accepts() {
        return decl.layouts().isEmpty() ? EnumSet.noneOf(Layout.class) : EnumSet.copyOf(decl.layouts());
    }

    /** The layouts the declaration states, in words; the user knows what would make one of them. */
    @Override
    public Fault refuse(Shape input, Layout layout) {
        return Message.OP_LAYOUT_NOT_ACCEPTED.onAnnotation(decl.annotation(), describe(decl.layouts()), input,
                describe(layout));
    }

    @Override
    public ShapeResult outputShape(Shape input) {
        return outputShape(input, Layout.FEATURES);
    }

    /**
     * The checks that read the input, then the shape; and the figures too, so that one that
     * cannot be computed for this input (a division by zero) is an error here, on the layer, as
     * the shape's would be.
     */
    @Override
    public ShapeResult outputShape(Shape input, Layout layout) {
        Map<String, Object> scope = OpScope.of(values, input, layout);
        List<Fault> faults = new ArrayList<>();
        for (UserOpDecl.Check check : decl.checks()) {
            if (!attributesOnly(check.require()) && readable(check.require(), scope, input, layout, faults)) {
                check(check, scope, faults);
            }
        }
        if (!faults.isEmpty()) {
            return ShapeResult.failed(faults);
        }
        Shape output = input;
        if (!decl.shape().isEmpty()) {
            long[] dims = new long[decl.shape().size()];
            for (int i = 0; i < dims.length; i++) {
                AttrValue.Expression dim = decl.shape().get(i);
                Optional<Long> value = number(dim, "shape[" + i + "]", scope, input, layout, faults);
                if (value.isPresent() && value.get() < 1) {
                    faults.add(Message.OP_DIMENSION_BELOW_ONE.onAnnotation(decl.annotation(), i, dim.text(),
                            value.get()));
                }
                if (!faults.isEmpty()) {
                    return ShapeResult.failed(faults); // one mistake, one error: the dimensions after it would echo it
                }
                dims[i] = value.orElseThrow();
            }
            output = Shape.of(dims);
        }
        Map<String, Object> both = OpScope.withOutput(scope, output);
        for (Map.Entry<UserOpDecl.Figure, AttrValue.Expression> figure : figures().entrySet()) {
            String name = figure.getKey().javaName();
            Optional<Long> value = number(figure.getValue(), name, both, input, layout, faults);
            if (value.isPresent() && value.get() < 0) {
                faults.add(Message.OP_FIGURE_NEGATIVE.onAnnotation(decl.annotation(), name, figure.getValue().text(),
                        value.get()));
            }
            if (!faults.isEmpty()) {
                return ShapeResult.failed(faults);
            }
        }
        if (decl.memory().isPresent()) {
            AttrValue.Expression memory = decl.memory().get();
            Optional<Long> value = number(memory, "memory", both, input, layout, faults);
            if (value.isPresent() && value.get() < 0) {
                faults.add(Message.OP_FIGURE_NEGATIVE.onAnnotation(decl.annotation(), "memory", memory.text(),
                        value.get()));
            }
        }
        return faults.isEmpty() ? ShapeResult.of(output) : ShapeResult.failed(faults);
    }

    /** As {@link #cost(Shape, Shape, Layout)} on the first layout the declaration takes that names this input's rank. */
    @Override
    public Cost cost(Shape input, Shape output) {
        // Layout.values() runs in the enum's order, the order sorting the declared set gives.
        for (Layout layout : Layout.values()) {
            if (decl.layouts().contains(layout) && OpScope.dimensionNames(layout, input.rank()).isPresent()) {
                return cost(input, output, layout);
            }
        }
        return cost(input, output, Layout.FEATURES);
    }

    /** The figures as the declaration states them; {@link #outputShape} found each computable and not negative. */
    @Override
    public Cost cost(Shape input, Shape output, Layout layout) {
        Map<String, Object> scope = OpScope.withOutput(OpScope.of(values, input, layout), output);
        Map<UserOpDecl.Figure, Long> figures = new EnumMap<>(UserOpDecl.Figure.class);
        for (Map.Entry<UserOpDecl.Figure, AttrValue.Expression> figure : figures().entrySet()) {
            figures.put(figure.getKey(), (Long) figure.getValue().expr().eval(scope));
        }
        return new Cost(figures.get(UserOpDecl.Figure.PARAMS), figures.get(UserOpDecl.Figure.BUFFERS),
                figures.get(UserOpDecl.Figure.MACS), figures.get(UserOpDecl.Figure.FLOPS));
    }

    /** The declaration's memory traffic for one sample, or the rule every op follows. */
    @Override
    public long activationsMoved(Shape input, Shape output, Layout layout) {
        if (decl.memory().isEmpty()) {
            return Op.super.activationsMoved(input, output, layout);
        }
        return (Long) decl.memory().get().expr().eval(OpScope.withOutput(OpScope.of(values, input, layout), output));
    }

    /**
     * A declaration states no backward, so the cost model's default for ops you declare: the input's
     * gradient costs the forward's MACs and FLOPs again, and so do the parameters' when it has any;
     * it keeps its input. A declaration whose backward is otherwise is honest only as an estimate.
     */
    @Override
    public Backprop backprop(Shape input, Shape output, Layout layout, java.util.Optional<SideTensor> side,
            Cost forward, BackwardPass pass) {
        Work again = new Work(forward.macs(), forward.flops());
        return ProductGradients.of(forward.flops(), pass, again, Work.NONE, forward.params() > 0 ? again : Work.NONE,
                Saved.INPUT);
    }

    @Override
    public String displayName(Shape input) {
        return decl.displayName();
    }

    private Map<UserOpDecl.Figure, AttrValue.Expression> figures() {
        Map<UserOpDecl.Figure, AttrValue.Expression> inOrder = new EnumMap<>(UserOpDecl.Figure.class);
        inOrder.putAll(decl.figures());
        return inOrder;
    }

    /** Adds the check's fault if its condition does not hold, or cannot be computed. */
    private void check(UserOpDecl.Check check, Map<String, Object> scope, List<Fault> faults) {
        Object holds;
        try {
            holds = check.require().expr().eval(scope);
        } catch (ArithmeticException e) {
            faults.add(Message.EVALUATION_FAILED.onAnnotation("require", check.require().text(),
                    describe(check.require(), scope), e.getMessage()));
            return;
        }
        if (!(Boolean) holds) {
            String text = Message.OP_CHECK_FAILED.text(check.message(), decl.annotation(), check.require().text());
            faults.add(check.attribute().isPresent()
                    ? Fault.onArgument(check.attribute().get(), Message.OP_CHECK_FAILED.kind(), text)
                    : Fault.onAnnotation(Message.OP_CHECK_FAILED.kind(), text));
        }
    }

    /** An int expression's value; empty after adding why it has none for this input. */
    private Optional<Long> number(AttrValue.Expression expr, String what, Map<String, Object> scope, Shape input,
            Layout layout, List<Fault> faults) {
        if (!readable(expr, scope, input, layout, faults)) {
            return Optional.empty();
        }
        try {
            return Optional.of((Long) expr.expr().eval(scope));
        } catch (ArithmeticException e) {
            faults.add(Message.EVALUATION_FAILED.onAnnotation(what, expr.text(), describe(expr, scope), e.getMessage()));
            return Optional.empty();
        }
    }

    /** Whether every name {@code expr} reads is in {@code scope}; if not, adds the fault of the first that is not. */
    private boolean readable(AttrValue.Expression expr, Map<String, Object> scope, Shape input, Layout layout,
            List<Fault> faults) {
        Set<String> names = new LinkedHashSet<>();
        expr.expr().variables(names);
        for (String name : names) {
            if (!scope.containsKey(name)) {
                faults.add(Message.OP_DIMENSION_NOT_IN_INPUT.onAnnotation(decl.annotation(), name, input,
                        OpScope.dimensionsOf(input, layout)));
                return false;
            }
        }
        return true;
    }

    /** Whether {@code expr} reads attributes only, so that no input is needed to evaluate it. */
    private boolean attributesOnly(AttrValue.Expression expr) {
        Set<String> names = new LinkedHashSet<>();
        expr.expr().variables(names);
        return values.keySet().containsAll(names);
    }

    /** The values {@code expr} read, for messages: {@code numel = 56448, squeeze = 0}; lists left out. */
    private static String describe(AttrValue.Expression expr, Map<String, Object> scope) {
        Set<String> names = new LinkedHashSet<>();
        expr.expr().variables(names);
        List<String> parts = new ArrayList<>();
        for (String name : names) {
            if (!(scope.get(name) instanceof List<?>)) {
                parts.add(name + " = " + scope.get(name));
            }
        }
        return String.join(", ", parts);
    }

    /** {@code tokens (T, E)}: what a layout is, for messages. */
    private static String describe(Layout layout) {
        return switch (layout) {
            case FEATURES -> "a feature map, channels first";
            case CHANNELS_LAST -> "a map with its channels last";
            case TOKENS -> "tokens (T, E)";
        };
    }

    private static String describe(Set<Layout> layouts) {
        List<String> each = new ArrayList<>();
        for (Layout layout : Layout.values()) {
            if (layouts.contains(layout)) {
                each.add(describe(layout));
            }
        }
        return String.join(" or ", each);
    }
}
