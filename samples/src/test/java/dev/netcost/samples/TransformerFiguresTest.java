package dev.netcost.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netcost.Shape;
import org.junit.jupiter.api.Test;

/**
 * The transformers and language models, against published counts (torchvision's
 * {@code num_params} and {@code _ops}, the model cards' parameter counts) and against the
 * architectures' formulas written out here by hand; none of these numbers came from netcost.
 */
class TransformerFiguresTest {
    /** MACs of one pre-norm or post-norm layer: four projections, scores and weighted sum, and the MLP. */
    private static long layerMacs(long tokens, long width, long hidden) {
        return 4 * tokens * width * width + 2 * tokens * tokens * width + 2 * tokens * width * hidden;
    }

    /** Parameters of one BERT/GPT-2/ViT layer: attention with biases, two layer norms, the MLP with biases. */
    private static long layerParams(long width, long hidden) {
        return 4 * width * width + 4 * width + 2 * 2 * width + width * hidden + hidden + hidden * width + width;
    }

    @Test
    void vitB16() {
        assertEquals(86_567_656, VitB16Cost.PARAMS); // torchvision vit_b_16 num_params
        assertEquals(17_563_828_224L, VitB16Cost.MACS);
        assertEquals("17.564", String.format("%.3f", VitB16Cost.MACS / 1e9)); // torchvision _ops 17.564
        long patchConv = 768L * 14 * 14 * 3 * 16 * 16;
        assertEquals(patchConv + 12 * layerMacs(197, 768, 3072) + 768 * 1000, VitB16Cost.MACS);
        long params = (768L * 3 * 16 * 16 + 768) + 768 + 197 * 768 + 12 * layerParams(768, 3072) + 2 * 768
                + 768 * 1000 + 1000;
        assertEquals(params, VitB16Cost.PARAMS);
        assertEquals(Shape.of(1000), VitB16Cost.OUTPUT_SHAPE);
    }

    /** The "a user can declare ViT-B/32 with what exists": the same layers, 32 x 32 patches. */
    @Test
    void vitB32() {
        assertEquals(88_224_232, VitB32Cost.PARAMS); // torchvision vit_b_32 num_params
        assertEquals("4.409", String.format("%.3f", VitB32Cost.MACS / 1e9)); // torchvision _ops 4.409
        assertEquals(768L * 49 * 3 * 32 * 32 + 12 * layerMacs(50, 768, 3072) + 768 * 1000, VitB32Cost.MACS);
    }

    @Test
    void bertBase() {
        assertEquals(109_482_240, BertBaseCost.PARAMS); // bert-base-uncased's BertModel, with the pooler
        long embeddings = 30_522L * 768 + 512 * 768 + 2 * 768 + 2 * 768;
        assertEquals(embeddings, BertBaseCost.WORD_EMBEDDINGS_PARAMS + BertBaseCost.POSITION_EMBEDDINGS_PARAMS
                + BertBaseCost.TOKEN_TYPE_EMBEDDINGS_PARAMS + BertBaseCost.EMBEDDINGS_NORM_PARAMS);
        assertEquals(12 * layerParams(768, 3072), BertBaseCost.ENCODER_PARAMS);
        assertEquals(12 * layerMacs(512, 768, 3072) + 768 * 768, BertBaseCost.MACS);
    }

    @Test
    void gpt2HoldsItsPublishedCountWithTheHeadTied() {
        assertEquals(124_439_808, Gpt2Cost.PARAMS);
        assertEquals(0, Gpt2Cost.LM_HEAD_PARAMS);
        // Tied: no parameters of its own, every MAC of its own.
        assertEquals(1024L * 768 * 50_257, Gpt2Cost.LM_HEAD_MACS);
        assertEquals(50_257L * 768, Gpt2Cost.WTE_PARAMS);
    }

    /**
     * Kaplan et al. (2020), Table 1: a forward pass costs {@code 2N + 2 n_layer n_ctx d_attn}
     * FLOPs per token, N = {@code 2 d_model n_layer (2 d_attn + d_ff)} plus the de-embedding.
     * In MACs and for 1,024 tokens that is 136,160,477,184; their context term counts the scores
     * {@code Q K^T} and leaves out the attention-weighted sum {@code A V}, one more
     * {@code n_layer n_ctx d_attn} per token, which netcost counts by the cost model.
     */
    @Test
    void gpt2MacsAgainstKaplan() {
        long layers = 12;
        long context = 1024;
        long width = 768;
        long nonEmbedding = 2 * width * layers * (2 * width + 4 * width);
        long deEmbedding = 50_257 * width;
        long kaplanPerToken = nonEmbedding + deEmbedding + layers * context * width;
        assertEquals(136_160_477_184L, kaplanPerToken * context);
        long weightedSum = layers * context * width;
        assertEquals(145_824_153_600L, (kaplanPerToken + weightedSum) * context);
        assertEquals(145_824_153_600L, Gpt2Cost.MACS);
    }

