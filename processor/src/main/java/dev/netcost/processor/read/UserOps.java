package dev.netcost.processor.read;

import dev.netcost.CustomOp;
import dev.netcost.Required;
import dev.netcost.processor.model.Attr;
import dev.netcost.processor.model.AttrValue;
import dev.netcost.processor.model.Layout;
import dev.netcost.processor.model.Message;
import dev.netcost.processor.model.OpScope;
import dev.netcost.processor.model.UserOpDecl;
import dev.netcost.processor.model.expr.Expr;
import dev.netcost.processor.model.expr.ExprException;
import dev.netcost.processor.model.expr.ExprParser;
import dev.netcost.processor.model.expr.ValueType;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;

/**
 * Reads the ops users declare ({@code @CustomOp} on an annotation interface) into
 * {@link UserOpDecl}s, each once per compilation, from source or from a class file alike, and
 * checks each declaration by itself: its attributes' types and names, every expression's syntax,
 * names and type, its checks' attributes. A mistake there is placed on the declaration's value at
 * fault, whatever its uses; the reporter prints it once.
 */
public final class UserOps {
    /** {@code dev.netcost.CustomOp}. */
    static final String CUSTOM_OP = CustomOp.class.getCanonicalName();

    /**
     * A declaration as read: the op, or the problems that keep it from being one.
     *
     * @param decl empty when {@code problems} is not
     */
    record Read(Optional<UserOpDecl> decl, List<LocatedProblem> problems) {
        Read {
            problems = List.copyOf(problems);
        }
    }

    private final Elements elements;
    /**
     * Whether a problem may be placed on a value inside a nested annotation or an array
     * ({@code @CustomOp.Check(attribute = "kk")}, one dimension of {@code shape}): javac finds those;
     * ECJ's messager fails on a nested annotation and places an array's item on the line's start,
     * so there the problem goes on the element of {@code @CustomOp} that holds it.
     */
    private final boolean nestedValues;
    /** Declarations read whole: javac resolved every value, so they cannot change in a later round. */
    private final Map<String, Read> read = new HashMap<>();

    UserOps(Elements elements, boolean nestedValues) {
        this.elements = elements;
        this.nestedValues = nestedValues;
    }

    /** Whether {@code mirror} is the annotation of an op a user declared. */
    static boolean isUserOp(AnnotationMirror mirror) {
        return NetworkReader.mirror(mirror.getAnnotationType().asElement(), CUSTOM_OP).isPresent();
    }

    /**
     * The declaration {@code type}, read once.
     *
     * @throws UnreadableValueException if javac could not resolve one of its values (yet)
     */
    Read read(TypeElement type) {
        String name = type.getQualifiedName().toString();
        Read known = read.get(name);
        if (known == null) {
            known = new Declaration(type).read();
            read.put(name, known);
        }
        return known;
    }

    /**
     * The mistakes of the declaration {@code type}, for a declaration no network of this
     * compilation uses; empty when javac could not resolve a value, which it reports itself.
     */
    public List<LocatedProblem> problems(TypeElement type) {
        try {
            return read(type).problems();
        } catch (UnreadableValueException e) {
            return List.of();
        }
    }

    /** One declaration being read, with the problems found so far. */
    private final class Declaration {
        private final TypeElement type;
        private final AnnotationMirror mirror;
        private final AnnotationValues values;
        private final String simpleName;
        private final List<LocatedProblem> problems = new ArrayList<>();

        Declaration(TypeElement type) {
            this.type = type;
            this.mirror = NetworkReader.mirror(type, CUSTOM_OP).orElseThrow();
            this.values = new AnnotationValues(mirror, elements);
            this.simpleName = type.getSimpleName().toString();
        }

