package dev.netcost.samples;

import dev.netcost.Decoder;
import dev.netcost.Dropout;
import dev.netcost.Embedding;
import dev.netcost.FinalState;
import dev.netcost.GRU;
import dev.netcost.InputKind;
import dev.netcost.Layer;
import dev.netcost.Linear;
import dev.netcost.Network;
import dev.netcost.Output;
import dev.netcost.Softmax;

/**
 * PyTorch examples' {@code word_language_model} with {@code --model GRU} and its other defaults:
 * {@code RNNModel("GRU", 33278, 200, 200, 2, dropout = 0.2)}, untied, 35 token ids. Its final
 * state is h_n alone, and so is its cache when it generates.
 */
@Network(input = {35}, inputKind = InputKind.IDS)
@Decoder
public class WordLanguageModelGru {
    @Embedding(vocab = 33278, dim = 200) Layer encoder;
    @Dropout(p = 0.2) Layer drop1;
    @GRU(hidden = 200, layers = 2, dropout = 0.2) Layer rnn;
    @Dropout(p = 0.2) Layer drop2;
    @Linear(out = 33278) Layer decoder;
    @Softmax @Output Layer logProbs;                                 // F.log_softmax over the vocabulary
    @FinalState("rnn") @Output Layer hidden;                           // h_n (2, 200)
}
