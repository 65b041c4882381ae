package dev.netcost.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.netcost.Layer;
import dev.netcost.Shape;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The encoder-decoders, Whisper-tiny and t5-small, against their published parameter counts and
 * against the architectures' sums written out here by hand; none of these numbers came from
 * netcost.
 *
 * <p>Every figure was also counted with torch 1.13 ({@code /usr/bin/python3}, no
 * {@code openai-whisper} or {@code transformers} installed) on plain-PyTorch re-implementations of
 * the two reference sources, by the scripts {@code whisper_tiny.py} (openai/whisper
 * {@code whisper/model.py} at c0d2f62) and {@code t5_small.py} (huggingface/transformers
 * {@code models/t5/modeling_t5.py} at 6b8b757, the eager attention path), written for issue 14:
 * <ul>
 *   <li>parameters as {@code sum(p.numel() for p in model.parameters())} (a shared
 *       {@code Parameter} once), buffers as the {@code state_dict}'s entries that are no parameter;
 *   <li>MACs by forward hooks on every {@code nn.Linear} (output elements x {@code in_features})
 *       and {@code nn.Conv1d} (output elements x {@code in_channels} x kernel), plus what no module
 *       computes, counted where the code calls it: each head's {@code q @ k^T} and {@code w @ v}
 *       (T x S x d each), and Whisper's tied logits {@code x @ token_embedding.weight.T};
 *   <li>decode figures on one real cached step: 447 tokens (511 for T5) prefilled, then one more,
 *       the self-attention's keys and values appended to the cache and the cross-attention's
 *       computed once from the encoder's output and reused (openai-whisper's
 *       {@code install_kv_cache_hooks}, transformers' {@code EncoderDecoderCache}); the step's MACs by
 *       the same hooks, the cache by its tensors' elements; each script also checks that the cached
 *       step gives the full pass's logits.
 * </ul>
 * Whisper-tiny's hooks saw 17,025,712,128 MACs in the linear and convolution modules and
 * 18,515,386,368 in the attention products and the logits; t5-small's, 30,970,740,736 and
 * 4,831,838,208.
 */
class EncoderDecoderFiguresTest {
    private static Layer layer(List<Layer> layers, String path) {
        return layers.stream().filter(l -> l.name().equals(path)).findFirst().orElseThrow();
    }

    // ---------------------------------------------------------------- Whisper tiny

    /** n_audio_state = n_text_state. */
    private static final long E = 384;
    /** n_audio_head = n_text_head. */
    private static final long HEADS = 6;
    /** openai-whisper's n_mlp = n_state * 4. */
    private static final long MLP = 4 * E;
    /** n_audio_ctx: the 3,000 mel frames after conv2's stride of 2. */
    private static final long S = 1500;
    /** n_text_ctx, the decoded tokens. */
    private static final long T = 448;
    /** n_vocab. */
    private static final long V = 51_865;
    /** float32. */
    private static final long BYTES = 4;

