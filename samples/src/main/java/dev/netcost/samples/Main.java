package dev.netcost.samples;

/** Prints the summary of every sample network, as computed at compile time. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        String[] summaries = {
            LeNet5Cost.summary(),
            SeedAlexNetCost.summary(),
            AlexNetCost.summary(),
            Vgg16Cost.summary(),
            MobileNetV1Cost.summary(),
            DcganGeneratorCost.summary(),
            M5Cost.summary(),
            ResNet18Cost.summary(1),
            ResNet50Cost.summary(2),
            ResNet152Cost.summary(1),
            ResNeXt50Cost.summary(1),
            WideResNet50Cost.summary(1),
            MobileNetV2Cost.summary(2),
            GoogLeNetCost.summary(1),
            DenseNet121Cost.summary(1),
            ShuffleNetV2Cost.summary(1),
            MobileNetV3LargeCost.summary(1),
            VitB16Cost.summary(1),
            VitB32Cost.summary(1),
            BertBaseCost.summary(1),
            Gpt2Cost.summary(2),
            Llama2_7BCost.summary(1),
            Llama3_8BCost.summary(1),
            Mistral7BCost.summary(1),
        };
        System.out.println(String.join("\n", summaries));
    }
}
