package dev.netcost.samples;

import dev.netcost.BatchNorm;
import dev.netcost.Conv;
import dev.netcost.Flatten;
import dev.netcost.GlobalAvgPool;
import dev.netcost.Layer;
import dev.netcost.Linear;
import dev.netcost.MaxPool;
import dev.netcost.Network;
import dev.netcost.ReLU;
import dev.netcost.Softmax;

/**
 * M5 (Dai et al. 2017), a 1-d convolutional network on raw audio, as torchaudio's speech-command
 * tutorial builds it: one second at 8 kHz in, 35 command classes out.
 *
 * <p>Declared exactly as the tutorial writes it, so netcost's lints are suppressed on purpose:
 * the convolutions keep PyTorch's default bias before batch norm, and two poolings drop the
 * last few samples of their input.
 */
@SuppressWarnings({"netcost:bias-before-norm", "netcost:unread-input"})
@Network(input = {1, 8000})
public class M5 {
    @Conv(out = 32, kernel = 80, stride = 16) Layer conv1;
    @BatchNorm Layer bn1;
    @ReLU Layer relu1;
    @MaxPool(kernel = 4) Layer pool1;
    @Conv(out = 32, kernel = 3) Layer conv2;
    @BatchNorm Layer bn2;
    @ReLU Layer relu2;
    @MaxPool(kernel = 4) Layer pool2;
    @Conv(out = 64, kernel = 3) Layer conv3;
    @BatchNorm Layer bn3;
    @ReLU Layer relu3;
    @MaxPool(kernel = 4) Layer pool3;
    @Conv(out = 64, kernel = 3) Layer conv4;
    @BatchNorm Layer bn4;
    @ReLU Layer relu4;
    @MaxPool(kernel = 4) Layer pool4;
    @GlobalAvgPool Layer pool;
    @Flatten Layer flatten;
    @Linear(out = 35) Layer fc;
    @Softmax Layer softmax;
}