    @Test
    void whisperTinyParameters() {
        long conv1 = E * 80 * 3 + E;
        long conv2 = E * E * 3 + E;
        long attention = 4 * E * E + 3 * E;                 // query, key, value, out; the key has no bias
        long norm = 2 * E;
        long mlp = E * MLP + MLP + MLP * E + E;
        long encoderBlock = norm + attention + norm + mlp;
        long decoderBlock = norm + attention + norm + attention + norm + mlp;   // + cross_attn_ln, cross_attn
        assertEquals(590_976, attention);
        assertEquals(1_774_080, encoderBlock);
        assertEquals(2_365_824, decoderBlock);
        long encoder = conv1 + conv2 + 4 * encoderBlock + norm;                // ln_post
        long decoder = V * E + T * E + 4 * decoderBlock + norm;                // token and learned position embeddings, ln
        assertEquals(7_632_384, encoder);
        assertEquals(29_552_256, decoder);

        // openai-whisper: sum(p.numel() for p in model.parameters()) = 37,184,640.
        assertEquals(37_184_640, encoder + decoder);
        assertEquals(encoder + decoder, WhisperTinyCost.PARAMS);
        // Its encoder's sinusoidal table, register_buffer("positional_embedding", sinusoids(1500, 384)),
        // is a buffer: 576,000. (The decoder's causal mask and the alignment heads are non-persistent
        // buffers, no state: counted by neither.)
        assertEquals(S * E, WhisperTinyCost.BUFFERS);
        assertEquals(S * E, WhisperTinyCost.ENCODER_POSITIONAL_EMBEDDING_BUFFERS);
        assertEquals(0, WhisperTinyCost.ENCODER_POSITIONAL_EMBEDDING_PARAMS);
        // Hugging Face's WhisperForConditionalGeneration holds the same table as an nn.Embedding
        // with requires_grad off, still a parameter: num_parameters() = 37,760,640.
        assertEquals(37_760_640, WhisperTinyCost.PARAMS + WhisperTinyCost.BUFFERS);

        assertEquals(conv1, WhisperTinyCost.CONV1_PARAMS);
        assertEquals(conv2, WhisperTinyCost.CONV2_PARAMS);
        assertEquals(4 * encoderBlock, WhisperTinyCost.ENCODER_BLOCKS_PARAMS);
        assertEquals(encoderBlock, WhisperTinyCost.ENCODER_BLOCKS_3_PARAMS);
        assertEquals(V * E, WhisperTinyCost.TOKEN_EMBEDDING_PARAMS);
        assertEquals(T * E, WhisperTinyCost.DECODER_POSITIONAL_EMBEDDING_PARAMS);   // learned: an nn.Parameter
        assertEquals(4 * decoderBlock, WhisperTinyCost.DECODER_BLOCKS_PARAMS);
        assertEquals(decoderBlock, WhisperTinyCost.DECODER_BLOCKS_0_PARAMS);
        assertEquals(attention, layer(WhisperTinyCost.LAYERS, "decoderBlocks[0].crossAttn").params());
        assertEquals(0, WhisperTinyCost.LOGITS_PARAMS);    // x @ token_embedding.weight.T: the embedding's weight
    }

    @Test
    void whisperTinyMacs() {
        long conv1 = E * 3000 * 80 * 3;                      // output elements x in channels x kernel
        long conv2 = E * S * E * 3;
        long encoderAttention = 4 * S * E * E + 2 * S * S * E;
        long encoderBlock = encoderAttention + 2 * S * E * MLP;
        long selfAttention = 4 * T * E * E + 2 * T * T * E;
        // Queries and out on the 448 tokens, keys and values on the 1,500 audio positions,
        // scores and weighted sum 448 x 1,500 x 384 each.
        long crossAttention = 2 * T * E * E + 2 * S * E * E + 2 * T * S * E;
        long decoderBlock = selfAttention + crossAttention + 2 * T * E * MLP;
        long logits = T * E * V;
        assertEquals(2_612_736_000L, encoderAttention);
        assertEquals(4_382_208_000L, encoderBlock);
        assertEquals(418_381_824, selfAttention);
        assertEquals(1_090_584_576, crossAttention);
        assertEquals(2_037_448_704, decoderBlock);

        assertEquals(conv1, WhisperTinyCost.CONV1_MACS);
        assertEquals(conv2, WhisperTinyCost.CONV2_MACS);
        assertEquals(encoderAttention, layer(WhisperTinyCost.LAYERS, "encoderBlocks[0].attn").macs());
        assertEquals(4 * encoderBlock, WhisperTinyCost.ENCODER_BLOCKS_MACS);
        assertEquals(selfAttention, layer(WhisperTinyCost.LAYERS, "decoderBlocks[0].attn").macs());
        assertEquals(crossAttention, layer(WhisperTinyCost.LAYERS, "decoderBlocks[3].crossAttn").macs());
        assertEquals(decoderBlock, WhisperTinyCost.DECODER_BLOCKS_3_MACS);
        assertEquals(4 * decoderBlock, WhisperTinyCost.DECODER_BLOCKS_MACS);
        assertEquals(logits, WhisperTinyCost.LOGITS_MACS);

        long encoder = conv1 + conv2 + 4 * encoderBlock;
        long decoder = 4 * decoderBlock + logits;
        assertEquals(18_468_864_000L, encoder);
        assertEquals(17_072_234_496L, decoder);
        assertEquals(35_541_098_496L, encoder + decoder);   // whisper_tiny.py: 17,025,712,128 + 18,515,386,368
        assertEquals(encoder + decoder, WhisperTinyCost.MACS);
        // The split declaration, each cross-attention replaced by self-attention, came out
        // 2.69 G short: 4 x (1,090,584,576 - 418,381,824).
        assertEquals(2_688_811_008L, 4 * (crossAttention - selfAttention));

        assertEquals(Shape.of(80, 3000), WhisperTinyCost.INPUT_SHAPE);
        assertEquals(Shape.of(448, 51_865), WhisperTinyCost.OUTPUT_SHAPE);
    }

