package dev.netcost.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.netcost.processor.Compilations.compile;
import static dev.netcost.processor.Compilations.compileWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code @MixtureOfExperts}, by the cost model's "Mixtures of experts", every figure worked by hand
 * in the comments. Tokens (10, 8), float32, batch 1; T = 10, E = 8.
 */
class MixtureOfExpertsTest {
    /**
     * One expert, {@code Ffn}: {@code up} 8 to 16 and {@code down} 16 to 8, no biases, a ReLU
     * between. P = 8 x 16 + 16 x 8 = 256. On all 10 tokens: M = 10 x (128 + 128) = 2,560 MACs;
     * F = up 10 x 16 x (2 x 8 - 1) = 2,400 + ReLU 160 + down 10 x 8 x (2 x 16 - 1) = 2,480 = 5,040.
     */
    static final NetworkSource FFN = NetworkSource.of("com.example.Ffn", """
            package com.example;

            import dev.netcost.*;

            @Block
            @interface Ffn {
                int hidden() default 16;

                class Layers {
                    @Linear(bias = false) @With(out = "hidden") Layer up;
                    @ReLU Layer act;
                    @Linear(bias = false) @With(out = "in") Layer down;
                }
            }
            """);

    /**
     * {@code moe}: n = 4 routed experts, k = 2 per token, s = 1 shared, a router with bias.
     * <ul>
     *   <li>PARAMS (n + s) x 256 = 1,280 + router 8 x 4 + 4 = 36: 1,316. Active: (k + s) x 256 + 36 = 804.
     *   <li>MACS (k + s) x 2,560 = 7,680 + router 10 x 8 x 4 = 320: 8,000 (the combine, an element-wise
     *       product, has FLOPs only).
     *   <li>FLOPS 3 x 5,040 = 15,120 + router 10 x 4 x (2 x 8 - 1 + 1) = 640 + softmax 3 x 10 x 4 = 120 +
     *       top-k 10 x 2 x (4 - 1) = 60 + combine 2 x 160 = 320 + shared adds 10 x 1 x 8 = 80: 16,340.
     * </ul>
     * {@code aux}, training only, 8 to 5 with bias: 45 parameters, none active. {@code head}, 8 to 3 with
     * bias: PARAMS 27, MACS 240, FLOPS 10 x 3 x (2 x 8) = 480.
     */
    static final NetworkSource NET = NetworkSource.of("com.example.Net", """
            package com.example;

            import dev.netcost.*;

            @Network(input = {10, 8}, inputKind = InputKind.TOKENS)
            class Net {
                @Ffn @MixtureOfExperts(experts = 4, topK = 2, shared = 1, routerBias = true) Layer moe;
                @Linear(out = 5) @TrainingOnly Layer aux;
                @Linear(out = 3) @From("moe") Layer head;
            }
            """);

    private static long constant(Compilation compilation, String name) {
        return Compilations.constant(compilation, "com.example.NetCost", name);
    }

    @Test
    void everyExpertIsStoredAndTheTopKRun() {
        Compilation compilation = compile(FFN, NET);
        assertThat(compilation).succeededWithoutWarnings();
        assertEquals(1_316 + 45 + 27, constant(compilation, "PARAMS"));
        assertEquals(804 + 27, constant(compilation, "ACTIVE_PARAMS")); // no training-only weight is active
        assertEquals(8_000 + 240, constant(compilation, "MACS"));
        assertEquals(16_340 + 480, constant(compilation, "FLOPS"));
        assertEquals(1_316, constant(compilation, "MOE_PARAMS"));
        assertEquals(8_000, constant(compilation, "MOE_MACS"));
        assertEquals(16_340, constant(compilation, "MOE_FLOPS"));
        assertEquals((1_316 + 45 + 27) * 4, constant(compilation, "PARAM_BYTES"));
    }

    /**
     * Each token moves through k + s = 3 copies; every stored copy's weights are read once.
     * {@code up}: (in 80 + out 160) x 3 + 128 x 5 = 1,360 elements; {@code act}: (160 + 160) x 3 = 960;
     * {@code down}: (160 + 80) x 3 + 128 x 5 = 1,360; the router reads the expert's output 80, the routed
     * tokens 80 and its 36 parameters, and writes 80: 276. In all 3,956 elements, 15,824 bytes.
     */
    @Test
    void trafficCountsEachTokensPasses() {
        Compilation compilation = compile(FFN, NET);
        assertEquals(3_956 * 4, constant(compilation, "MOE_MEMORY_ACCESS_BYTES"));
    }

    @Test
    void aDenseNetworkHasNoActiveFigure() {
        Compilation compilation = compile(FFN, NetworkSource.of("com.example.Net", """
                package com.example;

                import dev.netcost.*;

                @Network(input = {10, 8}, inputKind = InputKind.TOKENS)
                class Net {
                    @Ffn Layer ffn;
                }
                """));
        assertThat(compilation).succeededWithoutWarnings();
        assertFalse(Compilations.companion(compilation, "com.example.NetCost").contains("ACTIVE_PARAMS"));
        assertEquals(256, constant(compilation, "PARAMS"));
        assertEquals(2_560, constant(compilation, "MACS"));
    }

