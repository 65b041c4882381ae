package dev.netcost;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

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
        long params = 0;
        long buffers = 0;
        long macs = 0;
        long flops = 0;
        List<String[]> rows = new ArrayList<>();
        rows.add(HEADER);
        for (Layer layer : layers) {
            params = Math.addExact(params, layer.params());
            buffers = Math.addExact(buffers, layer.buffers());
            macs = Math.addExact(macs, layer.macs());
            flops = Math.addExact(flops, layer.flops());
            rows.add(new String[] {
                layer.name(), layer.op(), layer.output().toString(), grouped(layer.params()), grouped(layer.macs())
            });
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