    /** FLOPs by the cost model's rows (docs/cost-model.md), one multiply or one add each. */
    @Test
    void whisperTinyFlops() {
        long conv1 = E * 3000 * (2 * 80 * 3 - 1 + 1);       // Cout * O * (2 Cin K - 1 + b)
        long gelu1 = 4 * E * 3000;
        long conv2 = E * S * (2 * E * 3 - 1 + 1);
        long gelu2 = 4 * E * S;
        long sinusoidalAdd = S * E;
        // Encoder block on (1500, 384): two layer norms 5 numel; attention 2 MACS + softmax
        // 3 h S^2 + the q, v and out biases; two residual adds; the MLP's linears with bias
        // R Fout (2F - 1 + 1) and its GELU 4 numel.
        long encoderAttention = 2 * (4 * S * E * E + 2 * S * S * E) + 3 * HEADS * S * S + 3 * S * E;
        long encoderMlp = S * MLP * (2 * E) + 4 * S * MLP + S * E * (2 * MLP);
        long encoderBlock = 2 * 5 * S * E + encoderAttention + encoderMlp + 2 * S * E;
        long lnPost = 5 * S * E;
        long learnedAdd = T * E;
        // Decoder block on (448, 384): three layer norms, three adds; cross-attention's biases:
        // q and out on the 448 tokens, v on the 1,500 positions.
        long selfAttention = 2 * (4 * T * E * E + 2 * T * T * E) + 3 * HEADS * T * T + 3 * T * E;
        long crossAttention = 2 * (2 * T * E * E + 2 * S * E * E + 2 * T * S * E) + 3 * HEADS * T * S
                + T * E + S * E + T * E;
        long decoderMlp = T * MLP * (2 * E) + 4 * T * MLP + T * E * (2 * MLP);
        long decoderBlock = 3 * 5 * T * E + selfAttention + crossAttention + decoderMlp + 3 * T * E;
        long ln = 5 * T * E;
        long logits = T * V * (2 * E - 1);                  // no bias
        assertEquals(8_822_772_000L, encoderBlock);
        assertEquals(2_194_185_216L, crossAttention);
        assertEquals(4_097_891_328L, decoderBlock);
        assertEquals(crossAttention, layer(WhisperTinyCost.LAYERS, "decoderBlocks[1].crossAttn").flops());
        assertEquals(4 * encoderBlock, WhisperTinyCost.ENCODER_BLOCKS_FLOPS);
        assertEquals(4 * decoderBlock, WhisperTinyCost.DECODER_BLOCKS_FLOPS);
        long flops = conv1 + gelu1 + conv2 + gelu2 + sinusoidalAdd + 4 * encoderBlock + lnPost
                + learnedAdd + 4 * decoderBlock + ln + logits;
        assertEquals(71_395_761_344L, flops);
        assertEquals(flops, WhisperTinyCost.FLOPS);
    }

