package dev.netcost.processor.write;

import dev.netcost.DType;
import dev.netcost.Device;
import dev.netcost.Summary;
import dev.netcost.processor.infer.DeviceRoofline;
import dev.netcost.processor.infer.LayerAnalysis;
import dev.netcost.processor.infer.LayerTime;
import dev.netcost.processor.infer.NetworkAnalysis;
import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The roofline plot, {@code META-INF/netcost/<network>.roofline.svg}, for a network with
 * {@code @Roofline}: a panel per device, on log-log axes of arithmetic intensity (FLOP per byte) and
 * attained FLOP/s (a layer's FLOPs over its roofline time), with the device's roof (the bandwidth's
 * slope up to the ridge point, then the peak) and every layer that runs at inference and has FLOPs
 * and memory traffic as a point on it, coloured by its bound, its area by its share of the time.
 * Hand-written SVG, numbers to two decimals in a fixed locale, so two builds write the same bytes.
 * Draws what the analysis worked out: a point's height is its FLOPs over its time, which lies on the
 * roof as the time is {@code max(FLOPs / peak, bytes / bandwidth)}.
 */
final class RooflinePlot {
    private static final int WIDTH = 720;
    private static final int PANEL_HEIGHT = 440;
    private static final int LEFT = 80;
    private static final int RIGHT = 30;
    private static final int TOP = 50;
    private static final int BOTTOM = 60;
    private static final int CAPTION = 70;
    private static final String COMPUTE = "#d62728";
    private static final String MEMORY = "#1f77b4";
    private static final double NANOS_PER_SECOND = 1e9;

    private RooflinePlot() {}

    /** The layers of one point: the first, its time, and how many there are. */
    private static final class Point {
        private final LayerAnalysis first;
        private final LayerTime time;
        private long count;

        Point(LayerAnalysis first, LayerTime time) {
            this.first = first;
            this.time = time;
        }
    }

    /** Whether the layer is a point: it runs at inference, has FLOPs and moves memory. */
    static boolean plotted(LayerAnalysis layer) {
        return !layer.trainingOnly() && layer.cost().flops() > 0 && layer.traffic().memoryAccessBytes() > 0;
    }

    static void write(NetworkAnalysis analysis, Writer out) throws IOException {
        List<DeviceRoofline> devices = analysis.roofline();
        List<LayerAnalysis> layers = analysis.layers();
        DType dtype = analysis.network().dtype();
        int height = devices.size() * PANEL_HEIGHT + CAPTION;
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(Integer.toString(WIDTH))
                .append("\" height=\"").append(Integer.toString(height)).append("\" viewBox=\"0 0 ")
                .append(Integer.toString(WIDTH)).append(' ').append(Integer.toString(height))
                .append("\" font-family=\"sans-serif\" font-size=\"11\">\n");
        out.append("<title>").append(escape(analysis.network().name() + ": roofline")).append("</title>\n");
        out.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        for (int d = 0; d < devices.size(); d++) {
            panel(out, devices.get(d), layers, dtype, d * PANEL_HEIGHT);
        }
        long noFlops = 0;
        long noBytes = 0;
        for (LayerAnalysis layer : layers) {
            if (!layer.trainingOnly() && layer.cost().flops() == 0) {
                noFlops++;
            } else if (!layer.trainingOnly() && layer.traffic().memoryAccessBytes() == 0) {
                noBytes++;
            }
        }
        // Three short lines, so that the caption fits the width whatever the font.
        String notShown = noFlops + (noFlops == 1 ? " layer" : " layers") + " without FLOPs"
                + (noBytes > 0 ? " and " + noBytes + " without memory traffic" : "") + " not shown.";
        List<String> caption = List.of("Each point is a layer on its device's roof: red compute bound, blue memory"
                + " bound,", "its area its share of the time. " + notShown, "Times are lower bounds, not"
                + " measurements (netcost's cost model, \"Roofline\").");
        int y = devices.size() * PANEL_HEIGHT + 20;
        for (String line : caption) {
            out.append("<text class=\"caption\" x=\"").append(Integer.toString(LEFT)).append("\" y=\"")
                    .append(Integer.toString(y)).append("\">").append(escape(line)).append("</text>\n");
            y += 16;
        }
        out.append("</svg>\n");
    }

    /** One device's panel, {@code top} pixels down. */
    private static void panel(Writer out, DeviceRoofline roofline, List<LayerAnalysis> layers, DType dtype, int top)
            throws IOException {
        Device device = roofline.device().device();
        double peak = device.peakFlopsPerSecond(dtype);
        double bandwidth = device.memoryBytesPerSecond();
        double ridge = device.ridgePoint(dtype);
        // The axes span whole decades: from the lowest intensity (a decade below the ridge at most) to
        // the highest (a decade above it at least), and from the roof's height at the left edge to the
        // decade above the peak.
        double low = ridge / 10;
        double high = ridge * 10;
        for (LayerAnalysis layer : layers) {
            if (plotted(layer)) {
                double intensity = intensity(layer);
                low = Math.min(low, intensity);
                high = Math.max(high, intensity);
            }
        }
        Axes axes = new Axes(Math.floor(Math.log10(low)), Math.ceil(Math.log10(high)),
                Math.floor(Math.log10(Math.min(bandwidth * Math.pow(10, Math.floor(Math.log10(low))), peak))),
                Math.floor(Math.log10(peak)) + 1, top);
        out.append("<g class=\"panel\">\n");
        out.append("<text class=\"heading\" x=\"").append(Integer.toString(LEFT)).append("\" y=\"")
                .append(Integer.toString(top + 25)).append("\" font-size=\"13\" font-weight=\"bold\">")
                .append(escape(device.name() + ", " + Summary.figures(device, dtype) + ": "
                        + Summary.duration(roofline.nanos())
                        // A decoder's inference is its prefill, as the summary says.
                        + (roofline.decode().isPresent() ? " per prefill" : " per inference")))
                .append("</text>\n");
        axes.draw(out);
        // The roof: the bandwidth's slope from the left edge to the ridge point, then the peak.
        double left = Math.pow(10, axes.xMin);
        double right = Math.pow(10, axes.xMax);
        out.append("<polyline class=\"roof\" fill=\"none\" stroke=\"black\" stroke-width=\"2\" points=\"")
                .append(axes.x(left)).append(',').append(axes.y(left * bandwidth)).append(' ')
                .append(axes.x(ridge)).append(',').append(axes.y(peak)).append(' ')
                .append(axes.x(right)).append(',').append(axes.y(peak)).append("\"/>\n");
        out.append("<line class=\"ridge\" x1=\"").append(axes.x(ridge)).append("\" y1=\"")
                .append(axes.y(peak)).append("\" x2=\"").append(axes.x(ridge)).append("\" y2=\"")
                .append(fixed(axes.bottom())).append("\" stroke=\"gray\" stroke-dasharray=\"4 3\"/>\n");
        out.append("<text x=\"").append(fixed(axes.xPixel(Math.log10(ridge)) + 4)).append("\" y=\"")
                .append(fixed(axes.yPixel(Math.log10(peak)) - 6)).append("\" fill=\"gray\">")
                .append(escape("ridge " + Summary.count(ridge) + " FLOP/B")).append("</text>\n");
        // Layers of the same FLOPs and bytes are one point, the same on the roof whatever their place: the
        // instances of a repeated block are one point each, however many they are.
        Map<List<Long>, Point> points = new LinkedHashMap<>();
        for (int i = 0; i < layers.size(); i++) {
            LayerAnalysis layer = layers.get(i);
            if (plotted(layer)) {
                LayerTime time = roofline.layers().get(i);
                List<Long> key = List.of(layer.cost().flops(), layer.traffic().memoryAccessBytes());
                Point point = points.get(key);
                if (point == null) {
                    point = new Point(layer, time);
                    points.put(key, point);
                }
                point.count++;
            }
        }
        for (Point point : points.values()) {
            LayerAnalysis layer = point.first;
            LayerTime time = point.time;
            double intensity = intensity(layer);
            double attained = layer.cost().flops() * NANOS_PER_SECOND / time.nanos();
            double together = time.nanos() * point.count;
            double share = roofline.nanos() > 0 ? Math.min(1, together / roofline.nanos()) : 0;
            boolean compute = time.bound() == Device.Bound.COMPUTE;
            String which = point.count == 1 ? layer.path() + " (" + layer.op() + ")"
                    : layer.path() + " (" + layer.op() + ") and " + Summary.grouped(point.count - 1) + " more of the"
                            + " same FLOPs and bytes";
            out.append("<circle class=\"layer\" cx=\"").append(axes.x(intensity)).append("\" cy=\"")
                    .append(axes.y(attained)).append("\" r=\"").append(fixed(2 + 12 * Math.sqrt(share)))
                    .append("\" fill=\"").append(compute ? COMPUTE : MEMORY)
                    .append("\" fill-opacity=\"0.6\" stroke=\"").append(compute ? COMPUTE : MEMORY).append("\">")
                    .append("<title>").append(escape(which + ": " + Summary.grouped(layer.cost().flops()) + " FLOPs, "
                            + Summary.bytes(layer.traffic().memoryAccessBytes()) + ", " + Summary.count(intensity)
                            + " FLOP/B; " + Summary.duration(time.nanos()) + ", " + time.bound().word() + " bound" + (point.count == 1 ? "" : "; " + Summary.duration(together) + " together")))
                    .append("</title></circle>\n");
        }
        legend(out, top);
        out.append("</g>\n");
    }

    private static void legend(Writer out, int top) throws IOException {
        int x = WIDTH - RIGHT - 150;
        int y = top + TOP + 16;
        out.append("<circle cx=\"").append(Integer.toString(x)).append("\" cy=\"").append(Integer.toString(y))
                .append("\" r=\"5\" fill=\"").append(COMPUTE).append("\" fill-opacity=\"0.6\"/>\n");
        out.append("<text x=\"").append(Integer.toString(x + 10)).append("\" y=\"").append(Integer.toString(y + 4))
                .append("\">compute bound</text>\n");
        out.append("<circle cx=\"").append(Integer.toString(x)).append("\" cy=\"").append(Integer.toString(y + 16))
                .append("\" r=\"5\" fill=\"").append(MEMORY).append("\" fill-opacity=\"0.6\"/>\n");
        out.append("<text x=\"").append(Integer.toString(x + 10)).append("\" y=\"").append(Integer.toString(y + 20))
                .append("\">memory bound</text>\n");
    }

    /** Its FLOPs per byte, as the summary and the reports give it. */
    private static double intensity(LayerAnalysis layer) {
        return layer.traffic().intensity(layer.cost().flops());
    }

    /**
     * A panel's log-log axes, in decades: {@code 10^xMin} to {@code 10^xMax} FLOP/B across, {@code 10^yMin}
     * to {@code 10^yMax} FLOP/s up.
     */
    private record Axes(double xMin, double xMax, double yMin, double yMax, int top) {
        /** The most decades an axis spans: the analysis refuses a device whose ridge point would need more. */
        private static final double MOST_DECADES = 60;

        Axes {
            // A tick per decade: axes without end would write ticks without end.
            if (!(xMax - xMin <= MOST_DECADES && yMax - yMin <= MOST_DECADES)) {
                throw new IllegalStateException("axes of " + (xMax - xMin) + " and " + (yMax - yMin) + " decades");
            }
        }

        double left() {
            return LEFT;
        }

        double plotWidth() {
            return WIDTH - LEFT - RIGHT;
        }

        double plotTop() {
            return top + TOP;
        }

        double bottom() {
            return top + PANEL_HEIGHT - BOTTOM;
        }

        double xPixel(double log) {
            return left() + (log - xMin) / (xMax - xMin) * plotWidth();
        }

        double yPixel(double log) {
            return bottom() - (log - yMin) / (yMax - yMin) * (bottom() - plotTop());
        }

        String x(double intensity) {
            return fixed(xPixel(Math.log10(intensity)));
        }

        String y(double flopsPerSecond) {
            return fixed(yPixel(Math.log10(flopsPerSecond)));
        }

        /** The frame, a tick and a label at each power of ten, and the axes' names. */
        void draw(Writer out) throws IOException {
            out.append("<rect class=\"frame\" x=\"").append(fixed(left())).append("\" y=\"").append(fixed(plotTop()))
                    .append("\" width=\"").append(fixed(plotWidth())).append("\" height=\"")
                    .append(fixed(bottom() - plotTop())).append("\" fill=\"none\" stroke=\"black\"/>\n");
            for (int k = (int) xMin; k <= (int) xMax; k++) {
                String x = fixed(xPixel(k));
                out.append("<line class=\"tick\" x1=\"").append(x).append("\" y1=\"").append(fixed(plotTop()))
                        .append("\" x2=\"").append(x).append("\" y2=\"").append(fixed(bottom()))
                        .append("\" stroke=\"#dddddd\"/>\n");
                out.append("<text class=\"tick\" x=\"").append(x).append("\" y=\"").append(fixed(bottom() + 16))
                        .append("\" text-anchor=\"middle\">").append(power(k)).append("</text>\n");
            }
            for (int k = (int) yMin; k <= (int) yMax; k++) {
                String y = fixed(yPixel(k));
                out.append("<line class=\"tick\" x1=\"").append(fixed(left())).append("\" y1=\"").append(y)
                        .append("\" x2=\"").append(fixed(left() + plotWidth())).append("\" y2=\"").append(y)
                        .append("\" stroke=\"#dddddd\"/>\n");
                out.append("<text class=\"tick\" x=\"").append(fixed(left() - 6)).append("\" y=\"")
                        .append(fixed(yPixel(k) + 4)).append("\" text-anchor=\"end\">").append(power(k))
                        .append("</text>\n");
            }
            out.append("<text x=\"").append(fixed(left() + plotWidth() / 2)).append("\" y=\"")
                    .append(fixed(bottom() + 36)).append("\" text-anchor=\"middle\">")
                    .append("arithmetic intensity (FLOP/B)</text>\n");
            double middle = (plotTop() + bottom()) / 2;
            out.append("<text x=\"").append(fixed(left() - 56)).append("\" y=\"").append(fixed(middle))
                    .append("\" text-anchor=\"middle\" transform=\"rotate(-90 ").append(fixed(left() - 56))
                    .append(' ').append(fixed(middle)).append(")\">attained FLOP/s (FLOPs / roofline time)</text>\n");
        }

        /** {@code 10} with {@code k} raised. */
        private static String power(int k) {
            return "10<tspan dy=\"-5\" font-size=\"8\">" + k + "</tspan>";
        }
    }

    /** Two decimals, whatever the default locale. */
    static String fixed(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    /** Text safe in an element or an attribute. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
