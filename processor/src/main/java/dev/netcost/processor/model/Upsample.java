package dev.netcost.processor.model;

import dev.netcost.Interpolation;
import dev.netcost.Shape;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * {@code @Upsample}: PyTorch's {@code nn.Upsample} and {@code F.interpolate} on a channels-first
 * map. The channels are kept; the spatial size is {@code n * scale}, the {@code size} given, or
 * the spatial size of the tensor {@code like} names, exactly one of the three.
 *
 * @param scale the integer scale factors, one or one per spatial dimension; empty when not given
 * @param size  the output's spatial size, one or one per spatial dimension; empty when not given
 * @param like  the tensor whose spatial size the output takes; empty when none is named
 */
public record Upsample(List<Integer> scale, List<Integer> size, String like, Interpolation mode,
        boolean alignCorners) implements Op {
    public Upsample {
        scale = List.copyOf(scale);
        size = List.copyOf(size);
    }

    @Override
    public Set<Layout> accepts() {
        return EnumSet.of(Layout.FEATURES);
    }

    @Override
    public Fault refuse(Shape input, Layout layout) {
        return Refusals.needsChannelsFirstMap("@Upsample", input, layout);
    }

    @Override
    public List<Fault> validate() {
        List<Fault> faults = new ArrayList<>();
        List<Attr> given = new ArrayList<>();
        if (!scale.isEmpty()) {
            given.add(Attr.SCALE);
            Window.checkValues(faults, Attr.SCALE, scale, 1, "scale factor");
        }
        if (!size.isEmpty()) {
            given.add(Attr.SIZE);
            Window.checkValues(faults, Attr.SIZE, size, 1, "output size");
        }
        if (!like.isEmpty()) {
            given.add(Attr.LIKE);
        }
        if (given.isEmpty()) {
            faults.add(Message.UPSAMPLE_SIZE_NOT_GIVEN.onAnnotation());
        } else if (given.size() > 1) {
            // On the second: the first one given is as likely the one meant.
            List<String> names = new ArrayList<>(given.size());
            for (Attr attr : given) {
                names.add(attr.javaName());
            }
            faults.add(Message.UPSAMPLE_SIZE_GIVEN_TWICE.on(given.get(1), String.join(" and ", names)));
        }
        if (alignCorners && mode == Interpolation.NEAREST) {
            faults.add(Message.ALIGN_CORNERS_WITH_NEAREST.on(Attr.ALIGN_CORNERS));
        }
        return faults;
    }

    /** By {@code scale} or to {@code size}. */
    @Override
    public ShapeResult outputShape(Shape input) {
        if (!like.isEmpty()) {
            throw new IllegalStateException("@Upsample(like = \"" + like + "\") takes the size of the tensor it names");
        }
        List<Fault> faults = fit(input);
        if (faults.isEmpty()) {
            Attr given = scale.isEmpty() ? Attr.SIZE : Attr.SCALE;
            Window.checkArity(faults, given, given == Attr.SCALE ? scale : size, input);
        }
        if (!faults.isEmpty()) {
            return ShapeResult.failed(faults);
        }
        int rank = input.rank() - 1;
        long[] out;
        if (scale.isEmpty()) {
            out = Window.perDimension(size, rank);
        } else {
            out = Window.perDimension(scale, rank);
            long[] n = Window.spatial(input);
            for (int i = 0; i < rank; i++) {
                out[i] = Math.multiplyExact(n[i], out[i]);
            }
        }
        return ShapeResult.of(Window.withSpatial(input.dim(0), out));
    }

    /** To the spatial size of the tensor {@code like} names. */
    @Override
    public ShapeResult outputShape(Shape input, Layout layout, SideTensor like) {
        List<Fault> faults = fit(input);
        if (faults.isEmpty()) {
            var unfit = like.unfitFor(input);
            if (unfit.isPresent()) {
                faults.add(unfit.get());
            }
        }
        if (!faults.isEmpty()) {
            return ShapeResult.failed(faults);
        }
        return ShapeResult.of(Window.withSpatial(input.dim(0), like.spatial()));
    }

    /** Whether the input has spatial dimensions, and as many as the mode interpolates. */
    private List<Fault> fit(Shape input) {
        List<Fault> faults = new ArrayList<>();
        var rank = Window.requireSpatial("@Upsample", input);
        if (rank.isPresent()) {
            faults.add(rank.get());
        }
        int dimensions = dimensions(mode);
        int spatial = input.rank() - 1;
        if (faults.isEmpty() && dimensions > 0 && dimensions != spatial) {
            faults.add(Message.MODE_NOT_FITTING_INPUT.on(Attr.MODE, mode, dimensions, spatial, fitting(spatial)));
        }
        return faults;
    }

    @Override
    public Cost cost(Shape input, Shape output) {
        return Cost.flopsOnly(Math.multiplyExact(output.numel(), flopsPerElement(mode)));
    }

    /**
     * The backward kernels add each output's gradient into the input cells it was interpolated from,
     * times their weights: a multiply and an add per cell, nearest 1 (an add, no weight), linear 4,
     * bilinear 8, trilinear 16, bicubic 32 per output element. It keeps nothing but sizes and scales.
     */
    @Override
    public Backprop backprop(Shape input, Shape output, Layout layout, java.util.Optional<SideTensor> side,
            Cost forward, BackwardPass pass) {
        if (!pass.inputGradient()) {
            return Backprop.passThrough(forward.flops());
        }
        return new Backprop(forward.flops(), Work.flops(Math.multiplyExact(backwardFlopsPerElement(mode), output.numel())),
                Work.NONE, Saved.NOTHING);
    }

    /** Per output element in backward: 2 per cell read (multiply by its weight, add), nearest 1. */
    static long backwardFlopsPerElement(Interpolation mode) {
        return switch (mode) {
            case NEAREST -> 1;
            case LINEAR -> 2 * 2;
            case BILINEAR -> 2 * 4;
            case TRILINEAR -> 2 * 8;
            case BICUBIC -> 2 * 16;
        };
    }

    @Override
    public String displayName(Shape input) {
        return "Upsample";
    }

    /**
     * The multiplies and adds of one output element's weighted sum, one dimension after the
     * other as PyTorch's CPU kernels compute it: a linear step {@code w0*x0 + w1*x1} is 3, a cubic
     * step over four cells 7. Nearest copies. The weights depend on the position only and are not
     * counted.
     */
    static long flopsPerElement(Interpolation mode) {
        return switch (mode) {
            case NEAREST -> 0;
            case LINEAR -> 3; // one linear step
            case BILINEAR -> 3 * 3; // two along the width, one along the height
            case TRILINEAR -> 7 * 3; // four along the width, two along the height, one along the depth
            case BICUBIC -> 5 * 7; // four cubic steps along the width, one along the height
        };
    }

    /** The spatial dimensions a mode interpolates, as PyTorch requires them; 0 for any. */
    private static int dimensions(Interpolation mode) {
        return switch (mode) {
            case NEAREST -> 0;
            case LINEAR -> 1;
            case BILINEAR, BICUBIC -> 2;
            case TRILINEAR -> 3;
        };
    }

    /** The modes for an input of {@code spatial} dimensions, for a message. */
    private static String fitting(int spatial) {
        return switch (spatial) {
            case 1 -> "LINEAR or NEAREST";
            case 2 -> "BILINEAR, BICUBIC or NEAREST";
            default -> "TRILINEAR or NEAREST";
        };
    }
}
