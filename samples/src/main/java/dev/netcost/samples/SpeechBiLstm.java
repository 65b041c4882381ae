package dev.netcost.samples;

import dev.netcost.InputKind;
import dev.netcost.LSTM;
import dev.netcost.Layer;
import dev.netcost.Linear;
import dev.netcost.Network;

/**
 * A speech encoder of the kind CTC recognisers use, stated here rather than taken from one
 * checkpoint: 3 s of 80 log-mel features at a 10 ms hop (300 frames, read as tokens of 80), a
 * two-layer bidirectional {@code nn.LSTM(80, 512, 2, bidirectional=True, proj_size=128)}, whose
 * projection makes each direction's output and recurrent state 128 wide, and a linear layer to 28
 * characters and the CTC blank.
 */
@Network(input = {300, 80}, inputKind = InputKind.TOKENS)
public class SpeechBiLstm {
    @LSTM(hidden = 512, layers = 2, bidirectional = true, projSize = 128) Layer encoder;   // (300, 256)
    @Linear(out = 29) Layer ctc;
}