        Read read() {
            if (NetworkReader.mirror(type, LayerAnnotations.BLOCK).isPresent()) {
                // Read as either, it would be silently the one and not the other.
                problem(Message.OP_ALSO_BLOCK, new SourceLocation(type, mirror, Optional.empty()), simpleName);
                return new Read(Optional.empty(), problems);
            }
            List<UserOpDecl.Attribute> attrs = attributes();
            if (!problems.isEmpty()) {
                // An attribute refused: the expressions that read it would only echo the mistake.
                return new Read(Optional.empty(), problems);
            }
            Set<Layout> layouts = layouts();
            String name = values.string("name");
            if (!name.isEmpty() && !UserOpDecl.isPlainName(name)) {
                problem(Message.OP_NAME_NOT_PLAIN, on("name"), simpleName, javaLiteral(name),
                        UserOpDecl.NAME_MAX_LENGTH);
            }
            String display = name.isEmpty() ? simpleName : name;

            Set<String> inputLists = OpScope.lists(attrs, false);
            Map<String, ValueType> inputNames = OpScope.types(attrs, layouts, false);
            Set<String> allLists = OpScope.lists(attrs, true);
            Map<String, ValueType> allNames = OpScope.types(attrs, layouts, true);

            List<String> shapeTexts = values.strings("shape");
            List<AttrValue.Expression> shape = new ArrayList<>();
            if (shapeTexts.size() > 4) {
                problem(Message.OP_SHAPE_RANK, on("shape"), simpleName, shapeTexts.size());
            } else if (!shapeTexts.isEmpty() && UserOpDecl.layoutLost(layouts, shapeTexts.size()).isPresent()) {
                Layout lost = UserOpDecl.layoutLost(layouts, shapeTexts.size()).get();
                problem(lost == Layout.TOKENS ? Message.OP_SHAPE_RANK_TOKENS : Message.OP_SHAPE_RANK_CHANNELS_LAST,
                        on("shape"), simpleName, shapeTexts.size());
            } else {
                for (int i = 0; i < shapeTexts.size(); i++) {
                    Optional<AttrValue.Expression> size = expression(shapeTexts.get(i), "shape[" + i + "]",
                            item("shape", i), inputLists, inputNames, ValueType.INT);
                    if (size.isPresent()) {
                        shape.add(size.get());
                    }
                }
            }
            Map<UserOpDecl.Figure, AttrValue.Expression> figures = new EnumMap<>(UserOpDecl.Figure.class);
            for (UserOpDecl.Figure figure : UserOpDecl.Figure.values()) {
                String element = figure.javaName();
                Optional<AttrValue.Expression> expression = expression(values.string(element), element, on(element),
                        allLists, allNames, ValueType.INT);
                if (expression.isPresent()) {
                    figures.put(figure, expression.get());
                }
            }
            Optional<AttrValue.Expression> memory = Optional.empty();
            if (!values.string("memory").isBlank()) {
                memory = expression(values.string("memory"), "memory", on("memory"), allLists, allNames,
                        ValueType.INT);
            }
            List<UserOpDecl.Check> checks = checks(attrs, inputLists, inputNames);
            if (!problems.isEmpty()) {
                return new Read(Optional.empty(), problems);
            }
            return new Read(Optional.of(new UserOpDecl(type.getQualifiedName().toString(), simpleName, display,
                    attrs, layouts, shape, figures, memory, checks)), List.of());
        }

        /** The elements of the interface, each an {@code int}, {@code int[]} or {@code boolean} with a name of its own. */
        private List<UserOpDecl.Attribute> attributes() {
            Map<String, String> reserved = OpScope.reserved();
            List<UserOpDecl.Attribute> attrs = new ArrayList<>();
            for (Element member : type.getEnclosedElements()) {
                if (!(member instanceof ExecutableElement method)) {
                    continue;
                }
                String name = method.getSimpleName().toString();
                SourceLocation where = new SourceLocation(method, Optional.empty(), Optional.empty());
                Optional<Attr.Kind> kind = kind(method.getReturnType());
                if (kind.isEmpty()) {
                    problem(Message.OP_ATTRIBUTE_TYPE, where, name, method.getReturnType());
                } else if (reserved.containsKey(name)) {
                    problem(Message.OP_ATTRIBUTE_RESERVED, where, name, reserved.get(name));
                } else if (kind.get() == Attr.Kind.INTS && isFunction(name)) {
                    // max(0) would call the function, so the list could never be read.
                    problem(Message.OP_ATTRIBUTE_NAMES_FUNCTION, where, name);
                } else {
                    attrs.add(new UserOpDecl.Attribute(name, kind.get(),
                            NetworkReader.mirror(method, Required.class.getCanonicalName()).isPresent()));
                }
            }
            return attrs;
        }

        private Set<Layout> layouts() {
            Set<Layout> layouts = EnumSet.noneOf(Layout.class);
            for (AnnotationValue value : list("layouts")) {
                if (!(value.getValue() instanceof VariableElement constant)) {
                    throw new UnreadableValueException("layouts", "layouts holds " + value);
                }
                layouts.add(Layout.valueOf(constant.getSimpleName().toString()));
            }
            if (layouts.isEmpty()) {
                problem(Message.OP_NO_LAYOUTS, on("layouts"), simpleName);
            }
            return layouts;
        }

