package dev.netcost.processor.infer;

import dev.netcost.processor.model.Fault;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The arguments, written at the network's field that uses a block, that a value inside the block
 * was computed from: none (a default, a constant of the block), one, or several
 * ({@code @With(groups = "a * b")} used as {@code @G(a = 1, b = 3)}).
 *
 * @param arguments in the order the expressions read them, each once
 */
record Origin(List<Argument> arguments) {
    static final Origin NONE = new Origin(List.of());

    Origin {
        arguments = List.copyOf(arguments);
    }

    /** An argument as the use gave it: {@code a = 1}. */
    record Argument(String name, Object value) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Argument that && name.equals(that.name) && Objects.equals(value, that.value);
        }

        @Override
        public int hashCode() {
            return 31 * name.hashCode() + Objects.hashCode(value);
        }

        @Override
        public String toString() {
            return name + " = " + value;
        }
    }

    static Origin of(String argument, Object value) {
        return new Origin(List.of(new Argument(argument, value)));
    }

    /** Both origins' arguments, each once. */
    Origin and(Origin other) {
        if (other.arguments.isEmpty() || other.equals(this)) {
            return this;
        }
        if (arguments.isEmpty()) {
            return other;
        }
        List<Argument> both = new ArrayList<>(arguments);
        for (Argument a : other.arguments) {
            if (!named(both, a.name())) {
                both.add(a);
            }
        }
        return new Origin(both);
    }

    /** Whether one of {@code arguments} is named {@code name}. */
    private static boolean named(List<Argument> arguments, String name) {
        for (Argument b : arguments) {
            if (b.name().equals(name)) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@code fault}, met inside a block instance, placed at the network's field that uses the
     * block: on the one argument the value at fault came from; on the block annotation when none
     * did; and there too when several did, since no one of them is the culprit, with the message
     * naming each.
     *
     * @param what the value at fault, as the message names it: {@code groups}, {@code @If}
     */
    Fault place(Fault fault, String what) {
        if (arguments.size() == 1) {
            return Fault.onArgument(arguments.get(0).name(), fault.kind(), fault.message());
        }
        Fault onAnnotation = Fault.onAnnotation(fault.kind(), fault.message());
        if (arguments.isEmpty()) {
            return onAnnotation;
        }
        StringBuilder named = new StringBuilder();
        for (int i = 0; i < arguments.size(); i++) {
            if (i > 0) {
                named.append(i == arguments.size() - 1 ? " and " : ", ");
            }
            named.append(arguments.get(i));
        }
        return onAnnotation.withMessage(fault.message() + "; " + what + " comes from " + named);
    }

    // Written out, as ColdPathRulesTest asks of a record compared or hashed on every compile's path:
    // the generated ones link an invokedynamic call site on first use (docs/architecture.md, "Cold builds").
    @Override
    public boolean equals(Object other) {
        return other instanceof Origin that && arguments.equals(that.arguments);
    }

    @Override
    public int hashCode() {
        return arguments.hashCode();
    }
}