    /**
     * One new token at context 448 with a KV cache (whisper_tiny.py, on a real cached step): every
     * decoder weight once; the self-attention's scores and weighted sum over the 448 cached tokens;
     * the cross-attention's over the 1,500 cached audio positions, its keys and values not
     * recomputed; no encoder. The hooks counted 34,157,952 MACs.
     */
    @Test
    void whisperTinyDecodes() {
        long selfAttention = 4 * E * E + 2 * T * E;         // q, k, v, out on one token; 448 cached keys
        long crossAttention = 2 * E * E + 2 * S * E;        // q, out on one token; 1,500 cached keys
        long mlp = 2 * E * MLP;
        long perLayer = selfAttention + crossAttention + mlp;
        assertEquals(933_888, selfAttention);
        assertEquals(1_446_912, crossAttention);
        assertEquals(3_560_448, perLayer);
        long decode = 4 * perLayer + E * V;                  // + the tied logits of one token
        assertEquals(34_157_952, decode);
        assertEquals(decode, WhisperTinyCost.DECODE_MACS);
        // Only the self-attention grows with the context: 4 layers x 2 x 384 MACs a cached token.
        // The cross-attention's products over the 1,500 positions, 4 x 2 x 1,500 x 384 = 4,608,000,
        // stay the same at any context.
        assertEquals(4 * 2 * E, WhisperTinyCost.DECODE_MACS_PER_CONTEXT_TOKEN);
        long fixed = 4 * (4 * E * E + crossAttention + mlp) + E * V;
        assertEquals(32_781_696, fixed);
        assertEquals(fixed, WhisperTinyCost.decodeMacs(0));
        assertEquals(fixed + 3_072L * 100, WhisperTinyCost.decodeMacs(100));
        assertEquals(WhisperTinyCost.DECODE_MACS, WhisperTinyCost.decodeMacs(T));

        // The context is the decoded tokens', not the encoder's 1,500 positions.
        assertEquals(T, WhisperTinyCost.CONTEXT);
        // Prefill: the encoder once and the 448 tokens at once, the whole forward pass.
        assertEquals(35_541_098_496L, WhisperTinyCost.PREFILL_MACS);
        assertEquals(WhisperTinyCost.MACS, WhisperTinyCost.PREFILL_MACS);

        // Self-attention cache: a key and a value of 384 per token and layer, float32:
        // 12,288 B a token; at 448 tokens 1,376,256 elements, 5,505,024 B.
        long selfCachePerToken = 4 * 2 * E * BYTES;
        assertEquals(12_288, selfCachePerToken);
        assertEquals(selfCachePerToken, WhisperTinyCost.KV_CACHE_BYTES_PER_TOKEN);
        long selfCache = T * selfCachePerToken;
        assertEquals(5_505_024, selfCache);
        // Cross-attention cache: the keys and values of the 1,500 audio positions per layer,
        // 4 x 2 x 1,500 x 384 = 4,608,000 elements, 18,432,000 B, computed once at prefill (their
        // projections, 4 x 2 x 1,500 x 384^2 = 1,769,472,000 MACs, are in the decoder blocks' MACs).
        long crossCache = 4 * 2 * S * E * BYTES;
        assertEquals(18_432_000, crossCache);
        assertEquals(1_769_472_000L, 4 * 2 * S * E * E);
        // Both, as whisper_tiny.py measured them: 5,984,256 elements, 23,937,024 B.
        assertEquals(23_937_024, selfCache + crossCache);
        assertEquals(selfCache + crossCache, WhisperTinyCost.KV_CACHE_BYTES);
        assertEquals(crossCache, WhisperTinyCost.CROSS_KV_CACHE_BYTES);
        // At any context: the cross-attention cache, whatever the context, and the self-attention's per token.
        assertEquals(crossCache, WhisperTinyCost.kvCacheBytes(0));
        assertEquals(selfCache + crossCache, WhisperTinyCost.kvCacheBytes(T));
        // The second input, the text tokens, beside the mel spectrogram.
        assertEquals(Shape.of(448), WhisperTinyCost.TOKENS_INPUT_SHAPE);
        assertEquals(T * BYTES, WhisperTinyCost.TOKENS_INPUT_BYTES);
    }

    // ---------------------------------------------------------------- t5-small

    /** d_model; num_heads x d_kv = 8 x 64 is the same width. */
    private static final long D = 512;
    /** num_heads. */
    private static final long T5_HEADS = 8;
    /** d_ff. */
    private static final long FF = 2048;
    /** Tokens in, and decoder tokens out. */
    private static final long N = 512;
    /** vocab_size. */
    private static final long T5_VOCAB = 32_128;
    /** relative_attention_bias = nn.Embedding(32, 8), in block 0 of each stack. */
    private static final long RELATIVE_BIAS = 32 * T5_HEADS;