    @Test
    void theSummaryAndTheReportsGiveTheActiveFigures() throws IOException {
        Compilation compilation = compileWith(List.of("-Anetcost.print=true"), FFN, NET);
        assertThat(compilation).succeeded();
        assertThat(compilation).hadNoteContaining("Params:       1,388, 45 of them training only, 831 active per"
                + " token\n");
        assertThat(compilation).hadNoteContaining("moe.up        Linear [5 stored, 3 per token]");
        assertThat(compilation).hadNoteContaining("moe.(router)  Router ");
        assertThat(compilation).hadNoteContaining("moe           Ffn: 4 experts, top 2, 1 shared");

        JsonElement parsed = JsonParser.parseString(Compilations.resource(compilation,
                "META-INF/netcost/com.example.Net.json"));
        assertEquals(List.of(), SchemaCheck.load().violations(parsed));
        JsonObject report = parsed.getAsJsonObject();
        assertEquals(831, report.getAsJsonObject("totals").get("activeParams").getAsLong());
        JsonObject up = report.getAsJsonArray("layers").get(0).getAsJsonObject();
        assertEquals("moe.up", up.get("path").getAsString());
        assertEquals(128 * 5, up.get("params").getAsLong());
        assertEquals(128 * 3, up.get("activeParams").getAsLong());
        assertThat(Compilations.resource(compilation, "META-INF/netcost/com.example.Net.md"))
                .contains("| Active params per token | 831 (831) |");
    }

    /**
     * A mixture inside an expert multiplies: the outer mixture of 2 experts, top 1, holds an inner
     * one of 3, top 2, no bias. Inner: PARAMS 3 x 256 + 8 x 3 = 792, active 2 x 256 + 24 = 536; outer:
     * 2 x 792 + 8 x 2 = 1,600, active 536 + 16 = 552. MACS: inner 2 x 2,560 + 10 x 8 x 3 = 5,360; outer
     * 1 x 5,360 + 10 x 8 x 2 = 5,520.
     */
    @Test
    void mixturesNest() {
        NetworkSource inner = NetworkSource.of("com.example.Inner", """
                package com.example;

                import dev.netcost.*;

                @Block
                @interface Inner {
                    class Layers {
                        @Ffn @MixtureOfExperts(experts = 3, topK = 2) Layer moe;
                    }
                }
                """);
        Compilation compilation = compile(FFN, inner, NetworkSource.of("com.example.Net", """
                package com.example;

                import dev.netcost.*;

                @Network(input = {10, 8}, inputKind = InputKind.TOKENS)
                class Net {
                    @Inner @MixtureOfExperts(experts = 2, topK = 1) Layer outer;
                }
                """));
        assertThat(compilation).succeededWithoutWarnings();
        assertEquals(1_600, constant(compilation, "PARAMS"));
        assertEquals(552, constant(compilation, "ACTIVE_PARAMS"));
        assertEquals(5_520, constant(compilation, "MACS"));
    }

    /**
     * The router is a layer of its own, {@code moe.(router)}, which no field of the expert can be
     * named: an expert whose field is called {@code router} keeps its own row.
     */
    @Test
    void theRouterNamesNoFieldOfTheExpert() {
        NetworkSource expert = NetworkSource.of("com.example.Ffn", """
                package com.example;

                import dev.netcost.*;

                @Block
                @interface Ffn {
                    class Layers {
                        @Linear(out = 16) Layer router;
                        @Linear(out = 8) Layer down;
                    }
                }
                """);
        Compilation compilation = compile(expert, NetworkSource.of("com.example.Net", """
                package com.example;

                import dev.netcost.*;

                @Network(input = {10, 8}, inputKind = InputKind.TOKENS)
                class Net {
                    @Ffn @MixtureOfExperts(experts = 4, topK = 2) Layer moe;
                }
                """));
        assertThat(compilation).succeededWithoutWarnings();
        JsonObject report = JsonParser.parseString(Compilations.resource(compilation,
                "META-INF/netcost/com.example.Net.json"))
                .getAsJsonObject();
        List<String> paths = new java.util.ArrayList<>();
        report.getAsJsonArray("layers").forEach(l -> paths.add(l.getAsJsonObject().get("path").getAsString()));
        assertEquals(List.of("moe.router", "moe.down", "moe.(router)"), paths);
    }

    /**
     * A mixture whose expert is empty (its one layer is off) still routes: the router's 8 x 4 = 32
     * parameters are all active, and the companion says so.
     */
    @Test
    void aMixtureWithAnEmptyExpertStillHasItsRouter() {
        NetworkSource expert = NetworkSource.of("com.example.Opt", """
                package com.example;

                import dev.netcost.*;

                @Block
                @interface Opt {
                    boolean on() default false;

                    class Layers {
                        @Linear(out = 8) @If("on") Layer fc;
                    }
                }
                """);
        Compilation compilation = compile(expert, NetworkSource.of("com.example.Net", """
                package com.example;

                import dev.netcost.*;

                @Network(input = {10, 8}, inputKind = InputKind.TOKENS)
                class Net {
                    @Opt @MixtureOfExperts(experts = 4, topK = 2) Layer moe;
                }
                """));
        assertThat(compilation).succeededWithoutWarnings();
        assertEquals(32, constant(compilation, "PARAMS"));
        assertEquals(32, constant(compilation, "ACTIVE_PARAMS"));
    }
}