        private List<UserOpDecl.Check> checks(List<UserOpDecl.Attribute> attrs, Set<String> lists,
                Map<String, ValueType> names) {
            List<UserOpDecl.Check> checks = new ArrayList<>();
            for (AnnotationValue value : list("checks")) {
                if (!(value.getValue() instanceof AnnotationMirror check)) {
                    throw new UnreadableValueException("checks", "checks holds " + value);
                }
                AnnotationValues checkValues = new AnnotationValues(check, elements);
                Optional<AttrValue.Expression> require = expression(checkValues.string("require"), "require",
                        inCheck(check, checkValues, "require"), lists, names, ValueType.BOOLEAN);
                String attribute = checkValues.string("attribute").strip();
                if (!attribute.isEmpty() && !declares(attrs, attribute)) {
                    SourceLocation where = inCheck(check, checkValues, "attribute");
                    if (attrs.isEmpty()) {
                        problem(Message.OP_CHECK_ATTRIBUTE_NONE, where, simpleName, attribute, "@" + simpleName);
                    } else {
                        problem(Message.OP_CHECK_ATTRIBUTE_UNKNOWN, where, simpleName, attribute, "@" + simpleName,
                                names(attrs));
                    }
                    continue;
                }
                if (require.isPresent()) {
                    checks.add(new UserOpDecl.Check(require.get(), checkValues.string("message"),
                            attribute.isEmpty() ? Optional.empty() : Optional.of(attribute)));
                }
            }
            return checks;
        }


        /** The expression, parsed and of type {@code wanted}; empty after a problem on {@code where}. */
        private Optional<AttrValue.Expression> expression(String text, String element, SourceLocation where,
                Set<String> lists, Map<String, ValueType> names, ValueType wanted) {
            String what = simpleName + ": " + element;
            try {
                Expr expr = ExprParser.parse(text, lists);
                ValueType actual = expr.type(names);
                if (actual != wanted) {
                    problem(Message.EXPRESSION_INVALID, where, what, text,
                            Message.WRONG_TYPE.text(actual.withArticle(), wanted.withArticle()));
                    return Optional.empty();
                }
                return Optional.of(new AttrValue.Expression(expr, text.strip()));
            } catch (ExprException e) {
                problem(Message.EXPRESSION_INVALID, where, what, text, e.getMessage());
                return Optional.empty();
            }
        }

        /** The values of an array element, as javac gives them (one value written without braces too). */
        private List<AnnotationValue> list(String element) {
            Object value = values.value(element);
            if (!(value instanceof List<?> items)) {
                throw new UnreadableValueException(element, element + " is not an array: " + value);
            }
            List<AnnotationValue> out = new ArrayList<>();
            for (Object item : items) {
                if (!(item instanceof AnnotationValue v)) {
                    throw new UnreadableValueException(element, element + " holds " + item);
                }
                out.add(v);
            }
            return out;
        }

        /** On the value of {@code element} of {@code @CustomOp}. */
        private SourceLocation on(String element) {
            return new SourceLocation(type, mirror, values.written(element));
        }

        /** On {@code element} of one {@code @CustomOp.Check}, or on {@code checks} where only that can be found. */
        private SourceLocation inCheck(AnnotationMirror check, AnnotationValues checkValues, String element) {
            return nestedValues ? new SourceLocation(type, check, checkValues.written(element)) : on("checks");
        }

        /** On one value of the array {@code element}, or the whole array where javac gives no single one. */
        private SourceLocation item(String element, int index) {
            Optional<AnnotationValue> whole = values.written(element);
            if (nestedValues && whole.isPresent() && whole.get().getValue() instanceof List<?> items && index < items.size()
                    && items.get(index) instanceof AnnotationValue one) {
                return new SourceLocation(type, mirror, Optional.of(one));
            }
            return on(element);
        }

        private void problem(Message message, SourceLocation where, Object... args) {
            problems.add(LocatedProblem.of(message, where, args));
        }
    }

    /** Whether {@code name} is a function an expression may call ({@code max}). */
    private static boolean isFunction(String name) {
        for (Expr.Function function : Expr.Function.values()) {
            if (function.javaName().equals(name)) {
                return true;
            }
        }
        return false;
    }

    private static boolean declares(List<UserOpDecl.Attribute> attrs, String name) {
        for (UserOpDecl.Attribute attr : attrs) {
            if (attr.name().equals(name)) {
                return true;
            }
        }
        return false;
    }

    /** The names of {@code attrs}, in order, joined by commas, as the problems list them. */
    static String names(List<UserOpDecl.Attribute> attrs) {
        List<String> names = new ArrayList<>(attrs.size());
        for (UserOpDecl.Attribute attr : attrs) {
            names.add(attr.name());
        }
        return String.join(", ", names);
    }

    /**
     * {@code text} as a Java string literal writes it, without the quotes, for a message:
     * a tab as {@code \t}, so that the message stays on one line and shows what is wrong.
     */
    static String javaLiteral(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    /** What an element of the interface holds, if an op's attribute may hold it. */
    private static Optional<Attr.Kind> kind(TypeMirror type) {
        if (type instanceof ArrayType array) {
            return array.getComponentType().getKind() == TypeKind.INT ? Optional.of(Attr.Kind.INTS) : Optional.empty();
        }
        return switch (type.getKind()) {
            case INT -> Optional.of(Attr.Kind.INT);
            case BOOLEAN -> Optional.of(Attr.Kind.BOOLEAN);
            default -> Optional.empty();
        };
    }
}
