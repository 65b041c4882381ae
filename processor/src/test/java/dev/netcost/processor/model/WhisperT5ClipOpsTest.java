package dev.netcost.processor.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.netcost.Shape;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The ops that Whisper, T5 and CLIP brought, against the cost model's rows by hand: a fixed
 * sinusoidal position table (a buffer), T5's relative position bias, CLIP's QuickGELU and its
 * cosine similarity of an image and a text.
 */
class WhisperT5ClipOpsTest {
    private static final List<String> NAMES = List.of("image", "text", "other");

    private static Shape out(Op op, Shape in, Layout layout) {
        return assertInstanceOf(ShapeResult.Ok.class, op.outputShape(in, layout)).shape();
    }

    /**
     * Whisper-tiny's audio encoder: 1,500 frames of 384 after its convolutions. openai-whisper
     * registers the sinusoids as a buffer, so the table is 1,500 x 384 = 576,000 buffer elements and
     * no parameter; a learned table of the same size is 576,000 parameters. One add per element
     * either way: 576,000 FLOPs. With torch 1.13, openai-whisper's modules rebuilt from its
     * whisper/model.py at whisper-tiny's dimensions:
     *
     * <pre>
     * m = Whisper()   # AudioEncoder(80, 1500, 384, 4) with register_buffer("positional_embedding",
     *                 # sinusoids(1500, 384)), TextDecoder(51865, 448, 384, 4)
     * sum(p.numel() for p in m.parameters())                      # 37,184,640
     * sum(b.numel() for b in m.state_dict().values()) - 37184640  # 576,000: the encoder's table
     * </pre>
     *
     * Hugging Face's WhisperModel holds the table as a frozen nn.Embedding, a parameter:
     * 37,184,640 + 576,000 = 37,760,640.
     */
    @Test
    void aSinusoidalTableIsABufferAndALearnedOneAParameter() {
        Shape frames = Shape.of(1500, 384);
        PositionEmbedding fixed = new PositionEmbedding(1500, true);
        assertEquals(frames, out(fixed, frames, Layout.TOKENS));
        assertEquals(new Cost(0, 576_000, 0, 576_000), fixed.cost(frames, frames));
        assertEquals(new Cost(576_000, 0, 0, 576_000), new PositionEmbedding(1500, false).cost(frames, frames));
        assertEquals(new PositionEmbedding(1500, false), new PositionEmbedding(1500));
        assertEquals("SinusoidalPositionEmbedding", fixed.displayName(frames));
        assertEquals("PositionEmbedding", new PositionEmbedding(1500).displayName(frames));
        // The whole table is read once per pass, as a learned one: 576,000 elements for a batch of 4.
        assertEquals(576_000, fixed.parametersRead(frames, fixed.cost(frames, frames), 4));
        // A longer sequence is the same error as for a learned table.
        assertEquals(ProblemKind.SEQUENCE_LENGTH, assertInstanceOf(ShapeResult.Failed.class,
                fixed.outputShape(Shape.of(1501, 384), Layout.TOKENS)).faults().get(0).kind());
        // Built from the annotation's values, sinusoidal read.
        assertEquals(fixed, OpKind.POSITION_EMBEDDING.build(new AttrValues(Map.of(Attr.LENGTH, 1500,
                Attr.SINUSOIDAL, true))));
    }

