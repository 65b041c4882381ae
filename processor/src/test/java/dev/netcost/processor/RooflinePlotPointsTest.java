package dev.netcost.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.netcost.processor.Compilations.compile;
import static dev.netcost.processor.Compilations.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The roofline plot draws layers of the same FLOPs and bytes as one point, since they are one on the
 * roof: a block repeated 1,000 times is a point per layer of the block, not 3,000, and its tooltip
 * says how many it stands for and their time together.
 */
class RooflinePlotPointsTest {
    private static final NetworkSource UNIT = NetworkSource.of("com.example.Unit", """
            package com.example;

            import dev.netcost.*;

            @Block
            @interface Unit {
                class Layers {
                    @Linear(out = 64) Layer fc;
                    @ReLU Layer relu;
                }
            }
            """);

    private static final NetworkSource NET = NetworkSource.of("com.example.Deep", """
            package com.example;

            import dev.netcost.*;

            @Roofline(Hardware.L4)
            @Network(input = {64})
            class Deep {
                @Unit @Repeat(1000) Layer body;
                @Linear(out = 10) Layer head;
            }
            """);

    @Test
    void repeatedLayersAreOnePoint() {
        Compilation compilation = compile(UNIT, NET);
        assertThat(compilation).succeeded();
        String svg = resource(compilation, "META-INF/netcost/com.example.Deep.roofline.svg");
        // body[0].fc, body[0].relu (which stand for the 1,000 of each), and head: 3 points and the legend's 2.
        Matcher circles = Pattern.compile("<circle ").matcher(svg);
        int count = 0;
        while (circles.find()) {
            count++;
        }
        assertEquals(3 + 2, count);
        assertThat(svg).contains("body[0].fc (Linear) and 999 more of the same FLOPs and bytes: 8,192 FLOPs");
        assertThat(svg).contains("head (Linear): 1,280 FLOPs"); // 2 x 64 x 10, the bias adds included
    }
}
