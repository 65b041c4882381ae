package dev.netcost.samples;

import java.nio.file.Path;
import java.util.List;

/**
 * The main job: says what it prints, prints netcost's lints on the samples, then the summary of
 * every sample network, as computed at compile time.
 */
public final class Main {
    private Main() {}

    /** {@code args}: the samples' source directory and the directory of their reports. */
    public static void main(String[] args) {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: Main <samples' source directory> <their reports' directory>");
        }
        Path sources = Path.of(args[0]);
        Path reports = Path.of(args[1]);
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
            ResNet50Fp16Cost.summary(1),
            ResNet50Fp16Batch64Cost.summary(1),
            ResNet152Cost.summary(1),
            ResNeXt50Cost.summary(1),
            WideResNet50Cost.summary(1),
            MobileNetV2Cost.summary(2),
            GoogLeNetCost.summary(1),
            InceptionV3Cost.summary(1),
            DenseNet121Cost.summary(1),
            ShuffleNetV2Cost.summary(1),
            MobileNetV3LargeCost.summary(1),
            DeepLabV3ResNet50Cost.summary(1),
            LrasppMobileNetV3Cost.summary(1),
            Yolov5sCost.summary(1),
            MobileNetV3LargeSeOpCost.summary(1),
            VitB16Cost.summary(1),
            VitB32Cost.summary(1),
            ClipVitB32Cost.summary(1),
            SwinTCost.summary(1),
            BertBaseCost.summary(1),
            Gpt2Cost.summary(2),
            Llama2_7BCost.summary(1),
            Llama2_7BLoraCost.summary(1),
            Llama3_8BCost.summary(1),
            Mistral7BCost.summary(1),
            Mixtral8x7BCost.summary(1),
            DeepSeekMoE16BCost.summary(1),
            WhisperTinyCost.summary(1),
            T5SmallCost.summary(1),
            ConvNextTinyCost.summary(1),
            UNetCost.summary(1),
            UNetValidCost.summary(1),
            WordLanguageModelCost.summary(),
            WordLanguageModelGruCost.summary(),
            SpeechBiLstmCost.summary(),
        };
        List<String> lints = SampleLints.of(sources);
        System.out.println(String.join("\n",
                "netcost samples: " + summaries.length + " networks declared in " + relative(sources) + ".",
                "Each table below is the summary() of a companion class that netcost generated while javac",
                "compiled them (LeNet5Cost and the others): every figure is a compile-time constant.",
                "Their reports, three per network (JSON, Markdown, Graphviz) and a fourth, its roofline plot"
                        + " (.roofline.svg), for one with @Roofline: " + relative(reports) + ".",
                "netcost's warnings on the samples, as javac prints them, found again now since mvn -q hides",
                "the build's own: " + lints.size() + (lints.size() == 1 ? " warning" : " warnings")
                        + "; Vgg16's is there on purpose.",
                ""));
        lints.forEach(System.out::println);
        System.out.println();
        System.out.println(String.join("\n", summaries));
    }

    /** {@code path} from the directory the job runs in, as a user typed it. */
    static Path relative(Path path) {
        return Path.of("").toAbsolutePath().relativize(path.toAbsolutePath());
    }
}
