package dev.netcost.processor;

import static dev.netcost.processor.Compilations.assertOnlyError;
import static dev.netcost.processor.Compilations.compile;
import static dev.netcost.processor.NetworkSource.network;

import org.junit.jupiter.api.Test;

/**
 * The errors of a tensor in the wrong layout that the catalogue's other tests do not reach:
 * {@code @ToTokens} on tokens or on a vector, and an op of tokens on token ids. Each is on the
 * annotation, since the input is to blame and no attribute is.
 */
class TokenLayoutDiagnosticsTest {
    @Test
    void toTokensOnTokens() {
        // 16 token ids, each looked up as 64 wide: tokens (16, 64).
        NetworkSource src = network("{16}", "@Embedding(vocab = 100, dim = 64) Layer wte;", "@ToTokens Layer tokens;");
        assertOnlyError(compile(src), src, "[netcost:input-shape] tokens on input (16, 64): @ToTokens makes tokens"
                + " of a feature map, but its input (16, 64) is tokens already; remove it", src.at("@ToTokens"));
    }

    @Test
    void toTokensOnAVector() {
        NetworkSource src = network("{64}", "@ToTokens Layer tokens;");
        assertOnlyError(compile(src), src, "[netcost:input-shape] tokens on input (64): @ToTokens makes tokens of a"
                + " feature map (C, H, W) or (C, L), but its input is the vector (64)", src.at("@ToTokens"));
    }

    @Test
    void attentionOnTokenIds() {
        NetworkSource src = network("{16}", "@MultiHeadAttention(heads = 4) Layer attn;");
        assertOnlyError(compile(src), src, "[netcost:input-shape] attn on input (16): @MultiHeadAttention works on"
                + " tokens (T, E), but its input (16) has one dimension: if it is token ids, put an @Embedding"
                + " before it", src.at("@MultiHeadAttention"));
    }
}
