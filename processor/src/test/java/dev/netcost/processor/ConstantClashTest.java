package dev.netcost.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static dev.netcost.processor.Compilations.assertError;
import static dev.netcost.processor.Compilations.assertOnlyError;
import static dev.netcost.processor.Compilations.compile;

import com.google.testing.compile.Compilation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * No field name may make the companion declare one name twice, which javac would refuse: a field's
 * constants are its stem and a suffix ({@code PEAK} and {@code _ACTIVATION_BYTES}), and may meet
 * netcost's own names, another field's, or a block instance's. Each clash is one error on the
 * field at fault, naming both owners, and no companion is written.
 */
class ConstantClashTest {
    /** A block of one layer, to repeat. */
    private static final NetworkSource ACT = NetworkSource.of("com.example.Act", """
            package com.example;

            import dev.netcost.*;

            @Block
            @interface Act {
                class Layers {
                    @ReLU Layer relu;
                }
            }
            """);

    private static NetworkSource network(String... fields) {
        return NetworkSource.network("{4, 8, 8}", fields);
    }

    /** Token ids (6), an embedding, a causal attention, and {@code last}: a linear head. */
    private static NetworkSource decoder(String last) {
        return NetworkSource.of("com.example.Net", """
                package com.example;

                import dev.netcost.*;

                @Network(input = {6})
                @Decoder
                class Net {
                    @Embedding(vocab = 10, dim = 8) Layer wte;
                    @MultiHeadAttention(heads = 2, causal = true) Layer attn;
                    @Linear(out = 10) Layer %s;
                }
                """.formatted(last));
    }

    /**
     * Compiles with netcost, its Filer recording what it is asked to create: javac gives no
     * generated file of a failed compilation, so the test asks the Filer.
     */
    private static boolean companionWritten(NetworkSource... sources) {
        List<OriginatingElementTest.Created> created = new ArrayList<>();
        javac().withProcessors(new OriginatingElementTest.RecordingProcessor(new NetworkProcessor(), created))
                .compile(Arrays.stream(sources).map(NetworkSource::file).toList());
        return created.stream().anyMatch(c -> c.name().equals("com.example.NetCost"));
    }

    /** The recording sees a companion written in a compilation that fails: over budget, it still is. */
    @Test
    void theRecordingSeesACompanionWrittenInAFailedCompilation() {
        NetworkSource src = NetworkSource.of("com.example.Net", """
                package com.example;

                import dev.netcost.*;

                @Budget(maxParams = 1)
                @Network(input = {4, 8, 8})
                class Net {
                    @Conv(out = 8, kernel = 3) Layer conv;
                }
                """);
        assertThat(compile(src)).failed();
        assertThat(companionWritten(src)).isTrue();
    }

    /** PEAK and _ACTIVATION_BYTES: the network's PEAK_ACTIVATION_BYTES. */
    @Test
    void aFieldNamedPeak() {
        NetworkSource src = network("@Conv(out = 8, kernel = 3) Layer conv;", "@ReLU Layer peak;");
        Compilation compilation = compile(src);
        assertOnlyError(compilation, src, "[netcost:constant-clash] peak: its constants would be named PEAK_*, and"
                + " PEAK_ACTIVATION_BYTES already holds the network's peak activation bytes; rename the field",
                src.at("@ReLU Layer peak", "@ReLU"));
        assertThat(companionWritten(src)).isFalse();
    }

    /** DECODE and _MACS: a decoder's DECODE_MACS. */
    @Test
    void aFieldNamedDecodeInADecoder() {
        NetworkSource src = decoder("decode");
        Compilation compilation = compile(src);
        assertOnlyError(compilation, src, "[netcost:constant-clash] decode: its constants would be named DECODE_*,"
                + " and DECODE_MACS already holds the decoder's MACs of one new token; rename the field",
                src.at("@Linear(out = 10) Layer decode", "@Linear"));
        assertThat(companionWritten(src)).isFalse();
    }

    /** PREFILL and _MACS: a decoder's PREFILL_MACS. */
    @Test
    void aFieldNamedPrefillInADecoder() {
        NetworkSource src = decoder("prefill");
        assertOnlyError(compile(src), src, "[netcost:constant-clash] prefill: its constants would be named PREFILL_*,"
                + " and PREFILL_MACS already holds the decoder's prefill MACs; rename the field",
                src.at("@Linear(out = 10) Layer prefill", "@Linear"));
    }

    /** Without @Decoder there is no DECODE_MACS but the field's own. */
    @Test
    void aFieldNamedDecodeOutsideADecoderIsFine() throws Exception {
        NetworkSource src = network("@Conv(out = 8, kernel = 3, bias = false) Layer decode;");
        Compilation compilation = compile(src);
        assertThat(compilation).succeededWithoutWarnings();
        // 8 x 4 x 3 x 3 = 288 weights; 6 x 6 outputs, 288 MACs each.
        String companion = Compilations.companion(compilation);
        assertThat(companion).contains("public static final long DECODE_MACS = 10_368L;"); // 36 x 288
        assertThat(companion).doesNotContain("PREFILL_MACS");
    }

    /** Eight constants each would clash: one error, on the later field. */
    @Test
    void twoFieldsWithOneStem() {
        NetworkSource src = network("@ReLU Layer layerNorm;", "@ReLU Layer layer_norm;");
        Compilation compilation = compile(src);
        assertOnlyError(compilation, src, "[netcost:constant-clash] layer_norm: its constants would be named"
                + " LAYER_NORM_*, as those of layerNorm are; rename one of the two fields",
                src.at("@ReLU Layer layer_norm", "@ReLU"));
        assertThat(companionWritten(src)).isFalse();
    }

    @Test
    void twoFieldsThatDifferInCaseOnly() {
        NetworkSource src = network("@ReLU Layer Relu;", "@ReLU Layer relu;");
        assertOnlyError(compile(src), src, "[netcost:constant-clash] relu: its constants would be named RELU_*, as"
                + " those of Relu are; rename one of the two fields", src.at("@ReLU Layer relu", "@ReLU"));
    }

    /** layer1[1]'s constants would be LAYER1_1_*, the field layer1_1's, declared after it. */
    @Test
    void aBlockInstanceAndALaterField() {
        NetworkSource src = network("@Act @Repeat(2) Layer layer1;", "@ReLU Layer layer1_1;");
        Compilation compilation = compile(ACT, src);
        assertOnlyError(compilation, src, "[netcost:constant-clash] layer1[1]: its constants would be named"
                + " LAYER1_1_*, as those of layer1_1 are; rename one", src.at("@Act"));
        assertThat(companionWritten(ACT, src)).isFalse();
    }

    /**
     * Inside {@code a}, a block {@code Pair} repeats {@code Act} as its field {@code act}: the
     * instances a.act[0] and a.act[1] get the constants A_ACT_0_* and A_ACT_1_*, and the first
     * are also those of the field a_act_0, which comes after a.
     */
    @Test
    void aNestedBlockInstanceAndAField() {
        NetworkSource pair = NetworkSource.of("com.example.Pair", """
                package com.example;

                import dev.netcost.*;

                @Block
                @interface Pair {
                    class Layers {
                        @Act @Repeat(2) Layer act;
                    }
                }
                """);
        NetworkSource src = network("@Pair Layer a;", "@ReLU Layer a_act_0;");
        assertOnlyError(compile(ACT, pair, src), src, "[netcost:constant-clash] a.act[0]: its constants would be named"
                + " A_ACT_0_*, as those of a_act_0 are; rename one", src.at("@Pair"));
        assertThat(companionWritten(ACT, pair, src)).isFalse();
    }
}
