package dev.netcost.processor;

import static dev.netcost.processor.Compilations.assertOnlyError;
import static dev.netcost.processor.Compilations.compile;

import org.junit.jupiter.api.Test;

/**
 * Every way {@code @Tied} can name a layer whose weight is not there to share: in the
 * declaration (the layer itself, a block, a layer below, no field), each with and without layers
 * above it to name, and at a use (a source removed by its {@code @If}, a source with no weight).
 * The whole message, and the value the IDE underlines: the name in {@code @Tied}.
 */
class TiedWeightDiagnosticsTest {
    /** A block of one layer, which has no one weight. */
    private static final NetworkSource ID = NetworkSource.of("com.example.Id", """
            package com.example;

            import dev.netcost.*;

            @Block
            @interface Id {
                class Layers {
                    @ReLU Layer relu;
                }
            }
            """);

    /** A network of 16 token ids: an embedding of dim 64 makes (16, 64) tokens of them. */
    private static NetworkSource network(String... fields) {
        return NetworkSource.network("{16}", fields);
    }

    @Test
    void theFirstLayerTiedToItself() {
        NetworkSource src = network("@Embedding(vocab = 100, dim = 64) @Tied(\"wte\") Layer wte;");
        assertOnlyError(compile(src), src, "[netcost:tied] wte: @Tied(\"wte\") names the layer whose weight this one"
                + " shares, but `wte` is this layer itself", src.at("@Tied(\"wte\")", "\"wte\""));
    }

    @Test
    void aLayerTiedToItselfNamesTheLayersAbove() {
        NetworkSource src = network("@Embedding(vocab = 100, dim = 64) Layer wte;",
                "@Linear(out = 100, bias = false) @Tied(\"head\") Layer head;");
        assertOnlyError(compile(src), src, "[netcost:tied] head: @Tied(\"head\") names the layer whose weight this one"
                + " shares, but `head` is this layer itself; the layers above are wte",
                src.at("@Tied(\"head\")", "\"head\""));
    }

    @Test
    void aLayerTiedToABlock() {
        NetworkSource src = network("@Id Layer id;", "@Embedding(vocab = 100, dim = 64) @Tied(\"id\") Layer wte;");
        assertOnlyError(compile(ID, src), src, "[netcost:tied] wte: @Tied(\"id\") names the layer whose weight this"
                + " one shares, but `id` is a block, and a block has no one weight to share",
                src.at("@Tied(\"id\")", "\"id\""));
    }

    @Test
    void aLayerTiedToABlockNamesTheLayersAbove() {
        NetworkSource src = network("@Embedding(vocab = 100, dim = 64) Layer wte;", "@Id Layer id;",
                "@Linear(out = 100, bias = false) @Tied(\"id\") Layer head;");
        assertOnlyError(compile(ID, src), src, "[netcost:tied] head: @Tied(\"id\") names the layer whose weight this"
                + " one shares, but `id` is a block, and a block has no one weight to share; the layers above are"
                + " wte", src.at("@Tied(\"id\")", "\"id\""));
    }

    @Test
    void theFirstLayerTiedToALayerBelow() {
        NetworkSource src = network("@Embedding(vocab = 100, dim = 64) @Tied(\"head\") Layer wte;",
                "@Linear(out = 100, bias = false) Layer head;");
        assertOnlyError(compile(src), src, "[netcost:tied] wte: @Tied(\"head\") names the layer whose weight this one"
                + " shares, but `head` is declared below wte; the layer that owns the weight comes first",
                src.at("@Tied(\"head\")", "\"head\""));
    }

    @Test
    void aLayerTiedToALayerBelowNamesTheLayersAbove() {
        NetworkSource src = network("@Embedding(vocab = 100, dim = 64) Layer wte;",
                "@Linear(out = 64, bias = false) @Tied(\"head\") Layer proj;",
                "@Linear(out = 100, bias = false) Layer head;");
        assertOnlyError(compile(src), src, "[netcost:tied] proj: @Tied(\"head\") names the layer whose weight this one"
                + " shares, but `head` is declared below proj; the layer that owns the weight comes first; the layers"
                + " above are wte", src.at("@Tied(\"head\")", "\"head\""));
    }

    @Test
    void theFirstLayerTiedToNoField() {
        NetworkSource src = network("@Embedding(vocab = 100, dim = 64) @Tied(\"wpe\") Layer wte;");
        assertOnlyError(compile(src), src, "[netcost:tied] wte: @Tied(\"wpe\") names the layer whose weight this one"
                + " shares, but `wpe` is no field of Net", src.at("@Tied(\"wpe\")", "\"wpe\""));
    }

    @Test
    void aLayerTiedToOneItsIfRemoved() {
        NetworkSource src = network("@Embedding(vocab = 100, dim = 64) Layer wte;",
                "@Linear(out = 64, bias = false) @If(\"in < 0\") Layer skip;",
                "@Linear(out = 100, bias = false) @Tied(\"skip\") Layer head;");
        assertOnlyError(compile(src), src, "[netcost:tied] head on input (16, 64): `skip` is not there to share its"
                + " weight: its @If is false here", src.at("@Tied(\"skip\")", "\"skip\""));
    }

    @Test
    void aLayerTiedToOneWithoutAWeight() {
        NetworkSource src = network("@Embedding(vocab = 100, dim = 64) Layer wte;", "@LayerNorm Layer norm;",
                "@Linear(out = 64, bias = false) @Tied(\"norm\") Layer head;");
        assertOnlyError(compile(src), src, "[netcost:tied] head on input (16, 64): norm (LayerNorm) has no weight to"
                + " share; @Tied ties the weights of @Linear and @Embedding layers",
                src.at("@Tied(\"norm\")", "\"norm\""));
    }
}
