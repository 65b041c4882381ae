package dev.netcost.samples;

import dev.netcost.Decoder;
import dev.netcost.Dropout;
import dev.netcost.Embedding;
import dev.netcost.FinalState;
import dev.netcost.InputKind;
import dev.netcost.LSTM;
import dev.netcost.Layer;
import dev.netcost.Linear;
import dev.netcost.Network;
import dev.netcost.Output;
import dev.netcost.Softmax;

/**
 * PyTorch examples' {@code word_language_model} as its {@code main.py} trains it by default on
 * WikiText-2: {@code RNNModel("LSTM", 33278, 200, 200, 2, dropout = 0.2)}, untied, on a batch of
 * {@code bptt} = 35 token ids. {@code forward} returns the log-probabilities and the LSTM's final
 * state {@code (h_n, c_n)}, which the training loop feeds back for the next 35 tokens: both are
 * outputs here, as PyTorch returns them. Generation ({@code generate.py}) runs it a token at a time,
 * its state the only thing carried: a {@code @Decoder} whose cache is that state.
 */
@Network(input = {35}, inputKind = InputKind.IDS)
@Decoder
public class WordLanguageModel {
    @Embedding(vocab = 33278, dim = 200) Layer encoder;
    @Dropout(p = 0.2) Layer drop1;
    @LSTM(hidden = 200, layers = 2, dropout = 0.2) Layer rnn;
    @Dropout(p = 0.2) Layer drop2;
    @Linear(out = 33278) Layer decoder;
    @Softmax @Output Layer logProbs;                                 // F.log_softmax over the vocabulary
    @FinalState("rnn") @Output Layer hidden;                           // h_n (2, 200)
    @FinalState(value = "rnn", cell = true) @Output Layer cell;       // c_n (2, 200)
}