    @Test
    void t5SmallParameters() {
        long attention = 4 * D * D;                          // q, k, v, o; no biases
        long encoderBlock = D + attention + D + 2 * D * FF;  // RMS norms: a weight only
        long decoderBlock = D + attention + D + attention + D + 2 * D * FF;
        long shared = T5_VOCAB * D;
        long encoder = 6 * encoderBlock + RELATIVE_BIAS + D;
        long decoder = 6 * decoderBlock + RELATIVE_BIAS + D;
        assertEquals(18_881_280, encoder);
        assertEquals(25_175_808, decoder);
        // model.num_parameters() and sum(p.numel()): the shared embedding, the encoder's and the
        // decoder's embed_tokens and the tied lm_head are one tensor, counted once.
        assertEquals(60_506_624, shared + encoder + decoder);
        assertEquals(shared + encoder + decoder, T5SmallCost.PARAMS);
        assertEquals(0, T5SmallCost.BUFFERS);
        assertEquals(shared, T5SmallCost.SHARED_PARAMS);
        assertEquals(0, T5SmallCost.DECODER_EMBED_TOKENS_PARAMS);
        assertEquals(0, T5SmallCost.LM_HEAD_PARAMS);
        // Untied (tie_word_embeddings=False, the head its own 32,128 x 512), as the size table of
        // Wikipedia's T5 article counts "Small", 76,956,160: each stack with an embedding of its own.
        assertEquals(76_956_160, T5SmallCost.PARAMS + shared);
        // The logits alone need the decoder stack: model.decoder's parameters less embed_tokens (shared).
        assertEquals(decoder, T5SmallCost.LM_HEAD_ONLY_PARAMS);

        assertEquals(6 * encoderBlock + RELATIVE_BIAS, T5SmallCost.ENCODER_BLOCK_PARAMS);
        assertEquals(encoderBlock + RELATIVE_BIAS, T5SmallCost.ENCODER_BLOCK_0_PARAMS);   // encoder.block[0]
        assertEquals(encoderBlock, T5SmallCost.ENCODER_BLOCK_1_PARAMS);
        assertEquals(6 * decoderBlock + RELATIVE_BIAS, T5SmallCost.DECODER_BLOCK_PARAMS);
        assertEquals(decoderBlock + RELATIVE_BIAS, T5SmallCost.DECODER_BLOCK_0_PARAMS);
        assertEquals(decoderBlock, T5SmallCost.DECODER_BLOCK_5_PARAMS);
        assertEquals(RELATIVE_BIAS, layer(T5SmallCost.LAYERS, "decoderBlock[0].relativeAttentionBias").params());
        assertEquals(attention, layer(T5SmallCost.LAYERS, "decoderBlock[2].encDecAttention").params());
    }

    @Test
    void t5SmallMacs() {
        long selfAttention = 4 * N * D * D + 2 * N * N * D;
        // q and o on the decoder's 512 tokens, k and v on the encoder's 512, the products 512 x 512 x 512 each.
        long crossAttention = 2 * N * D * D + 2 * N * D * D + 2 * N * N * D;
        long mlp = 2 * N * D * FF;                           // wi, wo
        long encoderBlock = selfAttention + mlp;
        long decoderBlock = selfAttention + crossAttention + mlp;
        long lmHead = N * D * T5_VOCAB;
        assertEquals(805_306_368, selfAttention);
        assertEquals(805_306_368, crossAttention);
        assertEquals(1_879_048_192, encoderBlock);
        assertEquals(2_684_354_560L, decoderBlock);
        assertEquals(crossAttention, layer(T5SmallCost.LAYERS, "decoderBlock[0].encDecAttention").macs());
        assertEquals(6 * encoderBlock, T5SmallCost.ENCODER_BLOCK_MACS);
        assertEquals(decoderBlock, T5SmallCost.DECODER_BLOCK_4_MACS);
        assertEquals(6 * decoderBlock, T5SmallCost.DECODER_BLOCK_MACS);
        assertEquals(8_422_162_432L, lmHead);
        assertEquals(lmHead, T5SmallCost.LM_HEAD_MACS);
        assertEquals(35_802_578_944L, 6 * encoderBlock + 6 * decoderBlock + lmHead);  // t5_small.py: 30,970,740,736 + 4,831,838,208
        assertEquals(6 * encoderBlock + 6 * decoderBlock + lmHead, T5SmallCost.MACS);

        // Two named outputs, as Seq2SeqLMOutput returns them.
        assertEquals(Shape.of(512, 32_128), T5SmallCost.LM_HEAD_OUTPUT_SHAPE);
        assertEquals(Shape.of(512, 512), T5SmallCost.ENCODER_LAST_HIDDEN_STATE_OUTPUT_SHAPE);
        // What only the logits need: the decoder, which the encoder's output does not need; the
        // encoder and the shared embedding both need, so nothing is the encoder output's alone.
        assertEquals(6 * decoderBlock + lmHead, T5SmallCost.LM_HEAD_ONLY_MACS); // 24,528,289,792
        assertEquals(24_528_289_792L, T5SmallCost.LM_HEAD_ONLY_MACS);
        assertEquals(0, T5SmallCost.ENCODER_LAST_HIDDEN_STATE_ONLY_MACS);
        assertEquals(0, T5SmallCost.ENCODER_LAST_HIDDEN_STATE_ONLY_PARAMS);
    }

