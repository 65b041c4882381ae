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

    /**
     * The work of a step as the generated {@code decodeNanos(Device, long)} holds it: layers that ask the
     * same, one row with their count, in the order each first runs. A step's time is a sum, so this is
     * the time {@code work} gives; the roofline's step time is worked out from it, so that the constant
     * and the method agree to the last bit.
     */
    public dev.netcost.DecodeSteps steps() {
        java.util.Map<java.util.List<Long>, Long> counts = new java.util.LinkedHashMap<>();
        for (DecodeWork layer : work) {
            java.util.List<Long> row = java.util.List.of(layer.flops(), layer.bytes(), layer.flopsPerContextToken(),
                    layer.bytesPerContextToken());
            Long count = counts.get(row);
            counts.put(row, count == null ? 1L : count + 1);
        }
        java.util.List<dev.netcost.DecodeSteps.Step> steps = new java.util.ArrayList<>();
        for (java.util.Map.Entry<java.util.List<Long>, Long> e : counts.entrySet()) {
            java.util.List<Long> row = e.getKey();
            steps.add(new dev.netcost.DecodeSteps.Step(e.getValue(), row.get(0), row.get(1), row.get(2), row.get(3)));
        }
        return dev.netcost.DecodeSteps.of(context, steps);
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
