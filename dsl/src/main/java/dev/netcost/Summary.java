package dev.netcost;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Renders a network's layers as a plain-text table, as torchinfo's and Keras's
 * {@code summary()} do. The generated {@code summary()} and the generated Javadoc both use it,
 * so the two always agree. Output is the same on every machine: no locale, no time.
 */
public final class Summary {
    private static final String[] HEADER = {"Layer", "Op", "Output shape", "Params", "MACs"};
    private static final String GAP = "  ";

    private Summary() {}

    /**
     * The table for {@code layers}, headed by the network's name, input shape and batch, and
     * closed by the totals.
     */
    public static String table(String network, Shape input, int batch, List<Layer> layers) {
        return table(network, input, batch, layers, List.of(), Integer.MAX_VALUE);
    }

    /**
     * The table with blocks collapsed below {@code depth}, as torchinfo's {@code depth} does:
     * depth 1 shows the network's own fields, a block use as one row; depth 2 adds the instances
     * of repeated blocks and the fields inside blocks; and so on. Totals are always the whole
     * network's.
     *
     * @param layers every layer, with its path ({@code layer3[0].conv2}), in execution order
     * @param blocks every block use and instance, with its path ({@code layer3}, {@code layer3[0]})
     */
    public static String table(String network, Shape input, int batch, List<Layer> layers, List<Layer> blocks,
            int depth) {
        if (depth < 1) {
            throw new IllegalArgumentException("depth " + depth + " is below 1");
        }
        Map<String, Layer> blockByPath = new HashMap<>();
        for (Layer block : blocks) {
            blockByPath.put(block.name(), block);
        }
        long params = 0;
        long buffers = 0;
        long macs = 0;
        long flops = 0;
        List<String[]> rows = new ArrayList<>();
        rows.add(HEADER);
        Set<String> shown = new HashSet<>();
        for (Layer layer : layers) {
            params = Math.addExact(params, layer.params());
            buffers = Math.addExact(buffers, layer.buffers());
            macs = Math.addExact(macs, layer.macs());
            flops = Math.addExact(flops, layer.flops());
            for (String ancestor : ancestors(layer.name())) {
                Layer block = blockByPath.get(ancestor);
                if (depth(ancestor) <= depth && block != null && shown.add(ancestor)) {
                    rows.add(row(block));
                }
            }
            if (depth(layer.name()) <= depth) {
                rows.add(row(layer));
            }
        }
        Shape output = layers.isEmpty() ? input : layers.get(layers.size() - 1).output();
        String[] total = {"Total", "", output.toString(), grouped(params), grouped(macs)};
        rows.add(total);

        int[] width = new int[HEADER.length];
        for (String[] row : rows) {
            for (int c = 0; c < row.length; c++) {
                width[c] = Math.max(width[c], row[c].length());
            }
        }
        int lineWidth = (width.length - 1) * GAP.length();
        for (int w : width) {
            lineWidth += w;
        }
        String rule = "-".repeat(lineWidth);
        String doubleRule = "=".repeat(lineWidth);

        StringBuilder out = new StringBuilder();
        out.append(network).append(": input ").append(input).append(", batch ").append(batch).append('\n');
        out.append(doubleRule).append('\n');
        appendRow(out, HEADER, width);
        out.append(rule).append('\n');
        for (int r = 1; r < rows.size() - 1; r++) {
            appendRow(out, rows.get(r), width);
        }
        out.append(rule).append('\n');
        appendRow(out, total, width);
        out.append(doubleRule).append('\n');
        out.append("Params:  ").append(grouped(params)).append('\n');
        out.append("Buffers: ").append(grouped(buffers)).append('\n');
        out.append("MACs:    ").append(grouped(macs)).append(" (").append(scaled(macs)).append(")\n");
        out.append("FLOPs:   ").append(grouped(flops)).append(" (").append(scaled(flops)).append(")\n");
        return out.toString();
    }

    private static String[] row(Layer layer) {
        return new String[] {
            layer.name(), layer.op(), layer.output().toString(), grouped(layer.params()), grouped(layer.macs())
        };
    }

    /** How deep a path is: {@code conv1} 1, {@code layer3} 1, {@code layer3[0]} 2, {@code layer3[0].conv2} 3. */
    static int depth(String path) {
        int depth = 1;
        for (int i = 0; i < path.length(); i++) {
            if (path.charAt(i) == '.' || path.charAt(i) == '[') {
                depth++;
            }
        }
        return depth;
    }

    /** The paths enclosing {@code path}, outermost first: {@code layer3}, {@code layer3[0]}. */
    static List<String> ancestors(String path) {
        List<String> ancestors = new ArrayList<>();
        for (int i = 0; i < path.length(); i++) {
            if (path.charAt(i) == '.' || path.charAt(i) == '[') {
                ancestors.add(path.substring(0, i));
            }
        }
        return ancestors;
    }

    private static void appendRow(StringBuilder out, String[] row, int[] width) {
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < row.length; c++) {
            if (c > 0) {
                line.append(GAP);
            }
            // Names and shapes read left to right; counts line up on their last digit.
            boolean numeric = c >= 3;
            String pad = " ".repeat(width[c] - row[c].length());
            line.append(numeric ? pad + row[c] : row[c] + pad);
        }
        out.append(line.toString().stripTrailing()).append('\n');
    }

    /** {@code 1234567} as {@code 1,234,567}, whatever the default locale. */
    public static String grouped(long value) {
        // Not Math.abs: it overflows on Long.MIN_VALUE.
        String digits = value < 0 ? Long.toString(value).substring(1) : Long.toString(value);
        StringBuilder s = new StringBuilder();
        int lead = digits.length() % 3 == 0 ? 3 : digits.length() % 3;
        s.append(digits, 0, lead);
        for (int i = lead; i < digits.length(); i += 3) {
            s.append(',').append(digits, i, i + 3);
        }
        return value < 0 ? "-" + s : s.toString();
    }

    /** A count in K, M, G, T, P or E with two decimals ({@code 0.71 G}), rounded half up. */
    public static String scaled(long value) {
        String[] units = {"", " K", " M", " G", " T", " P", " E"};
        long scale = 1;
        int unit = 0;
        while (unit < units.length - 1 && Math.abs(value / scale) >= 1000) {
            scale *= 1000;
            unit++;
        }
        if (unit == 0) {
            return Long.toString(value);
        }
        return BigDecimal.valueOf(value).divide(BigDecimal.valueOf(scale), 2, RoundingMode.HALF_UP).toPlainString()
                + units[unit];
    }
}