    /**
     * t5-small: T5Attention's relative_attention_bias = nn.Embedding(32, 8) in the first layer of each
     * stack, 32 x 8 = 256 parameters (torch 1.13: nn.Embedding(32, 8).weight.numel() is 256). On 512
     * tokens of 512 its (8, 512, 512) bias is added to one layer's scores: 8 x 512 x 512 = 2,097,152
     * FLOPs. maxDistance and bidirectional choose buckets only.
     */
    @Test
    void t5sRelativePositionBiasByHand() {
        RelativePositionBias bias = new RelativePositionBias(32, 8, 128);
        Shape tokens = Shape.of(512, 512);
        assertEquals(tokens, out(bias, tokens, Layout.TOKENS));
        assertEquals(new Cost(256, 0, 0, 2_097_152), bias.cost(tokens, tokens));
        // Three sequences of 5 tokens, 2 heads: 3 x 2 x 5 x 5 = 150 adds, within each sequence.
        Shape sequences = Shape.of(3, 5, 8);
        assertEquals(new Cost(64, 0, 0, 150), new RelativePositionBias(32, 2, 128).cost(sequences, sequences));
        // No MACs: nothing for a decoder to count per token.
        assertEquals(java.util.Optional.of(DecodeCost.ZERO), bias.decodeCost(tokens, bias.cost(tokens, tokens)));
        // Every size at least what Hugging Face's bucketing divides by, each on its attribute.
        assertEquals(java.util.List.of(Attr.BUCKETS, Attr.HEADS, Attr.MAX_DISTANCE),
                new RelativePositionBias(0, 0, 0).validate().stream().map(f -> f.attr().orElseThrow()).toList());
        assertEquals(ProblemKind.OUT_OF_RANGE, new RelativePositionBias(32, 0, 128).validate().get(0).kind());
        // Bidirectional: 32 buckets, 16 a direction, 8 exact distances, so maxDistance above 8; 3 buckets
        // leave max_exact = 0. One way: 2 buckets are 1 exact distance, so maxDistance above 1.
        assertEquals(1, new RelativePositionBias(32, 8, 8, true).validate().size());
        assertEquals(0, new RelativePositionBias(32, 8, 9, true).validate().size());
        assertEquals(1, new RelativePositionBias(3, 8, 128, true).validate().size());
        assertEquals(0, new RelativePositionBias(2, 8, 2, false).validate().size());
        assertEquals(1, new RelativePositionBias(2, 8, 1, false).validate().size());
        // Built from the annotation's values; bidirectional changes no figure.
        for (boolean bidirectional : new boolean[] {true, false}) {
            RelativePositionBias built = (RelativePositionBias) OpKind.RELATIVE_POSITION_BIAS.build(new AttrValues(
                    Map.of(Attr.BUCKETS, 32, Attr.HEADS, 8, Attr.MAX_DISTANCE, 128, Attr.BIDIRECTIONAL, bidirectional)));
            assertEquals(bidirectional, built.bidirectional());
            assertEquals(bias.cost(sequences, sequences), built.cost(sequences, sequences));
        }
        // A feature map is refused, naming @ToTokens.
        Fault map = bias.refuse(Shape.of(8, 4, 4), Layout.FEATURES);
        assertEquals(ProblemKind.INPUT_SHAPE, map.kind());
        assertEquals(true, map.message().contains("@ToTokens"), map.message());
    }

    /**
     * CLIP's text transformer's MLP: c_fc to 2,048, then QuickGELU on 77 tokens of 2,048 (ViT-B/32's
     * text width 512 times 4). Per element 5 FLOPs (SiLU's 4 and the scale): 5 x 77 x 2,048 = 788,480.
     * No parameters, as CLIP's module (class QuickGELU(nn.Module), forward x * torch.sigmoid(1.702 *
     * x)) has none; every layout, as every activation.
     */
    @Test
    void quickGeluCostsFiveFlopsPerElement() {
        Activation quick = (Activation) OpKind.QUICK_GELU.build(new AttrValues(Map.of()));
        Shape hidden = Shape.of(77, 2048);
        assertEquals(hidden, out(quick, hidden, Layout.TOKENS));
        assertEquals(Cost.flopsOnly(788_480), quick.cost(hidden, hidden));
        assertEquals("QuickGELU", quick.displayName(hidden));
        assertEquals(java.util.EnumSet.allOf(Layout.class), quick.accepts());
        // One more than SiLU's 4 per element, on a map as on tokens: 5 x 8 x 4 x 4 = 640.
        assertEquals(Cost.flopsOnly(640), quick.cost(Shape.of(8, 4, 4), Shape.of(8, 4, 4)));
        assertEquals(Cost.flopsOnly(512), new Activation(Activation.Kind.SILU).cost(Shape.of(8, 4, 4),
                Shape.of(8, 4, 4)));
    }

