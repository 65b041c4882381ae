package dev.netcost.processor.infer;

import dev.netcost.Shape;
import dev.netcost.processor.model.Attention;
import dev.netcost.processor.model.Attr;
import dev.netcost.processor.model.Cost;
import dev.netcost.processor.model.CrossAttention;
import dev.netcost.processor.model.DecodeCost;
import dev.netcost.processor.model.Fault;
import dev.netcost.processor.model.FinalState;
import dev.netcost.processor.model.Message;
import dev.netcost.processor.model.NetworkDecl;
import dev.netcost.processor.model.Op;
import dev.netcost.processor.model.Problem;
import dev.netcost.processor.model.Recurrent;
import dev.netcost.processor.model.SideTensor;
import java.util.List;
import java.util.Optional;

/**
 * The inference figures of a {@code @Decoder} network: its KV cache, and the MACs of prefill and
 * of one decode step, by the cost model's "Language-model inference". One pass over the layers.
 */
final class DecoderAnalysis {
    private DecoderAnalysis() {}

    /**
     * The figures of a sound network, or empty after adding to {@code problems} why there are none.
     *
     * @param decoded the layers that depend on the decoded input, which a decode step runs alone, and
     *     those whose named tensor (a cross-attention's memory) does too
     */
    static Optional<DecoderFigures> analyze(NetworkDecl network, List<LayerAnalysis> layers,
            GraphWalker.DecodedLayers decoded, Cost total, List<Problem> problems) {
        int before = problems.size();
        // One problem per network field: a block repeated 32 times has one mistake, not 32.
        java.util.Set<Integer> reported = new java.util.HashSet<>();
        long batch = Math.max(1, network.batch());
        long bytes = network.dtype().bytes();
        long context = -1;
        int attentionLayers = 0;
        long kvBytes = 0;
        long crossKvBytes = 0;
        int crossLayers = 0;
        long crossTokens = -1;
        long kvBytesPerToken = 0;
        int recurrentLayers = 0;
        long recurrentTokens = -1;
        long stateBytes = 0;
        long decodeMacs = 0;
        long decodePerContextToken = 0;
        long withoutContext = 0;
        List<DecodeWork> work = new java.util.ArrayList<>();
        try {
            // The decoded final states (@FinalState): made anew at every token, so whatever reads one is
            // no per-token layer; as an output only, one is.
            java.util.Set<String> finalStates = new java.util.HashSet<>();
            for (int i = 0; i < layers.size(); i++) {
                LayerAnalysis layer = layers.get(i);
                if (layer.trainingOnly() || !decoded.layers().get(i)) {
                    // A training-only layer does not run when decoding, nor an encoder's layer, which does
                    // not depend on the decoded tokens and ran once, at prefill.
                    continue;
                }
                if (layer.computation() instanceof FinalState) {
                    finalStates.add(layer.path());
                }
                Optional<String> state = Optional.empty();
                for (String read : layer.reads()) {
                    if (finalStates.contains(read)) {
                        state = Optional.of(read);
                        break;
                    }
                }
                if (state.isPresent()) {
                    if (reported.add(layer.topNode())) {
                        problems.add(Problem.onLayer(layer.topNode(),
                                Message.DECODER_READS_FINAL_STATE.onAnnotation(layer.path(), state.get())));
                    }
                    continue;
                }
                if (!(layer.computation() instanceof Op op)) {
                    // A merge adds or joins per token, without MACs; one with MACs (a similarity) has no
                    // per-token form, which is an error rather than a figure left out.
                    if (layer.cost().macs() > 0) {
                        if (reported.add(layer.topNode())) {
                            problems.add(Problem.onLayer(layer.topNode(),
                                    Message.NO_PER_TOKEN_FORM.onAnnotation(layer.path(), layer.op(), layer.input())));
                        }
                    } else {
                        work.add(new DecodeWork(i, 0, perToken(layer, 0)));
                    }
                    continue;
                }
                Shape in = layer.input();
                Optional<DecodeCost> decode = layer.side().isEmpty() ? op.decodeCost(in, layer.cost())
                        : op.decodeCost(in, layer.cost(), layer.side().get());
                if (decode.isEmpty()) {
                    if (!reported.add(layer.topNode())) {
                        continue;
                    }
                    problems.add(Problem.onLayer(layer.topNode(),
                            Message.NO_PER_TOKEN_FORM.onAnnotation(layer.path(), layer.op(), in)));
                    continue;
                }
                long tokens = in.rank() == 2 ? in.dim(0) : 1;
                // What the layer keeps from token to token, read (and written) at every step.
                long kept = 0;
                // The weights a step reads, and the activations one token per sequence moves.
                long weights = layer.traffic().decodeParameterBytes();
                long moved = perToken(layer, 0);
                long keptPerContextToken = 0;
                if (op instanceof Attention attention) {
                    if (!attention.causal() && reported.add(layer.topNode())) {
                        Message notCausal = Message.DECODER_ATTENTION_NOT_CAUSAL;
                        Fault fault = layer.topLevel() ? notCausal.on(Attr.CAUSAL, layer.path())
                                : notCausal.onAnnotation(layer.path());
                        problems.add(Problem.onLayer(layer.topNode(), fault));
                    }
                    context = context < 0 ? tokens : context;
                    attentionLayers++;
                    long perToken = Math.multiplyExact(Math.multiplyExact(batch, attention.cachedPerToken(in)), bytes);
                    kvBytesPerToken = Math.addExact(kvBytesPerToken, perToken);
                    kvBytes = Math.addExact(kvBytes, Math.multiplyExact(perToken, tokens));
                    // It reads the keys and values of the context and writes the new token's.
                    kept = Math.multiplyExact(perToken, Math.addExact(tokens, 1));
                    keptPerContextToken = perToken;
                }
                if (op instanceof CrossAttention cross && layer.side().isPresent()) {
                    if (decoded.sideDepends().get(i)) {
                        // Its keys and values would grow with every token: no cache of an encoder's.
                        if (reported.add(layer.topNode())) {
                            problems.add(Problem.onLayer(layer.topNode(), Message.DECODER_MEMORY_DECODED
                                    .onAnnotation(layer.path(), layer.side().get().producer())));
                        }
                        continue;
                    }
                    // The encoder's keys and values, projected once at prefill and kept for every step.
                    long once = Math.multiplyExact(Math.multiplyExact(batch, cross.cachedOnce(in, layer.side().get())),
                            bytes);
                    crossKvBytes = Math.addExact(crossKvBytes, once);
                    kept = Math.addExact(kept, once);
                    // Neither the encoder's output nor the projections that made the cache of it are read
                    // again: of its weights, a step reads the query's and the output's.
                    SideTensor memory = layer.side().get();
                    long perCopy = layer.cost().params() / layer.copies().stored();
                    if (perCopy > 0) {
                        // weights / perCopy: the bytes of an element times the copies a step reads.
                        weights = Math.subtractExact(weights, Math.multiplyExact(weights / perCopy,
                                cross.keyValueParams(in, memory)));
                    }
                    moved = perToken(layer, Math.multiplyExact(Math.multiplyExact(Math.multiplyExact(batch,
                            layer.copies().active()), memory.shape().numel()), bytes));
                    crossLayers++;
                    crossTokens = crossTokens < 0 ? tokens : crossTokens;
                }
                if (op instanceof Recurrent recurrent) {
                    // Its state is its cache: the same bytes at any context.
                    long stateKept = Math.multiplyExact(Math.multiplyExact(batch, recurrent.stateElements()), bytes);
                    stateBytes = Math.addExact(stateBytes, stateKept);
                    // Read at the step's start, written at its end.
                    kept = Math.addExact(kept, Math.multiplyExact(2, stateKept));
                    recurrentLayers++;
                    recurrentTokens = recurrentTokens < 0 ? tokens : recurrentTokens;
                }
                // In an expert, one token runs through each of the copies it is routed to.
                long copies = layer.copies().active();
                long macs = Math.multiplyExact(copies, decode.get().at(tokens));
                decodeMacs = Math.addExact(decodeMacs, macs);
                work.add(new DecodeWork(i, Math.multiplyExact(2, Math.multiplyExact(batch, macs)), Math.addExact(
                        Math.addExact(weights, moved), kept),
                        Math.multiplyExact(2, Math.multiplyExact(batch, Math.multiplyExact(copies,
                                decode.get().macsPerContextToken()))), keptPerContextToken));
                decodePerContextToken = Math.addExact(decodePerContextToken,
                        Math.multiplyExact(copies, decode.get().macsPerContextToken()));
            }
            kvBytes = Math.addExact(Math.addExact(kvBytes, crossKvBytes), stateBytes);
            withoutContext = Math.subtractExact(decodeMacs, Math.multiplyExact(decodePerContextToken,
                    Math.max(0, context)));
        } catch (ArithmeticException overflow) {
            problems.add(Problem.onNetwork(Message.KV_CACHE_OVERFLOW.on(Attr.DECODER, network.name())));
            return Optional.empty();
        }
        if (attentionLayers == 0 && crossLayers > 0) {
            // Cross-attention alone: the decoded tokens are the context, though no cache grows with it.
            context = crossTokens;
        } else if (attentionLayers == 0 && recurrentLayers > 0) {
            // Recurrent layers alone: the tokens of the first are the context; their state never grows.
            context = recurrentTokens;
        }
        if (attentionLayers == 0 && crossLayers == 0 && recurrentLayers == 0 && problems.size() == before) {
            // Named, the input is to blame; unnamed, the network has no attention.
            problems.add(Problem.onNetwork(network.decodes().isEmpty()
                    ? Message.DECODER_WITHOUT_ATTENTION.on(Attr.DECODER, network.name())
                    : Message.DECODER_NOTHING_TO_DECODE.on(Attr.DECODES, network.name(), network.decodes())));
        }
        if (problems.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new DecoderFigures(context, attentionLayers, kvBytes, kvBytesPerToken, total.macs(),
                decodeMacs, decodePerContextToken, withoutContext, crossKvBytes, stateBytes, work));
    }

    /**
     * The bytes of inputs and output that the batch's one new token per sequence moves through
     * {@code layer}: what its forward pass moves, less {@code notRead} (what a step does not read again),
     * over the tokens it ran on. A layer on tokens ran on its input's; an embedding, on its output's; a
     * layer on one vector, on one.
     */
    private static long perToken(LayerAnalysis layer, long notRead) {
        long tokens = layer.input().rank() == 2 ? layer.input().dim(0)
                : layer.output().rank() == 2 ? layer.output().dim(0) : 1;
        return Math.subtractExact(layer.traffic().activationBytesMoved(), notRead) / tokens;
    }
}
