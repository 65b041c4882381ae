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
        };
        System.out.println(String.join("\n", summaries));
    }
}
