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
 */
public record DecoderFigures(long context, int attentionLayers, long kvCacheBytes, long kvCacheBytesPerToken,
        long prefillMacs, long decodeMacs, long decodeMacsPerContextToken, long decodeMacsWithoutContext) {}
