package dev.netcost.samples;

import dev.netcost.Conv;
import dev.netcost.Decoder;
import dev.netcost.Embedding;
import dev.netcost.GELU;
import dev.netcost.Input;
import dev.netcost.InputKind;
import dev.netcost.Layer;
import dev.netcost.LayerNorm;
import dev.netcost.Linear;
import dev.netcost.Network;
import dev.netcost.PositionEmbedding;
import dev.netcost.Repeat;
import dev.netcost.Tied;
import dev.netcost.ToTokens;
import dev.netcost.samples.blocks.WhisperDecoderBlock;
import dev.netcost.samples.blocks.WhisperEncoderBlock;

/**
 * openai-whisper's {@code tiny} ({@code whisper.load_model("tiny")}, its {@code Whisper} module of
 * {@code whisper/model.py}) on 30 s of audio, 80 mel bins x 3,000 frames, and its full text context
 * of 448 tokens: the {@code AudioEncoder} (two convolutions, the second halving the frames to
 * 1,500, a fixed sinusoidal table, 4 pre-norm layers of 6 heads) and the {@code TextDecoder}
 * (token and learned position embeddings, 4 pre-norm layers whose cross-attention reads the
 * encoder's output, and logits against the token embedding's weight).
 *
 * <p>{@code PARAMS} is 37,184,640, as openai-whisper counts them ({@code sum(p.numel() for p in
 * model.parameters())}): its encoder registers the sinusoidal table as a buffer, so the table's
 * 1,500 x 384 = 576,000 entries are {@code BUFFERS}. Hugging Face's {@code WhisperForConditionalGeneration}
 * holds the same table as an {@code nn.Embedding} with {@code requires_grad} off, still a
 * parameter, and counts 37,760,640 = 37,184,640 + 576,000. The decoder's causal mask is a
 * non-persistent buffer (no state), counted by neither.
 *
 * <p>Every key projection has no bias, as openai-whisper's {@code MultiHeadAttention} declares
 * {@code key = Linear(n_state, n_state, bias=False)}. Fields run in {@code forward}'s order and
 * are named after openai-whisper's modules.
 */
@Network(input = {80, 3000})                                                 // "input": the mel spectrogram
@Decoder("tokens")
public class WhisperTiny {
    // AudioEncoder
    @Conv(out = 384, kernel = 3, padding = 1) Layer conv1;
    @GELU Layer gelu1;
    @Conv(out = 384, kernel = 3, stride = 2, padding = 1) Layer conv2;
    @GELU Layer gelu2;
    @ToTokens Layer permute;                                                  // x.permute(0, 2, 1)
    @PositionEmbedding(length = 1500, sinusoidal = true) Layer encoderPositionalEmbedding;
    @WhisperEncoderBlock(heads = 6) @Repeat(4) Layer encoderBlocks;
    @LayerNorm Layer lnPost;                                                  // the audio features, xa

    // TextDecoder
    @Input(shape = {448}, kind = InputKind.IDS) Layer tokens;
    @Embedding(vocab = 51865, dim = 384) Layer tokenEmbedding;
    @PositionEmbedding(length = 448) Layer decoderPositionalEmbedding;
    @WhisperDecoderBlock(heads = 6, xa = "lnPost") @Repeat(4) Layer decoderBlocks;
    @LayerNorm Layer ln;
    @Linear(out = 51865, bias = false) @Tied("tokenEmbedding") Layer logits;  // x @ token_embedding.weight.T
}
