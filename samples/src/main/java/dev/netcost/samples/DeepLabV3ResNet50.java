package dev.netcost.samples;

import dev.netcost.BatchNorm;
import dev.netcost.Conv;
import dev.netcost.From;
import dev.netcost.Interpolation;
import dev.netcost.Layer;
import dev.netcost.MaxPool;
import dev.netcost.Network;
import dev.netcost.Output;
import dev.netcost.ReLU;
import dev.netcost.Repeat;
import dev.netcost.Upsample;
import dev.netcost.samples.blocks.Bottleneck;
import dev.netcost.samples.blocks.DeepLabHead;
import dev.netcost.samples.blocks.FcnHead;

/**
 * torchvision's {@code deeplabv3_resnet50(num_classes=21, aux_loss=True)} on a 520 x 520 image:
 * ResNet-50 with {@code replace_stride_with_dilation=[False, True, True]}, so layer3 and layer4
 * dilate rather than stride and the features stay at 65 x 65 (output stride 8); the DeepLabV3
 * head, and the auxiliary {@code FCNHead} on layer3, each resized to the input.
 *
 * <p>Two named outputs, as torchvision's {@code forward} returns {@code {"out": ..., "aux": ...}}:
 * {@code out} and {@code aux}. The auxiliary head runs in eval too, and is counted in every total,
 * as torchvision's published figures count it; {@code AUX_ONLY_*} are what dropping it saves.
 */
@Network(input = {3, 520, 520})
public class DeepLabV3ResNet50 {
    @Conv(out = 64, kernel = 7, stride = 2, padding = 3, bias = false) Layer conv1;
    @BatchNorm Layer bn1;
    @ReLU Layer relu;
    @MaxPool(kernel = 3, stride = 2, padding = 1) Layer maxpool;
    @Bottleneck(width = 64, out = 256) @Repeat(3) Layer layer1;
    @Bottleneck(width = 128, out = 512, stride = 2) @Repeat(4) Layer layer2;
    // _make_layer(dilate=True): the stride of 2 becomes dilation 2; the first block keeps the
    // dilation before (1), the others take 2; layer4 likewise goes from 2 to 4.
    @Bottleneck(width = 256, out = 1024, dilation = 2, firstDilation = 1) @Repeat(6) Layer layer3;
    @Bottleneck(width = 512, out = 2048, dilation = 4, firstDilation = 2) @Repeat(3) Layer layer4;
    @DeepLabHead(classes = 21) Layer classifier;
    @FcnHead(classes = 21) @From("layer3") Layer auxClassifier;
    @Upsample(mode = Interpolation.BILINEAR, like = "input") @Output Layer aux;
    @Upsample(mode = Interpolation.BILINEAR, like = "input") @From("classifier") @Output Layer out;
}
