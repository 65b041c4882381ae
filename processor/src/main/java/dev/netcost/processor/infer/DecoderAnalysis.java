package dev.netcost.processor.infer;

import dev.netcost.Shape;
import dev.netcost.processor.model.Attention;
import dev.netcost.processor.model.Attr;
import dev.netcost.processor.model.Cost;
import dev.netcost.processor.model.DecodeCost;
import dev.netcost.processor.model.Fault;
import dev.netcost.processor.model.NetworkDecl;
import dev.netcost.processor.model.Op;
import dev.netcost.processor.model.Problem;
import dev.netcost.processor.model.ProblemKind;
import java.util.List;
import java.util.Optional;

/**
 * The inference figures of a {@code @Decoder} network: its KV cache, and the MACs of prefill and
 * of one decode step, by the cost model's "Language-model inference". One pass over the layers.
 */
final class DecoderAnalysis {
    private DecoderAnalysis() {}

    /** The figures of a sound network, or empty after adding to {@code problems} why there are none. */
    static Optional<DecoderFigures> analyze(NetworkDecl network, List<LayerAnalysis> layers, Cost total,
            List<Problem> problems) {
        int before = problems.size();
        // One problem per network field: a block repeated 32 times has one mistake, not 32.
        java.util.Set<Integer> reported = new java.util.HashSet<>();
        long batch = Math.max(1, network.batch());
        long bytes = network.dtype().bytes();
        long context = -1;
        int attentionLayers = 0;
        long kvBytes = 0;
        long kvBytesPerToken = 0;
        long decodeMacs = 0;
        long decodePerContextToken = 0;
        long withoutContext = 0;
        try {
            for (LayerAnalysis layer : layers) {
                if (!(layer.computation() instanceof Op op)) {
                    continue; // merges: no MACs
                }
                Shape in = layer.input();
                Optional<DecodeCost> decode = op.decodeCost(in, layer.cost());
                if (decode.isEmpty()) {
                    if (!reported.add(layer.topNode())) {
                        continue;
                    }
                    problems.add(Problem.onLayer(layer.topNode(), Fault.onAnnotation(ProblemKind.DECODER, layer.path()
                            + ": a @Decoder network runs one token at a time, and " + layer.op() + " on " + in
                            + " has no per-token form; a decoder is made of embeddings, per-token layers and"
                            + " attention")));
                    continue;
                }
                long tokens = in.rank() == 2 ? in.dim(0) : 1;
                if (op instanceof Attention attention) {
                    if (!attention.causal() && reported.add(layer.topNode())) {
                        Fault fault = layer.topLevel()
                                ? Fault.on(Attr.CAUSAL, ProblemKind.DECODER, "")
                                : Fault.onAnnotation(ProblemKind.DECODER, "");
                        problems.add(Problem.onLayer(layer.topNode(), fault.withMessage(layer.path() + ": a @Decoder"
                                + " network generates each token from the cache of those before it, so its attention"
                                + " must be causal; write causal = true")));
                    }
                    context = context < 0 ? tokens : context;
                    attentionLayers++;
                    long perToken = Math.multiplyExact(Math.multiplyExact(batch, attention.cachedPerToken(in)), bytes);
                    kvBytesPerToken = Math.addExact(kvBytesPerToken, perToken);
                    kvBytes = Math.addExact(kvBytes, Math.multiplyExact(perToken, tokens));
                }
                decodeMacs = Math.addExact(decodeMacs, decode.get().at(tokens));
                decodePerContextToken = Math.addExact(decodePerContextToken, decode.get().macsPerContextToken());
            }
            withoutContext = Math.subtractExact(decodeMacs, Math.multiplyExact(decodePerContextToken,
                    Math.max(0, context)));
        } catch (ArithmeticException overflow) {
            problems.add(Problem.onNetwork(Fault.on(Attr.DECODER, ProblemKind.OVERFLOW, network.name() + ": its KV"
                    + " cache in bytes does not fit a long; netcost never wraps a number")));
            return Optional.empty();
        }
        if (attentionLayers == 0) {
            problems.add(Problem.onNetwork(Fault.on(Attr.DECODER, ProblemKind.DECODER, network.name() + ": @Decoder"
                    + " marks a language model that decodes with a KV cache, but it has no @MultiHeadAttention layer;"
                    + " add attention, or remove @Decoder")));
        }
        if (problems.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new DecoderFigures(context, attentionLayers, kvBytes, kvBytesPerToken, total.macs(),
                decodeMacs, decodePerContextToken, withoutContext));
    }
}