    /** Every multiply-accumulate of x . y, x . x and y . y, one loop per feature, as CLIP's code reads. */
    private static long bruteForceMacs(int width) {
        long macs = 0;
        for (int i = 0; i < width; i++) {
            macs++; // x_i * y_i
            macs++; // x_i * x_i, for the norm of x
            macs++; // y_i * y_i, for the norm of y
        }
        return macs;
    }

    /**
     * CLIP ViT-B/32 compares an image's and a text's features of embed_dim 512. MACs: 3 x 512 = 1,536
     * (the products and both squared norms). FLOPs: 2 x 1,536 = 3,072 for the products, 2 x 512 =
     * 1,024 divisions normalising both, 2 square roots, the exponential of logit_scale and its multiply:
     * 4,100; without the scale 4,098. Parameters: CLIP's logit_scale, nn.Parameter(torch.ones([]) *
     * np.log(1 / 0.07)), one number (torch 1.13: numel() is 1).
     */
    @Test
    void clipsLogitByHand() {
        List<Shape> pair = List.of(Shape.of(512), Shape.of(512));
        CosineSimilarity scaled = new CosineSimilarity(true);
        assertEquals(Shape.of(1), assertInstanceOf(ShapeResult.Ok.class, scaled.outputShape(pair, NAMES)).shape());
        assertEquals(new Cost(1, 0, 1_536, 4_100), scaled.cost(pair, Shape.of(1)));
        assertEquals(new Cost(0, 0, 1_536, 4_098), new CosineSimilarity(false).cost(pair, Shape.of(1)));
        for (int width : new int[] {1, 7, 512, 768}) {
            assertEquals(bruteForceMacs(width), scaled.cost(List.of(Shape.of(width), Shape.of(width)), Shape.of(1))
                    .macs());
        }
        // Per sample, one pair: a batch of 4 is 4 pairs, 4 x 1,536 = 6,144 MACs. CLIP's own batch of 4 images
        // against 4 texts makes 4 x 4 logits, 16 x 512 = 8,192 MACs for the products alone.
        assertEquals(6_144, scaled.cost(pair, Shape.of(1)).forBatch(4).macs());
        assertEquals(scaled, OpKind.COSINE_SIMILARITY.build(new AttrValues(Map.of(Attr.LOGIT_SCALE, true))));
        assertEquals(true, OpKind.COSINE_SIMILARITY.isMerge());
        assertEquals("CosineSimilarity", scaled.displayName());
    }

    @Test
    void clipsLogitComparesTwoVectorsOfOneWidth() {
        CosineSimilarity similarity = new CosineSimilarity(true);
        assertEquals(java.util.Optional.empty(), similarity.ranksDiffer(List.of(Shape.of(8), Shape.of(8)), NAMES));
        Fault three = similarity.ranksDiffer(List.of(Shape.of(8), Shape.of(8), Shape.of(8)), NAMES).orElseThrow();
        assertEquals(ProblemKind.MERGE_INPUTS, three.kind());
        assertEquals(java.util.Optional.of(Attr.FROM), three.attr());
        assertEquals("@CosineSimilarity compares exactly two vectors, but it names 3: image gives (8), text gives (8)"
                + " and other gives (8); list two, as {\"image\", \"text\"}", three.message());
        Fault tokens = similarity.ranksDiffer(List.of(Shape.of(5, 8), Shape.of(8)), NAMES).orElseThrow();
        assertEquals(ProblemKind.MERGE, tokens.kind());
        assertEquals(true, tokens.message().startsWith("@CosineSimilarity compares two vectors (E), but image gives"
                + " (5, 8) and text gives (8); "), tokens.message());
        Fault widths = assertInstanceOf(ShapeResult.Failed.class, similarity.outputShape(List.of(Shape.of(512),
                Shape.of(768)), NAMES)).faults().get(0);
        assertEquals(ProblemKind.MERGE, widths.kind());
        assertEquals("@CosineSimilarity compares two vectors of one width, but image gives 512 features and text gives"
                + " 768; project both to one width with a @Linear, as CLIP's visual and text projections make both"
                + " embed_dim wide", widths.message());
    }
}
