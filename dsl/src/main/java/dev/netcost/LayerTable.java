package dev.netcost;

import java.util.List;

/**
 * Reads layers packed as text, as generated classes hold their {@code LAYERS} and {@code BLOCKS}:
 * a string constant costs javac next to nothing to compile, where a {@code new Layer(...)} per
 * layer costs it more than netcost spends on the layer, and a class file holds at most 65,535
 * constants, which one constructor call per layer of a 10,000-layer network would exceed.
 *
 * <p>One row per line, fields separated by tabs: path, op, input dims, output dims (each as
 * comma-separated numbers), params, buffers, MACs, FLOPs, activation bytes, memory-access bytes,
 * and {@value #TRAINING_ONLY} after them for a layer that runs only in training
 * ({@link Layer#trainingOnly}); a row without it runs at inference, as every row of a table
 * written before training-only layers existed does.
 *
 * <p>A line of two fields, {@code layer3[2..5]} and {@code as layer3[1]}, stands for the rows of
 * block instance {@code layer3[1]}, the last rows read, again for each of the instances 2 to 5,
 * renamed ({@code layer3[1].conv1} becomes {@code layer3[2].conv1}...); {@code layer3[2]} alone
 * stands for one instance. A block repeated a hundred thousand times is so the rows of its first
 * instances and a line, not a hundred thousand copies for javac to read. Tables written before
 * this form existed have no such line, and read as they did.
 */
public final class LayerTable {
    private static final int FIELDS = 10;
    /** The eleventh field of a row that runs only in training. */
    private static final String TRAINING_ONLY = "training";
    /** The second field of a line that repeats an instance's rows, before the instance's path. */
    private static final String AS = "as ";

    private LayerTable() {}

    /**
     * The layers of every chunk of rows, in order, as an immutable list: an empty one for no chunk,
     * which is how a companion writes a network's {@code BLOCKS} when it has none.
     */
    public static List<Layer> decode(String... chunks) {
        List<Layer> layers = new java.util.ArrayList<>();
        for (String chunk : chunks) {
            decode(chunk, layers);
        }
        return List.copyOf(layers);
    }

    /**
     * Appends the layers of {@code rows} to {@code into}, in order; a line that repeats an
     * instance's rows repeats them from the end of {@code into}.
     */
    public static void decode(String rows, List<Layer> into) {
        for (String row : lines(rows)) {
            String[] f = row.split("\t", -1);
            if (f.length == 2 && f[1].startsWith(AS)) {
                repeat(f[0], f[1].substring(AS.length()), row, into);
            } else {
                into.add(row(f, row));
            }
        }
    }

    /**
     * Appends the rows of {@code source} ({@code layer3[1]}), the last rows of {@code into}, once
     * for each instance {@code instances} names ({@code layer3[2..5]}), renamed.
     */
    private static void repeat(String instances, String source, String line, List<Layer> into) {
        int open = instances.lastIndexOf('[');
        if (open < 1 || !instances.endsWith("]") || !source.startsWith(instances.substring(0, open + 1))
                || !source.endsWith("]")) {
            throw new IllegalArgumentException("a repeat line names instances of one block use: " + line);
        }
        String use = instances.substring(0, open);
        String range = instances.substring(open + 1, instances.length() - 1);
        int dots = range.indexOf("..");
        int first = Integer.parseInt(dots < 0 ? range : range.substring(0, dots));
        int last = dots < 0 ? first : Integer.parseInt(range.substring(dots + 2));
        int start = into.size();
        while (start > 0 && within(into.get(start - 1).name(), source)) {
            start--;
        }
        if (start == into.size() || first > last) {
            throw new IllegalArgumentException("a repeat line follows the rows it repeats: " + line);
        }
        int end = into.size();
        for (int instance = first; instance <= last; instance++) {
            String renamed = use + "[" + instance + "]";
            for (int i = start; i < end; i++) {
                Layer l = into.get(i);
                into.add(new Layer(renamed + l.name().substring(source.length()), l.op(), l.input(), l.output(),
                        l.params(), l.buffers(), l.macs(), l.flops(), l.activationBytes(), l.memoryAccessBytes(),
                        l.trainingOnly()));
            }
        }
    }

    /** Whether {@code path} is {@code instance} or inside it: {@code layer3[1].conv1} in {@code layer3[1]}. */
    private static boolean within(String path, String instance) {
        return path.startsWith(instance) && (path.length() == instance.length()
                || path.charAt(instance.length()) == '.');
    }

    /** One row in the packed form: the inverse of {@link #decode}. */
    public static String encode(Layer layer) {
        return String.join("\t", layer.name(), layer.op(), dims(layer.input()), dims(layer.output()),
                Long.toString(layer.params()), Long.toString(layer.buffers()), Long.toString(layer.macs()),
                Long.toString(layer.flops()), Long.toString(layer.activationBytes()),
                Long.toString(layer.memoryAccessBytes())) + (layer.trainingOnly() ? "\t" + TRAINING_ONLY : "") + "\n";
    }

    /** The lines of {@code text}, each without its {@code \n}; a last {@code \n} ends the last line. */
    private static List<String> lines(String text) {
        List<String> lines = new java.util.ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = text.length();
            }
            lines.add(text.substring(start, end));
            start = end + 1;
        }
        return lines;
    }

    private static Layer row(String[] f, String row) {
        boolean trainingOnly = f.length == FIELDS + 1 && f[FIELDS].equals(TRAINING_ONLY);
        if (f.length != FIELDS && !trainingOnly) {
            throw new IllegalArgumentException("a layer row has " + FIELDS + " fields, and " + TRAINING_ONLY
                    + " after them for a layer that runs only in training: " + row);
        }
        return new Layer(f[0], f[1], shape(f[2]), shape(f[3]), Long.parseLong(f[4]), Long.parseLong(f[5]),
                Long.parseLong(f[6]), Long.parseLong(f[7]), Long.parseLong(f[8]), Long.parseLong(f[9]), trainingOnly);
    }

    /**
     * Shapes packed one per line as comma-separated dimensions ({@code "64,56,56\n256\n"}), as
     * generated classes hold the output shapes of their fields.
     */
    public static Shape[] shapes(String rows) {
        List<String> lines = lines(rows);
        Shape[] shapes = new Shape[lines.size()];
        for (int i = 0; i < shapes.length; i++) {
            shapes[i] = shape(lines.get(i));
        }
        return shapes;
    }

    /** A shape's dimensions as a packed row holds them: {@code 64,56,56}. */
    public static String dims(Shape shape) {
        StringBuilder s = new StringBuilder();
        for (long d : shape.dims()) {
            if (s.length() > 0) {
                s.append(',');
            }
            s.append(d);
        }
        return s.toString();
    }

    private static Shape shape(String dims) {
        String[] parts = dims.split(",");
        long[] values = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            values[i] = Long.parseLong(parts[i]);
        }
        return Shape.of(values);
    }
}
