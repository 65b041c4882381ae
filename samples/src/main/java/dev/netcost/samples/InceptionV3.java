package dev.netcost.samples;

import dev.netcost.AdaptiveAvgPool;
import dev.netcost.Dropout;
import dev.netcost.Flatten;
import dev.netcost.From;
import dev.netcost.Layer;
import dev.netcost.Linear;
import dev.netcost.MaxPool;
import dev.netcost.Network;
import dev.netcost.TrainingOnly;
import dev.netcost.samples.blocks.BasicConv2d;
import dev.netcost.samples.blocks.InceptionA;
import dev.netcost.samples.blocks.InceptionAux;
import dev.netcost.samples.blocks.InceptionB;
import dev.netcost.samples.blocks.InceptionC;
import dev.netcost.samples.blocks.InceptionD;
import dev.netcost.samples.blocks.InceptionE;

/**
 * torchvision's {@code inception_v3(aux_logits=True)} on 299 x 299, field for field as
 * {@code Inception3} declares its modules (the names in lower case). Its auxiliary classifier runs
 * only in training ({@code if self.training: aux = self.AuxLogits(x)}): its weights count in
 * {@code PARAMS}, as in torchvision's {@code num_params}, and its MACs in none of the inference
 * figures, as in torchvision's {@code _ops}. {@code Mixed_7a} reads {@code Mixed_6e}'s output, as
 * {@code x} in torchvision's {@code _forward} is still that.
 */
@Network(input = {3, 299, 299})
public class InceptionV3 {
    @BasicConv2d(out = 32, kernel = 3, stride = 2) Layer conv2d_1a_3x3;
    @BasicConv2d(out = 32, kernel = 3) Layer conv2d_2a_3x3;
    @BasicConv2d(out = 64, kernel = 3, padding = 1) Layer conv2d_2b_3x3;
    @MaxPool(kernel = 3, stride = 2) Layer maxpool1;
    @BasicConv2d(out = 80) Layer conv2d_3b_1x1;
    @BasicConv2d(out = 192, kernel = 3) Layer conv2d_4a_3x3;
    @MaxPool(kernel = 3, stride = 2) Layer maxpool2;
    @InceptionA(poolFeatures = 32) Layer mixed_5b;
    @InceptionA(poolFeatures = 64) Layer mixed_5c;
    @InceptionA(poolFeatures = 64) Layer mixed_5d;
    @InceptionB Layer mixed_6a;
    @InceptionC(c7 = 128) Layer mixed_6b;
    @InceptionC(c7 = 160) Layer mixed_6c;
    @InceptionC(c7 = 160) Layer mixed_6d;
    @InceptionC(c7 = 192) Layer mixed_6e;
    @InceptionAux(classes = 1000) @TrainingOnly Layer auxLogits;
    @InceptionD @From("mixed_6e") Layer mixed_7a;
    @InceptionE Layer mixed_7b;
    @InceptionE Layer mixed_7c;
    @AdaptiveAvgPool(output = 1) Layer avgpool;
    @Dropout(p = 0.5) Layer dropout;
    @Flatten Layer flatten;
    @Linear(out = 1000) Layer fc;
}
