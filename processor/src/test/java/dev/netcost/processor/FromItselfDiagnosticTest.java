package dev.netcost.processor;

import static dev.netcost.processor.Compilations.assertOnlyError;
import static dev.netcost.processor.Compilations.compile;

import org.junit.jupiter.api.Test;

/** {@code @From} naming the field it is on: the fields above and {@code input} are what it can read. */
class FromItselfDiagnosticTest {
    @Test
    void aFieldThatReadsItself() {
        NetworkSource src = NetworkSource.of("com.example.Net", """
                package com.example;

                import dev.netcost.*;

                @Network(input = {3, 16, 16})
                class Net {
                    @ReLU Layer relu;
                    @ReLU @From("again") Layer again;
                }
                """);
        assertOnlyError(compile(src), src, "[netcost:unknown-input] again: `again` is this field itself; it can read"
                + " relu, input", src.at("@From(\"again\")", "\"again\""));
    }
}
