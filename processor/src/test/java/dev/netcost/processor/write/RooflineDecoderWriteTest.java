package dev.netcost.processor.write;

import static com.google.common.truth.Truth.assertThat;
import static dev.netcost.processor.write.StrictCompanions.compiled;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.netcost.Device;
import dev.netcost.processor.SchemaCheck;
import dev.netcost.processor.infer.DecodeRoofline;
import dev.netcost.processor.infer.DecodeWork;
import dev.netcost.processor.infer.DecoderFigures;
import dev.netcost.processor.infer.DeviceRoofline;
import dev.netcost.processor.infer.LayerTime;
import dev.netcost.processor.infer.NetworkAnalysis;
import dev.netcost.processor.infer.NetworkInference;
import dev.netcost.processor.model.Activation;
import dev.netcost.processor.model.DeviceDecl;
import dev.netcost.processor.model.LayerDecl;
import dev.netcost.processor.model.Linear;
import dev.netcost.processor.model.NetworkDecl;
import dev.netcost.processor.model.NodeDecl;
import dev.netcost.processor.model.OpTemplate;
import java.io.StringWriter;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The write stage of a {@code @Decoder} with a device, from an analysis whose decoder figures and
 * roofline are put together by hand (working them out is the infer stage's): the constants of its
 * decode step, the summary's line, the plot's heading, the JSON report's {@code decode}.
 *
 * <p>The network: {@code fc} (Linear 4 to 3, with bias) and {@code relu}, float32, batch 1, on
 * {@code Round}: 1e12 FLOP/s, 1e11 B/s. A layer takes {@code max(F / 1,000, M / 100)} ns.
 * <ul>
 * <li>Inference (the prefill): fc F 24, M (4 + 15 + 3) x 4 = 88 bytes: max(0.024, 0.88) = 0.88 ns;
 *     relu F 3, M (3 + 3) x 4 = 24: 0.24 ns. In all 1.12 ns, {@code ROUND_NANOS} 1.
 * <li>A decode step, its work set here: fc F 24, M 1,000: max(0.024, 10) = 10 ns; relu F 3, M 24:
 *     0.24 ns. In all 10.24 ns, {@code ROUND_DECODE_NANOS} 10; 1 x 1e9 / 10.24 = 97,656,250 tokens a
 *     second; F 27, M 1,024.
 * </ul>
 */
class RooflineDecoderWriteTest {
    private static final Device ROUND = new Device("Round", 1e12, 0, 0, 1e11, 0);

    private static NetworkAnalysis decoder() {
        NetworkAnalysis walked = NetworkInference.analyze(new NetworkDecl("com.example", List.of("Net"), List.of(4),
                1, List.of(new LayerDecl(0, "fc", new OpTemplate.Fixed(new Linear(3, true)), List.of(NodeDecl.INPUT),
                        Optional.empty()), new LayerDecl(1, "relu", new OpTemplate.Fixed(new Activation(
                        Activation.Kind.RELU)), List.of("fc"), Optional.empty()))));
        assertTrue(walked.ok(), walked.problems().toString());
        assertEquals(88, walked.layers().get(0).traffic().memoryAccessBytes());
        assertEquals(24, walked.layers().get(1).traffic().memoryAccessBytes());
        DecoderFigures figures = new DecoderFigures(6, 0, 96, 16, 12, 2, 0, 2, 0, 0,
                List.of(new DecodeWork(0, 24, 1_000), new DecodeWork(1, 3, 24)));
        LayerTime fcDecode = new LayerTime(10, Device.Bound.MEMORY);
        LayerTime reluDecode = new LayerTime(0.24, Device.Bound.MEMORY);
        DecodeRoofline decode = new DecodeRoofline(6, 10.24, 0, 27, 1_024, 97_656_250, List.of(
                new DecodeRoofline.Step(figures.work().get(0), fcDecode),
                new DecodeRoofline.Step(figures.work().get(1), reluDecode)));
        DeviceRoofline round = new DeviceRoofline(new DeviceDecl("Round", ROUND, true, true), List.of(
                new LayerTime(0.88, Device.Bound.MEMORY), new LayerTime(0.24, Device.Bound.MEMORY)), 1.12, 0,
                Optional.of(decode));
        return new NetworkAnalysis(walked.network(), walked.input(), walked.layers(), walked.blocks(), walked.fields(),
                walked.total(), walked.memory(), List.of(), Optional.of(figures), walked.trainingOnly(),
                walked.inputs(), walked.outputs(), Optional.empty(), List.of(round));
    }

    @Test
    void theDecodeStepHasItsConstants() throws ReflectiveOperationException {
        Class<?> cost = compiled(decoder());
        assertEquals(1L, cost.getField("ROUND_NANOS").getLong(null)); // 1.12
        assertEquals(1L, cost.getField("ROUND_PREFILL_NANOS").getLong(null));
        assertEquals(10L, cost.getField("ROUND_DECODE_NANOS").getLong(null)); // 10.24
        assertEquals(97_656_250.0, cost.getField("ROUND_TOKENS_PER_SECOND").getDouble(null));
        assertEquals(1.12, (double) cost.getMethod("timeNanos", Device.class).invoke(null, ROUND), 1e-12);
    }

    @Test
    void theSummarySaysTheDecodeStepAtCompileTimeAndAtRunTime() throws ReflectiveOperationException {
        String summary = SummaryText.of(decoder());
        assertThat(summary).endsWith("Roofline:     Round, float32 at 1 TFLOP/s, 100 GB/s: 1.12 ns per prefill (0% in"
                + " compute-bound layers)\nDecode step:  10.2 ns per step at 6 tokens, 97,700,000 tokens/s\n");
        assertEquals(summary, compiled(decoder()).getMethod("summary").invoke(null));
    }

    /** The plot's heading says the prefill, as the summary does: a decoder's inference is its prefill. */
    @Test
    void thePlotsHeadingSaysThePrefill() throws Exception {
        StringWriter out = new StringWriter();
        RooflinePlot.write(decoder(), out);
        assertThat(out.toString()).contains(">Round, float32 at 1 TFLOP/s, 100 GB/s: 1.12 ns per prefill</text>");
        assertThat(out.toString()).doesNotContain("per inference");
    }

    @Test
    void theJsonReportHasTheDecodeStep() throws Exception {
        StringWriter out = new StringWriter();
        JsonReport.write(decoder(), out);
        JsonElement parsed = JsonParser.parseString(out.toString());
        assertEquals(List.of(), SchemaCheck.load().violations(parsed));
        JsonObject decode = parsed.getAsJsonObject().getAsJsonArray("roofline").get(0).getAsJsonObject()
                .getAsJsonObject("decode");
        assertEquals(6, decode.get("context").getAsLong());
        assertEquals(10.24, decode.get("nanos").getAsDouble());
        assertEquals(27, decode.get("flops").getAsLong());
        assertEquals(1_024, decode.get("bytes").getAsLong());
        assertEquals(97_656_250.0, decode.get("tokensPerSecond").getAsDouble());
        StringWriter md = new StringWriter();
        MarkdownReport.write(decoder(), md);
        assertThat(md.toString()).contains("| Prefill | 1.12 ns |\n");
        assertThat(md.toString()).contains("| Decode step | 10.2 ns at 6 tokens: 27 FLOPs, 1.02 kB |\n"
                + "| Tokens per second | 97,700,000 |\n");
    }
}
