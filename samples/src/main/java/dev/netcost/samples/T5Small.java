package dev.netcost.samples;

import dev.netcost.Decoder;
import dev.netcost.Dropout;
import dev.netcost.Embedding;
import dev.netcost.Input;
import dev.netcost.InputKind;
import dev.netcost.Layer;
import dev.netcost.Linear;
import dev.netcost.Network;
import dev.netcost.Output;
import dev.netcost.RMSNorm;
import dev.netcost.Repeat;
import dev.netcost.Tied;
import dev.netcost.samples.blocks.T5DecoderBlock;
import dev.netcost.samples.blocks.T5EncoderBlock;
import dev.netcost.samples.ops.T5Rescale;

/**
 * Hugging Face's {@code T5ForConditionalGeneration} with {@code t5-small}'s configuration
 * ({@code google-t5/t5-small}), 512 tokens in and 512 out: one embedding {@code shared} by the
 * encoder, the decoder and the language-model head; 6 encoder and 6 decoder blocks of 8 heads of
 * 64, RMS-style norms ({@code T5LayerNorm}: a weight, no bias, no mean), no bias in any projection,
 * a ReLU MLP of 2,048; a relative position bias (32 buckets x 8 heads) in the first block of each
 * stack, which the other blocks of the stack reuse; dropout 0.1.
 *
 * <p>{@code PARAMS} is 60,506,624, as {@code model.num_parameters()} and {@code sum(p.numel())}
 * count them, the shared weight once. Counted untied, each stack with an embedding of its own
 * (as the size table of Wikipedia's T5 article counts "Small"), it would be 76,956,160.
 *
 * <p>Two outputs, as {@code Seq2SeqLMOutput} returns them: the logits {@code lmHead}, and the
 * encoder's last hidden state, which generation computes once and keeps for every step's
 * cross-attention. The encoder's output is marked too so that the logits' own figures, the layers
 * only they need ({@code LM_HEAD_ONLY_PARAMS}...), are the decoder's: what a run that only encodes
 * leaves out. Everything the encoder's output needs, the logits need too, so its own are 0.
 *
 * <p>The head's input is multiplied by {@code d_model ** -0.5} before {@code lm_head}, as Hugging
 * Face does whenever the weights are tied: a scalar multiply, no parameter and no MAC, declared
 * with the op {@link T5Rescale} since netcost has none built in.
 */
@Network(input = {512}, inputKind = InputKind.IDS)                           // "input": input_ids
@Decoder("decoderInputIds")
public class T5Small {
    // encoder (T5Stack, is_decoder = False)
    @Embedding(vocab = 32128, dim = 512) Layer shared;
    @Dropout(p = 0.1) Layer encoderDropout;
    @T5EncoderBlock(heads = 8, hidden = 2048, hasRelativeAttentionBias = true) @Repeat(6) Layer encoderBlock;
    @RMSNorm Layer encoderFinalLayerNorm;
    @Dropout(p = 0.1) @Output Layer encoderLastHiddenState;

    // decoder (T5Stack, is_decoder = True)
    @Input(shape = {512}, kind = InputKind.IDS) Layer decoderInputIds;
    @Embedding(vocab = 32128, dim = 512) @Tied("shared") Layer decoderEmbedTokens;
    @Dropout(p = 0.1) Layer decoderDropout;
    @T5DecoderBlock(heads = 8, hidden = 2048, encoderHiddenStates = "encoderLastHiddenState",
            hasRelativeAttentionBias = true)
    @Repeat(6) Layer decoderBlock;
    @RMSNorm Layer decoderFinalLayerNorm;
    @Dropout(p = 0.1) Layer decoderOutputDropout;
    @T5Rescale Layer rescale;                                                 // * d_model ** -0.5
    @Linear(out = 32128, bias = false) @Tied("shared") @Output Layer lmHead;
}
