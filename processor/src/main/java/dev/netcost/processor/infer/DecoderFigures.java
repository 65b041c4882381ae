package dev.netcost.processor.infer;

/**
 * What running a {@code @Decoder} network token by token costs, by the cost model's
 * "Language-model inference".
 *
 * @param context                   T: the tokens that reach the first attention layer
 * @param attentionLayers           L
 * @param kvCacheBytes              the KV cache at {@code context}, for the batch and dtype
 * @param kvCacheBytesPerToken      what one more token of context adds to it, for the batch
 * @param prefillMacs               the whole context at once: the network's MACs
 * @param decodeMacs                one new token of one sequence at {@code context}
 * @param decodeMacsPerContextToken what one more token of context adds to {@code decodeMacs}
 * @param decodeMacsWithoutContext  {@code decodeMacs} less what the context adds: the MACs of one
 *     new token at any context T are {@code decodeMacsWithoutContext + decodeMacsPerContextToken * T}
 * @param crossKvCacheBytes         the keys and values its cross-attention layers keep of the
 *     encoder's output, computed once at prefill, for the batch; part of {@code kvCacheBytes},
 *     whatever the context; 0 without cross-attention
 * @param stateBytes                the state its recurrent layers keep from token to token (h, and an
 *     LSTM's c, per layer), for the batch; part of {@code kvCacheBytes}, whatever the context; 0
 *     without a recurrent layer
 * @param work                      what one decode step of the batch at {@code context} asks of each
 *     layer it runs, in execution order, for the roofline
 */
public record DecoderFigures(long context, int attentionLayers, long kvCacheBytes, long kvCacheBytesPerToken,
        long prefillMacs, long decodeMacs, long decodeMacsPerContextToken, long decodeMacsWithoutContext,
        long crossKvCacheBytes, long stateBytes, java.util.List<DecodeWork> work) {
    public DecoderFigures {
        work = java.util.List.copyOf(work);
    }

    /** Without the work of each layer. */
    public DecoderFigures(long context, int attentionLayers, long kvCacheBytes, long kvCacheBytesPerToken,
            long prefillMacs, long decodeMacs, long decodeMacsPerContextToken, long decodeMacsWithoutContext,
            long crossKvCacheBytes, long stateBytes) {
        this(context, attentionLayers, kvCacheBytes, kvCacheBytesPerToken, prefillMacs, decodeMacs,
                decodeMacsPerContextToken, decodeMacsWithoutContext, crossKvCacheBytes, stateBytes, java.util.List.of());
    }

    /** A decoder without a recurrent layer. */
    public DecoderFigures(long context, int attentionLayers, long kvCacheBytes, long kvCacheBytesPerToken,
            long prefillMacs, long decodeMacs, long decodeMacsPerContextToken, long decodeMacsWithoutContext,
            long crossKvCacheBytes) {
        this(context, attentionLayers, kvCacheBytes, kvCacheBytesPerToken, prefillMacs, decodeMacs,
                decodeMacsPerContextToken, decodeMacsWithoutContext, crossKvCacheBytes, 0);
    }

    /** A decoder that attends to no encoder. */
    public DecoderFigures(long context, int attentionLayers, long kvCacheBytes, long kvCacheBytesPerToken,
            long prefillMacs, long decodeMacs, long decodeMacsPerContextToken, long decodeMacsWithoutContext) {
        this(context, attentionLayers, kvCacheBytes, kvCacheBytesPerToken, prefillMacs, decodeMacs,
                decodeMacsPerContextToken, decodeMacsWithoutContext, 0);
    }
}
