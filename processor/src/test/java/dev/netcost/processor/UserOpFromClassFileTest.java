package dev.netcost.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An op declared in another module or jar: compiled first, on its own, its class file then on the
 * class path of the compilation of the network, where netcost reads the declaration from the class
 * file as javac gives it (no source, no trees).
 */
class UserOpFromClassFileTest {
    /**
     * torchvision's {@code DeformConv2d(C, out, kernel, stride, padding)} with the offset
     * convolution that feeds it ({@code nn.Conv2d(C, 2 * kernel * kernel, kernel, stride, padding)}),
     * as one op: the offsets, the bilinear sampling of the input at the moved points, the convolution.
     */
    static final NetworkSource DEFORM = NetworkSource.of("com.example.ops.DeformConv2d", """
            package com.example.ops;

            import dev.netcost.CustomOp;

            @CustomOp(name = "DeformConv2d", layouts = CustomOp.Layout.FEATURES,
                    shape = {"out", "(H + 2 * padding - kernel) / stride + 1", "(W + 2 * padding - kernel) / stride + 1"},
                    params = "(2 * kernel * kernel + out) * (C * kernel * kernel + 1)",
                    buffers = "0",
                    macs = "(2 * kernel * kernel + out) * outDim(1) * outDim(2) * C * kernel * kernel",
                    flops = "2 * (2 * kernel * kernel + out) * outDim(1) * outDim(2) * C * kernel * kernel"
                            + " + 15 * C * kernel * kernel * outDim(1) * outDim(2)",
                    memory = "numel + 2 * (2 * kernel * kernel * outDim(1) * outDim(2)) + outNumel",
                    checks = @CustomOp.Check(require = "H + 2 * padding >= kernel && W + 2 * padding >= kernel",
                            attribute = "kernel", message = "the kernel is larger than the padded input"))
            public @interface DeformConv2d {
                int out();
                int kernel();
                int stride() default 1;
                int padding() default 0;
            }
            """);

    static final NetworkSource NET = NetworkSource.of("com.example.Net", """
            package com.example;

            import com.example.ops.DeformConv2d;
            import dev.netcost.*;

            @Network(input = {64, 56, 56})
            public class Net {
                @DeformConv2d(out = 128, kernel = 3, stride = 2, padding = 1) Layer dcn;
            }
            """);

    @Test
    void theDeclarationIsReadFromTheClassFile(@TempDir Path classes) throws IOException {
        Compilation ops = javac().withProcessors(new NetworkProcessor()).compile(DEFORM.file());
        assertThat(ops).succeededWithoutWarnings();
        List<File> classpath = GeneratedClasses.classPathWith(ops, classes);
        assertThat(Files.exists(classes.resolve("com/example/ops/DeformConv2d.class"))).isTrue();
        Compilation net = javac().withProcessors(new NetworkProcessor()).withClasspath(classpath)
                .withOptions("-Anetcost.reports=none").compile(NET.file());
        assertThat(net).succeededWithoutWarnings();
        String companion = Compilations.companion(net);
        // torch 1.13: nn.Conv2d(64, 18, 3, 2, 1) has 10,386 parameters, torchvision.ops.DeformConv2d(64, 128, 3, 2, 1)
        // 73,856: 84,242; by hand (18 + 128) * (64 * 9 + 1) = 146 * 577 = 84,242.
        assertThat(companion).contains("public static final long PARAMS = 84_242L;");
        // Output (128, 28, 28), 784 positions, 64 * 9 = 576 taps each: the offsets 18 * 784 * 576 = 8,128,512 and
        // the convolution 128 * 784 * 576 = 57,802,752 MACs: 65,931,264.
        assertThat(companion).contains("public static final long MACS = 65_931_264L;");
        // Twice the MACs, both with a bias (2 * 65,931,264 = 131,862,528), and 15 FLOPs for each of the
        // 64 * 9 * 784 = 451,584 sampled values (6,773,760): 138,636,288.
        assertThat(companion).contains("public static final long FLOPS = 138_636_288L;");
        // Read the input (64 * 56 * 56 = 200,704), write and read the offsets (2 * 18 * 784 = 28,224), write the
        // output (128 * 784 = 100,352): 329,280 elements, and the 84,242 parameters once: 413,522 * 4 B = 1,654,088.
        assertThat(companion).contains("public static final long MEMORY_ACCESS_BYTES = 1_654_088L;");
        assertThat(companion).contains("DeformConv2d");
    }
}
