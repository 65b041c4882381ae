package dev.netcost.processor.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.netcost.Shape;
import dev.netcost.Training.AttentionKernel;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The backward products of linear layers and attention against PyTorch 1.13's profiler, an
 * independent count: {@code processor/src/test/resources/torch/backward_products_profiler.py} runs
 * each module forward and backward under {@code torch.profiler.profile(with_flops=True)}, which counts
 * 2 FLOPs per multiply-accumulate of {@code aten::mm}, {@code addmm} and {@code bmm}. It printed:
 *
 * <pre>
 * linear {'aten::addmm': 2560, 'aten::mm': 5120}
 * attention {'aten::addmm': 10240, 'aten::bmm': 4800, 'aten::mm': 20480}
 * attention, first layer {'aten::addmm': 10240, 'aten::bmm': 4800, 'aten::mm': 12800}
 * </pre>
 *
 * The forward's products are the {@code addmm} (projections) and the first two {@code bmm} (scores and
 * weighted sum, {@code 2 * 2*T^2*E} FLOPs); every {@code mm} and the other {@code bmm} are backward's.
 * PyTorch's math path keeps the probabilities: netcost's EAGER kernel.
 */
class BackwardProductsProfilerTest {
    private static Backprop backprop(Op op, Shape in, Layout layout, BackwardPass pass) {
        Shape out = ((ShapeResult.Ok) op.outputShape(in, layout)).shape();
        return op.backprop(in, out, layout, Optional.empty(), op.cost(in, out, layout), pass);
    }

    @Test
    void linear() {
        Backprop linear = backprop(new Linear(16, true), Shape.of(10, 8), Layout.TOKENS,
                new BackwardPass(true, true, AttentionKernel.FUSED));
        assertEquals(5_120 / 2, linear.backward().macs());
    }

    @Test
    void eagerAttention() {
        Attention attention = new Attention(2, 0, true, false, false);
        long forwardBmm = 2 * 2 * 5 * 5 * 16; // scores and weighted sum, 2 FLOPs per MAC
        Backprop trained = backprop(attention, Shape.of(5, 16), Layout.TOKENS,
                new BackwardPass(true, true, AttentionKernel.EAGER));
        assertEquals((20_480 + 4_800 - forwardBmm) / 2, trained.backward().macs());
        Backprop first = backprop(attention, Shape.of(5, 16), Layout.TOKENS,
                new BackwardPass(false, true, AttentionKernel.EAGER));
        assertEquals((12_800 + 4_800 - forwardBmm) / 2, first.backward().macs());
    }
}
