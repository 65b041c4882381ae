package dev.netcost.processor.model.expr;

import dev.netcost.processor.model.Message;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An integer or boolean expression from {@code @With} or {@code @If}, parsed by
 * {@link ExprParser}. Evaluation is exact: {@code long} arithmetic that throws
 * {@link ArithmeticException} on overflow or division by zero, never wraps.
 *
 * <p>Every method here recurses into the operands, so the tree must stay shallow however long
 * the text: a run of operators of one precedence ({@code a + b - c + ...}) is one {@link Chain},
 * a run of one unary sign ({@code - - x}) one {@link Unary}, an else-if run of {@code ? :} one
 * {@link Conditional}, and the parser refuses nesting deeper than {@link ExprParser#MAX_NESTING}.
 */
public sealed interface Expr {

    /** The expression's type, given the types of the variables in scope. */
    ValueType type(Map<String, ValueType> scope) throws ExprException;

    /** The value ({@code Long} or {@code Boolean}); call only on an expression that type-checked. */
    Object eval(Map<String, Object> values);

    /** Adds the variables this expression reads, in reading order. */
    void variables(Set<String> into);

    record Num(long value) implements Expr {
        @Override
        public ValueType type(Map<String, ValueType> scope) {
            return ValueType.INT;
        }

        @Override
        public Object eval(Map<String, Object> values) {
            return value;
        }

        @Override
        public void variables(Set<String> into) {}
    }

    record Bool(boolean value) implements Expr {
        @Override
        public ValueType type(Map<String, ValueType> scope) {
            return ValueType.BOOLEAN;
        }

        @Override
        public Object eval(Map<String, Object> values) {
            return value;
        }

        @Override
        public void variables(Set<String> into) {}
    }

    record Var(String name) implements Expr {
        @Override
        public ValueType type(Map<String, ValueType> scope) throws ExprException {
            ValueType type = scope.get(name);
            if (type == null) {
                throw new ExprException(Message.UNKNOWN_NAME, name, String.join(", ", scope.keySet()));
            }
            return type;
        }

        @Override
        public Object eval(Map<String, Object> values) {
            return values.get(name);
        }

        @Override
        public void variables(Set<String> into) {
            into.add(name);
        }
    }

    /**
     * {@code -x} or {@code !x}, or a run of one sign: {@code - - x} is {@code Unary('-', 2, x)}.
     * A run is applied sign by sign: {@code - -x} overflows where {@code -x} does.
     */
    record Unary(char op, int count, Expr operand) implements Expr {
        @Override
        public ValueType type(Map<String, ValueType> scope) throws ExprException {
            ValueType wanted = op == '-' ? ValueType.INT : ValueType.BOOLEAN;
            expect(operand, scope, wanted, String.valueOf(op));
            return wanted;
        }

        @Override
        public Object eval(Map<String, Object> values) {
            Object v = operand.eval(values);
            boolean odd = count % 2 == 1;
            if (op == '-') {
                long negated = Math.negateExact((Long) v); // the first sign overflows on Long.MIN_VALUE
                return odd ? negated : (Long) v;
            }
            return odd != (Boolean) v;
        }

        @Override
        public void variables(Set<String> into) {
            operand.variables(into);
        }
    }

    /**
     * Operators of one precedence level, left to right as in Java: {@code a - b + c} is
     * {@code (a - b) + c}. One node for the whole run, so that a sum of thousands of terms is
     * not thousands deep.
     */
    record Chain(Expr first, List<Step> steps) implements Expr {
        public Chain {
            steps = List.copyOf(steps);
        }

        /** {@code op operand}: one operator and the operand to its right. */
        public record Step(String op, Expr operand) {}

        @Override
        public ValueType type(Map<String, ValueType> scope) throws ExprException {
            ValueType left = first.type(scope);
            for (Step step : steps) {
                left = type(step.op(), left, step.operand(), scope);
            }
            return left;
        }

        /** The type of {@code left op right}, the left operand's type already known. */
        private static ValueType type(String op, ValueType left, Expr right, Map<String, ValueType> scope)
                throws ExprException {
            switch (op) {
                case "&&", "||" -> {
                    expect(left, ValueType.BOOLEAN, op);
                    expect(right, scope, ValueType.BOOLEAN, op);
                    return ValueType.BOOLEAN;
                }
                case "==", "!=" -> {
                    ValueType r = right.type(scope);
                    if (left != r) {
                        throw new ExprException(Message.COMPARED_TYPES_DIFFER, op, left.withArticle(),
                                r.withArticle());
                    }
                    return ValueType.BOOLEAN;
                }
                case "<", "<=", ">", ">=" -> {
                    expect(left, ValueType.INT, op);
                    expect(right, scope, ValueType.INT, op);
                    return ValueType.BOOLEAN;
                }
                default -> {
                    expect(left, ValueType.INT, op);
                    expect(right, scope, ValueType.INT, op);
                    return ValueType.INT;
                }
            }
        }

        @Override
        public Object eval(Map<String, Object> values) {
            Object left = first.eval(values);
            for (Step step : steps) {
                left = apply(step.op(), left, step.operand(), values);
            }
            return left;
        }

        /** {@code left op right}; {@code &&} and {@code ||} evaluate the right only when needed, as Java does. */
        private static Object apply(String op, Object l, Expr right, Map<String, Object> values) {
            if (op.equals("&&")) {
                return (Boolean) l && (Boolean) right.eval(values);
            }
            if (op.equals("||")) {
                return (Boolean) l || (Boolean) right.eval(values);
            }
            Object r = right.eval(values);
            return switch (op) {
                case "==" -> l.equals(r);
                case "!=" -> !l.equals(r);
                case "<" -> (Long) l < (Long) r;
                case "<=" -> (Long) l <= (Long) r;
                case ">" -> (Long) l > (Long) r;
                case ">=" -> (Long) l >= (Long) r;
                case "+" -> Math.addExact((Long) l, (Long) r);
                case "-" -> Math.subtractExact((Long) l, (Long) r);
                case "*" -> Math.multiplyExact((Long) l, (Long) r);
                case "/" -> divide((Long) l, (Long) r);
                case "%" -> Math.floorMod((Long) l, nonZero((Long) r));
                default -> throw new IllegalStateException("operator " + op);
            };
        }

        @Override
        public void variables(Set<String> into) {
            first.variables(into);
            for (Step step : steps) {
                step.operand().variables(into);
            }
        }

        /**
         * Python's {@code //}: rounded down. The one quotient beyond a {@code long},
         * {@code Long.MIN_VALUE / -1}, overflows as every other result does rather than wrap
         * ({@code Math.floorDiv} would give {@code Long.MIN_VALUE}).
         */
        private static long divide(long dividend, long divisor) {
            return nonZero(divisor) == -1 ? Math.negateExact(dividend) : Math.floorDiv(dividend, divisor);
        }

        private static long nonZero(long divisor) {
            if (divisor == 0) {
                throw new ArithmeticException(Message.DIVISION_BY_ZERO.text());
            }
            return divisor;
        }
    }

    /**
     * {@code c1 ? a : c2 ? b : otherwise}: the first branch whose condition holds, else
     * {@code otherwise}. An else-if run is one node, so that a long one is not deep.
     */
    record Conditional(List<Branch> branches, Expr otherwise) implements Expr {
        public Conditional {
            branches = List.copyOf(branches);
        }

        /** {@code condition ? then :}. */
        public record Branch(Expr condition, Expr then) {}

        @Override
        public ValueType type(Map<String, ValueType> scope) throws ExprException {
            List<ValueType> thens = new ArrayList<>();
            for (Branch branch : branches) {
                expect(branch.condition(), scope, ValueType.BOOLEAN, "?");
                thens.add(branch.then().type(scope));
            }
            // As nested `? :` would: the innermost pair of sides first.
            ValueType type = otherwise.type(scope);
            for (int i = thens.size() - 1; i >= 0; i--) {
                if (thens.get(i) != type) {
                    throw new ExprException(Message.CONDITIONAL_SIDES_DIFFER, thens.get(i).withArticle(),
                            type.withArticle());
                }
            }
            return type;
        }

        @Override
        public Object eval(Map<String, Object> values) {
            for (Branch branch : branches) {
                if ((Boolean) branch.condition().eval(values)) {
                    return branch.then().eval(values);
                }
            }
            return otherwise.eval(values);
        }

        @Override
        public void variables(Set<String> into) {
            for (Branch branch : branches) {
                branch.condition().variables(into);
                branch.then().variables(into);
            }
            otherwise.variables(into);
        }
    }

    /**
     * One value per dimension, {@code "1, k"}: only a per-dimension attribute takes it, as a
     * list of {@code Long}. Its own type is refused, so that nowhere else can use it.
     */
    record Tuple(List<Expr> items) implements Expr {
        public Tuple {
            items = List.copyOf(items);
        }

        @Override
        public ValueType type(Map<String, ValueType> scope) throws ExprException {
            throw new ExprException(Message.LIST_WHERE_ONE_VALUE, items.size());
        }

        /** Checks that every item is an int. */
        public void typeItems(Map<String, ValueType> scope) throws ExprException {
            for (Expr item : items) {
                expect(item, scope, ValueType.INT, ",");
            }
        }

        @Override
        public Object eval(Map<String, Object> values) {
            List<Object> out = new ArrayList<>();
            for (Expr item : items) {
                out.add(item.eval(values));
            }
            return out;
        }

        @Override
        public void variables(Set<String> into) {
            for (Expr item : items) {
                item.variables(into);
            }
        }
    }

    /** {@code max(a, b)}, {@code min(a, b)}, {@code divisible(v, d)}. */
    record Call(Function function, List<Expr> args) implements Expr {
        public Call {
            args = List.copyOf(args);
        }

        @Override
        public ValueType type(Map<String, ValueType> scope) throws ExprException {
            if (args.size() != 2) {
                throw new ExprException(Message.FUNCTION_ARGUMENT_COUNT, function.javaName(), args.size());
            }
            for (Expr arg : args) {
                expect(arg, scope, ValueType.INT, function.javaName());
            }
            return ValueType.INT;
        }

        @Override
        public Object eval(Map<String, Object> values) {
            long a = (Long) args.get(0).eval(values);
            long b = (Long) args.get(1).eval(values);
            return function.apply(a, b);
        }

        @Override
        public void variables(Set<String> into) {
            for (Expr arg : args) {
                arg.variables(into);
            }
        }
    }

    /**
     * {@code dim(0)}, {@code kernel(1)}: one value of a list (the input's dimensions in an op you
     * declare, an {@code int[]} attribute of it), counted from 0, or from the end when negative as
     * in Python. Only {@link ExprParser#parse(String, Set)} makes one, for the lists it is given.
     */
    record Index(String list, Expr index) implements Expr {
        @Override
        public ValueType type(Map<String, ValueType> scope) throws ExprException {
            expect(index, scope, ValueType.INT, list);
            return ValueType.INT;
        }

        @Override
        public Object eval(Map<String, Object> values) {
            List<?> items = (List<?>) values.get(list);
            long i = (Long) index.eval(values);
            long at = i < 0 ? i + items.size() : i;
            if (at < 0 || at >= items.size()) {
                throw new ArithmeticException(Message.INDEX_OUT_OF_RANGE.text(list, i, items.size()));
            }
            return items.get((int) at);
        }

        /** The list is read too, so that a check that reads {@code dim(0)} is known to need the input. */
        @Override
        public void variables(Set<String> into) {
            into.add(list);
            index.variables(into);
        }
    }

    /** The functions an expression may call. */
    enum Function {
        MAX("max"),
        MIN("min"),
        DIVISIBLE("divisible");

        private final String javaName;

        Function(String javaName) {
            this.javaName = javaName;
        }

        public String javaName() {
            return javaName;
        }

        long apply(long a, long b) {
            return switch (this) {
                case MAX -> Math.max(a, b);
                case MIN -> Math.min(a, b);
                case DIVISIBLE -> divisible(a, b);
            };
        }

        /**
         * torchvision's {@code _make_divisible(v, d)} on integers: {@code max(d, (v + d/2) // d * d)},
         * plus {@code d} if that is below {@code 0.9 * v}. For an integer {@code v},
         * {@code int(v + d / 2)} is {@code v + d // 2}, and {@code x < 0.9 v} is {@code 10x < 9v}.
         */
        static long divisible(long v, long d) {
            if (d <= 0) {
                throw new ArithmeticException(Message.DIVISIBLE_BELOW_ONE.text(d));
            }
            long rounded = Math.max(d, Math.multiplyExact(Math.floorDiv(Math.addExact(v, d / 2), d), d));
            return Math.multiplyExact(10, rounded) < Math.multiplyExact(9, v) ? Math.addExact(rounded, d) : rounded;
        }
    }

    private static void expect(Expr expr, Map<String, ValueType> scope, ValueType wanted, String op)
            throws ExprException {
        expect(expr.type(scope), wanted, op);
    }

    private static void expect(ValueType actual, ValueType wanted, String op) throws ExprException {
        if (actual != wanted) {
            throw new ExprException(Message.OPERAND_TYPE, op, wanted.withArticle(), actual.withArticle());
        }
    }
}