    @Test
    void gpt2AsADecoder() {
        assertEquals(1024, Gpt2Cost.CONTEXT);
        assertEquals(2L * 12 * 1024 * 768 * 4, Gpt2Cost.KV_CACHE_BYTES); // float32
        assertEquals(Gpt2Cost.MACS, Gpt2Cost.PREFILL_MACS);
        // One token: every weight once (the tied head too), attention over 1,024 cached tokens.
        long perToken = 12 * (4L * 768 * 768 + 2L * 768 * 3072) + 50_257L * 768 + 12 * 2L * 1024 * 768;
        assertEquals(142_406_400, perToken);
        assertEquals(perToken, Gpt2Cost.DECODE_MACS);
        assertEquals(Gpt2Cost.DECODE_MACS, Gpt2Cost.decodeMacs(1024));
        assertEquals(perToken - 12 * 2L * 1024 * 768, Gpt2Cost.decodeMacs(0));
        assertEquals(Gpt2Cost.KV_CACHE_BYTES / 2, Gpt2Cost.kvCacheBytes(512));
    }

    @Test
    void llama2_7B() {
        assertEquals(6_738_415_616L, Llama2_7BCost.PARAMS);
        // Multi-head attention: as many key/value heads as heads, 32 x 128 = 4,096 wide; float16.
        assertEquals(2L * 32 * 4096 * 4096 * 2, Llama2_7BCost.KV_CACHE_BYTES);
        assertEquals(2 * 6_738_415_616L, Llama2_7BCost.PARAM_BYTES);
        long perTokenWeights = 32 * (4L * 4096 * 4096 + 3L * 4096 * 11_008) + 32_000L * 4096;
        assertEquals(4096 * perTokenWeights + 32 * 2L * 4096 * 4096 * 4096, Llama2_7BCost.MACS);
    }

    @Test
    void llama3_8B() {
        assertEquals(8_030_261_248L, Llama3_8BCost.PARAMS);
        assertEquals(1_073_741_824L, Llama3_8BCost.KV_CACHE_BYTES); // 2 x 32 layers x 8192 x 8 heads x 128 x 2 bytes
        assertEquals(2L * 32 * 8192 * 8 * 128 * 2, Llama3_8BCost.KV_CACHE_BYTES);
        long projections = 2L * 4096 * 4096 + 2L * 4096 * 1024;
        long mlp = 3L * 4096 * 14_336;
        long attention = 2L * 8192 * 4096;
        long perToken = 32 * (projections + mlp + attention) + 128_256L * 4096;
        assertEquals(perToken, Llama3_8BCost.DECODE_MACS);
        // Exact at 128 Ki tokens as well: a long, never a double.
        assertEquals(1_073_741_824L * 16, Llama3_8BCost.kvCacheBytes(131_072));
        assertThrows(ArithmeticException.class, () -> Llama3_8BCost.kvCacheBytes(Long.MAX_VALUE / 1000));
        long prefill = 8192 * (32 * (projections + mlp) + 128_256L * 4096) + 32 * 2L * 8192 * 8192 * 4096;
        assertEquals(prefill, Llama3_8BCost.PREFILL_MACS);
    }

    /** The "a user can declare Mistral-7B with what exists": LLaMA's layer, other sizes. */
    @Test
    void mistral7B() {
        assertEquals(7_241_732_096L, Mistral7BCost.PARAMS); // mistralai/Mistral-7B-v0.1
        assertTrue(Mistral7BCost.summary().contains("GroupedQueryAttention (causal)"));
    }

    @Test
    void theSummaryOfADecoderEndsWithItsInference() {
        String summary = Gpt2Cost.summary(1);
        assertTrue(summary.contains("KV cache:     75.50 MB at 1,024 tokens\n"), summary);
        assertTrue(summary.contains("Decode:       142,406,400 MACs per token (142.41 M) at 1,024 tokens\n"), summary);
    }
}
