package dev.netcost.processor.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.netcost.Shape;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The ops that Whisper, T5 and CLIP brought, against the cost model's rows by hand: a fixed
 * sinusoidal position table (a buffer), T5's relative position bias, CLIP's QuickGELU and its
 * cosine similarity of an image and a text.
 */
class WhisperT5ClipOpsTest {
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
}
