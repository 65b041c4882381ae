package dev.netcost.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.netcost.processor.Compilations.compile;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;

/**
 * The DOT drawing of a network with a repeated block, whole: clusters opened and closed around
 * each instance, and the shape on every edge, from the layer just before or from far back.
 */
class DotDrawingTest {
    private static final NetworkSource UNIT = NetworkSource.of("com.example.Unit", """
            package com.example;

            import dev.netcost.*;

            @Block
            @interface Unit {
                int out();

                class Layers {
                    @Conv(kernel = 3, padding = 1, bias = false) @With(out = "out") Layer conv;
                    @ReLU Layer relu;
                    @Add({"relu", "input"}) Layer add;
                }
            }
            """);

    /** {@code join} reads {@code stem}, ten layers back, and {@code c} just before it. */
    private static final NetworkSource NET = NetworkSource.of("com.example.Net", """
            package com.example;

            import dev.netcost.*;

            @Network(input = {4, 4, 4})
            class Net {
                @Conv(out = 8, kernel = 1, bias = false) Layer stem;
                @Unit(out = 8) @Repeat(2) Layer stage;
                @Conv(out = 2, kernel = 1, bias = false) Layer a;
                @ReLU Layer b;
                @ReLU Layer c;
                @Concat({"c", "stem"}) Layer join;
            }
            """);

    /**
     * Parameters: stem 4 * 8 = 32, each unit's 3 x 3 convolution 8 * 8 * 9 = 576, a 8 * 2 = 16.
     * Shapes: stem and the units (8, 4, 4), a, b and c (2, 4, 4).
     */
    @Test
    void theDrawingOfARepeatedBlock() throws IOException {
        Compilation compilation = compile(UNIT, NET);
        assertThat(compilation).succeededWithoutWarnings();
        try (InputStream in = compilation.generatedFile(StandardLocation.CLASS_OUTPUT,
                "META-INF/netcost/com.example.Net.dot").orElseThrow().openInputStream()) {
            assertEquals("""
                digraph "Net" {
                  rankdir=TB;
                  node [shape=box, style=rounded, fontname="Helvetica", fontsize=10];
                  edge [fontname="Helvetica", fontsize=9];
                  "input" [shape=oval, label="input\\n(4, 4, 4)"];
                  "stem" [label="stem\\nConv2d\\n32 params"];
                  subgraph "cluster_stage" {
                    label="stage: Unit x 2";
                    style=dashed;
                    subgraph "cluster_stage[0]" {
                      label="stage[0]: Unit";
                      style=dashed;
                      "stage[0].conv" [label="stage[0].conv\\nConv2d\\n576 params"];
                      "stage[0].relu" [label="stage[0].relu\\nReLU"];
                      "stage[0].add" [label="stage[0].add\\nAdd"];
                    }
                    subgraph "cluster_stage[1]" {
                      label="stage[1]: Unit";
                      style=dashed;
                      "stage[1].conv" [label="stage[1].conv\\nConv2d\\n576 params"];
                      "stage[1].relu" [label="stage[1].relu\\nReLU"];
                      "stage[1].add" [label="stage[1].add\\nAdd"];
                    }
                  }
                  "a" [label="a\\nConv2d\\n16 params"];
                  "b" [label="b\\nReLU"];
                  "c" [label="c\\nReLU"];
                  "join" [label="join\\nConcat"];
                  "input" -> "stem" [label="(4, 4, 4)"];
                  "stem" -> "stage[0].conv" [label="(8, 4, 4)"];
                  "stage[0].conv" -> "stage[0].relu" [label="(8, 4, 4)"];
                  "stage[0].relu" -> "stage[0].add" [label="(8, 4, 4)"];
                  "stem" -> "stage[0].add" [label="(8, 4, 4)"];
                  "stage[0].add" -> "stage[1].conv" [label="(8, 4, 4)"];
                  "stage[1].conv" -> "stage[1].relu" [label="(8, 4, 4)"];
                  "stage[1].relu" -> "stage[1].add" [label="(8, 4, 4)"];
                  "stage[0].add" -> "stage[1].add" [label="(8, 4, 4)"];
                  "stage[1].add" -> "a" [label="(8, 4, 4)"];
                  "a" -> "b" [label="(2, 4, 4)"];
                  "b" -> "c" [label="(2, 4, 4)"];
                  "c" -> "join" [label="(2, 4, 4)"];
                  "stem" -> "join" [label="(8, 4, 4)"];
                }
                """, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
