package dev.netcost.samples.blocks;

import dev.netcost.AdaptiveAvgPool;
import dev.netcost.AvgPool;
import dev.netcost.Block;
import dev.netcost.Flatten;
import dev.netcost.Layer;
import dev.netcost.Linear;
import dev.netcost.With;

/**
 * Inception-v3's auxiliary classifier, {@code InceptionAux}, as torchvision builds it: a 5 x 5
 * average pool of stride 3, a 1 x 1 and a 5 x 5 {@code BasicConv2d}, an adaptive average pool,
 * and a linear layer to the classes. torchvision runs it only in training: mark its use
 * {@code @TrainingOnly}.
 */
@Block
public @interface InceptionAux {
    int classes();

    final class Layers {
        @AvgPool(kernel = 5, stride = 3) Layer pool;
        @BasicConv2d(out = 128) Layer conv0;
        @BasicConv2d(out = 768, kernel = 5) Layer conv1;
        @AdaptiveAvgPool(output = 1) Layer avgpool;
        @Flatten Layer flatten;
        @Linear @With(out = "classes") Layer fc;
    }
}