    /**
     * FLOPs by the cost model's rows: attention 2 MACS + softmax 3 h T S, no biases; RMS norm
     * 4 numel; ReLU numel; adds numel; linears without bias R Fout (2F - 1); dropout 0; the rescale
     * before the head numel (its op, T5Rescale, says so). The relative position bias's row counts
     * its (heads, T, T) add to the scores once, on the field that holds the table (block 0 of each
     * stack), though T5 adds it in every layer of the stack: 2 x 8 x 512 x 512 here, where every
     * layer's add would be 12 x 8 x 512 x 512 = 25,165,824 (71,765,655,552 in all).
     */
    @Test
    void t5SmallFlops() {
        long rms = 4 * N * D;
        long add = N * D;
        long selfAttention = 2 * (4 * N * D * D + 2 * N * N * D) + 3 * T5_HEADS * N * N;
        long crossAttention = 2 * (2 * N * D * D + 2 * N * D * D + 2 * N * N * D) + 3 * T5_HEADS * N * N;
        long mlp = N * FF * (2 * D - 1) + N * FF + N * D * (2 * FF - 1);   // wi, ReLU, wo
        long encoderBlock = rms + selfAttention + add + rms + mlp + add;
        long decoderBlock = rms + selfAttention + add + rms + crossAttention + add + rms + mlp + add;
        long rescale = N * D;
        long lmHead = N * T5_VOCAB * (2 * D - 1);
        long relativeBiasAdds = 2 * T5_HEADS * N * N;       // once per stack, by the row
        assertEquals(1_616_904_192, selfAttention);
        assertEquals(3_766_747_136L, encoderBlock);
        assertEquals(5_384_962_048L, decoderBlock);
        assertEquals(T5_HEADS * N * N, layer(T5SmallCost.LAYERS, "encoderBlock[0].relativeAttentionBias").flops());
        assertEquals(rescale, T5SmallCost.RESCALE_FLOPS);
        assertEquals(lmHead, T5SmallCost.LM_HEAD_FLOPS);
        long flops = 6 * encoderBlock + rms + 6 * decoderBlock + rms + rescale + lmHead;
        assertEquals(71_740_489_728L, flops);
        assertEquals(flops + relativeBiasAdds, T5SmallCost.FLOPS);
    }

    /**
     * One new token at context 512 (t5_small.py, on a real cached step: its hooks counted 44,761,088
     * MACs): every decoder weight once, the self-attention over the 512 cached tokens, the
     * cross-attention over the 512 cached encoder positions, its keys and values not recomputed.
     */
    @Test
    void t5SmallDecodes() {
        long selfAttention = 4 * D * D + 2 * N * D;
        long crossAttention = 2 * D * D + 2 * N * D;        // N: the encoder's 512 positions
        long mlp = 2 * D * FF;
        long perLayer = selfAttention + crossAttention + mlp;
        assertEquals(4_718_592, perLayer);
        long decode = 6 * perLayer + D * T5_VOCAB;
        assertEquals(44_761_088, decode);
        assertEquals(decode, T5SmallCost.DECODE_MACS);
        assertEquals(6 * 2 * D, T5SmallCost.DECODE_MACS_PER_CONTEXT_TOKEN);
        // Only the self-attention's products grow with the context: 6 layers x 2 x 512 a cached token.
        long fixed = 6 * (4 * D * D + crossAttention + mlp) + D * T5_VOCAB;
        assertEquals(41_615_360, fixed);
        assertEquals(fixed, T5SmallCost.decodeMacs(0));
        assertEquals(N, T5SmallCost.CONTEXT);
        assertEquals(T5SmallCost.MACS, T5SmallCost.PREFILL_MACS);

        long selfCachePerToken = 6 * 2 * D * BYTES;         // 24,576 B a token
        assertEquals(selfCachePerToken, T5SmallCost.KV_CACHE_BYTES_PER_TOKEN);
        long selfCache = N * selfCachePerToken;             // 12,582,912 B
        long crossCache = 6 * 2 * N * D * BYTES;            // the encoder's 512 positions, computed once: 12,582,912 B
        assertEquals(25_165_824, selfCache + crossCache);
        assertEquals(selfCache + crossCache, T5SmallCost.KV_CACHE_BYTES);
        assertEquals(crossCache, T5SmallCost.CROSS_KV_CACHE_BYTES);
        assertEquals(crossCache + 100 * selfCachePerToken, T5SmallCost.kvCacheBytes(100));
        assertEquals(Shape.of(512), T5SmallCost.DECODER_INPUT_IDS_INPUT_SHAPE);
    }
}
