package dev.netcost.processor.model;

import dev.netcost.Shape;
import dev.netcost.processor.model.expr.ValueType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the expressions of an op you declare ({@link UserOpDecl}) may read: its attributes, and
 * its input's dimensions by the names its layout gives them ({@code C}, {@code H}, {@code W};
 * {@code T}, {@code E}) or by index ({@code dim(0)}), its {@code rank}, {@code numel} and
 * {@code in}; the figures and the memory traffic also the output's, {@code outDim(i)} and
 * {@code outNumel}. One place for these names, which the reader checks a declaration against and
 * {@link UserOp} fills for each input.
 */
public final class OpScope {
    /** The input's rank. */
    public static final String RANK = "rank";
    /** The input's elements. */
    public static final String NUMEL = "numel";
    /** The input's dimensions, read by index. */
    public static final String DIM = "dim";
    /** The output's dimensions, read by index, in the figures and the memory traffic only. */
    public static final String OUT_DIM = "outDim";
    /** The output's elements, in the figures and the memory traffic only. */
    public static final String OUT_NUMEL = "outNumel";

    /** Every dimension name a layout gives, whatever the rank. */
    private static final List<String> DIMENSION_NAMES = List.of("C", "L", "D", "H", "W", "T", "E");

    private OpScope() {}

    /**
     * The names an op's attribute may not take, each with what expressions use it for: the
     * expressions could not tell the attribute from the input's figure.
     */
    public static Map<String, String> reserved() {
        Map<String, String> reserved = new LinkedHashMap<>();
        for (String name : DIMENSION_NAMES) {
            reserved.put(name, "a dimension of the input");
        }
        reserved.put(RANK, "the input's rank");
        reserved.put(NUMEL, "the input's elements");
        reserved.put(NodeDecl.IN_CHANNELS, "the input's features");
        reserved.put(DIM, "the input's dimensions");
        reserved.put(OUT_DIM, "the output's dimensions");
        reserved.put(OUT_NUMEL, "the output's elements");
        return reserved;
    }

    /**
     * The names of the dimensions of an input of {@code rank} in {@code layout}: {@code (C, H, W)},
     * {@code (H, W, C)}, {@code (T, E)}; empty for a rank the layout does not name.
     */
    public static Optional<List<String>> dimensionNames(Layout layout, int rank) {
        return Optional.ofNullable(switch (layout) {
            case FEATURES -> switch (rank) {
                case 1 -> List.of("C");
                case 2 -> List.of("C", "L");
                case 3 -> List.of("C", "H", "W");
                case 4 -> List.of("C", "D", "H", "W");
                default -> null;
            };
            case CHANNELS_LAST -> switch (rank) {
                case 3 -> List.of("H", "W", "C");
                case 4 -> List.of("D", "H", "W", "C");
                default -> null;
            };
            case TOKENS -> rank == 2 ? List.of("T", "E") : null;
        });
    }

    /**
     * The types of the names a declaration's expressions may read, for its checks: its attributes
     * (but its {@code int[]} ones, read by index only) and every name its layouts give a dimension.
     *
     * @param output whether the output's names are in scope too (the figures and the memory traffic)
     */
    public static Map<String, ValueType> types(List<UserOpDecl.Attribute> attrs, Set<Layout> layouts,
            boolean output) {
        Map<String, ValueType> types = new LinkedHashMap<>();
        for (UserOpDecl.Attribute attr : attrs) {
            if (attr.kind() != Attr.Kind.INTS) {
                types.put(attr.name(), attr.kind() == Attr.Kind.BOOLEAN ? ValueType.BOOLEAN : ValueType.INT);
            }
        }
        Set<String> dims = new LinkedHashSet<>();
        for (Layout layout : Layout.values()) {
            if (layouts.contains(layout)) {
                for (int rank = 1; rank <= 4; rank++) {
                    Optional<List<String>> names = dimensionNames(layout, rank);
                    if (names.isPresent()) {
                        dims.addAll(names.get());
                    }
                }
            }
        }
        for (String dim : dims) {
            types.put(dim, ValueType.INT);
        }
        types.put(RANK, ValueType.INT);
        types.put(NUMEL, ValueType.INT);
        types.put(NodeDecl.IN_CHANNELS, ValueType.INT);
        if (output) {
            types.put(OUT_NUMEL, ValueType.INT);
        }
        return types;
    }

    /** The lists a declaration's expressions may read by index: {@code dim}, its {@code int[]} attributes, and {@code outDim}. */
    public static Set<String> lists(List<UserOpDecl.Attribute> attrs, boolean output) {
        Set<String> lists = new LinkedHashSet<>();
        lists.add(DIM);
        if (output) {
            lists.add(OUT_DIM);
        }
        for (UserOpDecl.Attribute attr : attrs) {
            if (attr.kind() == Attr.Kind.INTS) {
                lists.add(attr.name());
            }
        }
        return lists;
    }

    /** The values of the input's names, for {@code input} in {@code layout}, beside {@code attributes}. */
    static Map<String, Object> of(Map<String, Object> attributes, Shape input, Layout layout) {
        Map<String, Object> values = new LinkedHashMap<>(attributes);
        List<Long> dims = new ArrayList<>();
        for (long d : input.dims()) {
            dims.add(d);
        }
        Optional<List<String>> names = dimensionNames(layout, input.rank());
        if (names.isPresent()) {
            for (int i = 0; i < names.get().size(); i++) {
                values.put(names.get().get(i), dims.get(i));
            }
        }
        values.put(RANK, (long) input.rank());
        values.put(NUMEL, input.numel());
        values.put(NodeDecl.IN_CHANNELS, layout.features(input));
        values.put(DIM, List.copyOf(dims));
        return values;
    }

    /** {@code values} with the output's names too. */
    static Map<String, Object> withOutput(Map<String, Object> values, Shape output) {
        Map<String, Object> all = new LinkedHashMap<>(values);
        List<Long> dims = new ArrayList<>();
        for (long d : output.dims()) {
            dims.add(d);
        }
        all.put(OUT_DIM, List.copyOf(dims));
        all.put(OUT_NUMEL, output.numel());
        return all;
    }

    /** The names of the input's dimensions in {@code values}, for a message: {@code C, H, W}. */
    static String dimensionsOf(Shape input, Layout layout) {
        Optional<List<String>> names = dimensionNames(layout, input.rank());
        return names.isPresent() ? String.join(", ", names.get()) : "dim(0) to dim(" + (input.rank() - 1) + ")";
    }

    /** Whether {@code name} is one a layout gives a dimension. */
    static boolean isDimensionName(String name) {
        return DIMENSION_NAMES.contains(name);
    }
}
