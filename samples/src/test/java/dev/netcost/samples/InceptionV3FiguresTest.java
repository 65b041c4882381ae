package dev.netcost.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netcost.Layer;
import dev.netcost.Shape;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Inception-v3 as torchvision builds it, {@code inception_v3(weights=None, aux_logits=True,
 * init_weights=False)} on 299 x 299, whose auxiliary classifier runs only in training.
 *
 * <p>Published: torchvision's weights metadata gives {@code num_params} 27,161,264 (the checkpoint,
 * auxiliary head included) and {@code _ops} 5.713 GFLOPS (inference, without it). Keras's
 * InceptionV3, which has no auxiliary head and batch norms without scale, gives 23,851,784
 * parameters of which 34,432 are non-trainable (moving means and variances).
 *
 * <p>Counted with real PyTorch (/usr/bin/python3, torch 1.13, torchvision 0.14), on a zero input
 * of (2, 3, 299, 299) under {@code torch.no_grad()}:
 * <pre>
 * m = inception_v3(weights=None, aux_logits=True, init_weights=False)
 * sum(p.numel() for p in m.parameters())                  # 27,161,264
 * sum(p.numel() for p in m.AuxLogits.parameters())        # 3,326,696
 * running_mean + running_var numels                       # 36,224 (AuxLogits: 1,792)
 * num_batches_tracked numels                              # 96, one scalar per batch norm
 * # forward hooks on every Conv2d and Linear, MACs per sample:
 * #   out.numel() / N * (in_channels / groups) * kh * kw, or out.numel() / N * in_features
 * m.eval();  m(x)                                         # 5,713,216,096 MACs; output (N, 1000)
 * m.train(); m(x)                                         # 5,718,899,296 MACs: 5,683,200 more
 * </pre>
 * netcost counts two buffers per batch norm channel, as Keras does, not PyTorch's
 * {@code num_batches_tracked} counter: BUFFERS is 36,224, as for every other sample.
 */
class InceptionV3FiguresTest {
    @Test
    void parametersAreTheCheckpointsAuxiliaryHeadIncluded() {
        assertEquals(27_161_264, InceptionV3Cost.PARAMS); // torchvision num_params; PyTorch's sum of numel
        // The head, by hand: conv0 768 x 128 = 98,304 and its batch norm 2 x 128; conv1 128 x 768 x 5 x 5 =
        // 2,457,600 and 2 x 768; fc 768 x 1,000 + 1,000 = 769,000. 98,560 + 2,459,136 + 769,000 = 3,326,696,
        // PyTorch's sum over model.AuxLogits.parameters().
        assertEquals(98_304 + 256 + 2_457_600 + 1_536 + 769_000, InceptionV3Cost.TRAINING_ONLY_PARAMS);
        assertEquals(3_326_696, InceptionV3Cost.TRAINING_ONLY_PARAMS);
        assertEquals(3_326_696, InceptionV3Cost.AUX_LOGITS_PARAMS);
        // Without the head, Keras's network: its 23,817,352 trainable parameters lack the batch norms'
        // scales, one per channel, half its 34,432 non-trainable ones: 23,817,352 + 17,216.
        assertEquals(23_817_352 + 34_432 / 2, InceptionV3Cost.PARAMS - InceptionV3Cost.TRAINING_ONLY_PARAMS);
    }

    @Test
    void buffersAreTheRunningMeansAndVariances() {
        assertEquals(36_224, InceptionV3Cost.BUFFERS); // PyTorch: running_mean and running_var
        assertEquals(2 * (128 + 768), InceptionV3Cost.TRAINING_ONLY_BUFFERS);
        assertEquals(34_432, InceptionV3Cost.BUFFERS - InceptionV3Cost.TRAINING_ONLY_BUFFERS); // Keras non-trainable
        // Parameter bytes hold what is stored, the head included: (PARAMS + BUFFERS) x 4 bytes.
        assertEquals((27_161_264L + 36_224L) * 4, InceptionV3Cost.PARAM_BYTES);
    }

    @Test
    void macsAreInferencesWithoutTheAuxiliaryHead() {
        assertEquals(5.713, Math.round(InceptionV3Cost.MACS / 1e6) / 1e3); // torchvision _ops: 5.713 GFLOPS
        assertEquals(5_713_216_096L, InceptionV3Cost.MACS); // PyTorch's hooks in eval mode
        // The head, by hand: the 5 x 5 pool of stride 3 makes (768, 5, 5) of (768, 17, 17); conv0 128 x 25 x 768
        // = 2,457,600; conv1 to (768, 1, 1), 768 x 128 x 25 = 2,457,600; fc 768 x 1,000 = 768,000. PyTorch's
        // hooks in train mode count 5,683,200 more than in eval mode.
        assertEquals(2_457_600 + 2_457_600 + 768_000, InceptionV3Cost.TRAINING_ONLY_MACS);
        assertEquals(5_683_200, InceptionV3Cost.AUX_LOGITS_MACS);
        assertEquals(5_718_899_296L, InceptionV3Cost.MACS + InceptionV3Cost.TRAINING_ONLY_MACS); // train mode
    }

    @Test
    void outputIsTheThousandClassesAndTheHeadsToo() {
        assertEquals(Shape.of(1000), InceptionV3Cost.OUTPUT_SHAPE);
        assertEquals(Shape.of(1000), InceptionV3Cost.AUX_LOGITS_OUTPUT_SHAPE);
        assertEquals(Shape.of(768, 17, 17), InceptionV3Cost.MIXED_6E_OUTPUT_SHAPE); // torchvision's comments
        assertEquals(Shape.of(1280, 8, 8), InceptionV3Cost.MIXED_7A_OUTPUT_SHAPE);
        assertEquals(Shape.of(2048, 8, 8), InceptionV3Cost.MIXED_7C_OUTPUT_SHAPE);
    }

    /** The head's rows, and only they, are marked; the totals are the unmarked rows' compute. */
    @Test
    void theHeadsRowsAreMarkedAndApart() {
        List<Layer> head = InceptionV3Cost.LAYERS.stream().filter(Layer::trainingOnly).toList();
        assertEquals(10, head.size()); // pool, conv0 (conv, bn, relu), conv1 (conv, bn, relu), avgpool, flatten, fc
        assertTrue(head.stream().allMatch(l -> l.name().startsWith("auxLogits.")), head.toString());
        assertEquals(InceptionV3Cost.MACS, InceptionV3Cost.LAYERS.stream().filter(l -> !l.trainingOnly())
                .mapToLong(Layer::macs).sum());
        assertEquals(InceptionV3Cost.TRAINING_ONLY_MACS, head.stream().mapToLong(Layer::macs).sum());
        assertTrue(InceptionV3Cost.BLOCKS.stream().filter(Layer::trainingOnly).allMatch(b -> b.name()
                .startsWith("auxLogits")));
        String summary = InceptionV3Cost.summary(1);
        assertTrue(summary.contains("InceptionAux (training only)"), summary);
        assertTrue(summary.contains("Params:       27,161,264, 3,326,696 of them training only\n"), summary);
        assertTrue(summary.contains("MACs:         5,713,216,096 (5.71 G) at inference; training only: 5,683,200"
                + " (5.68 M) more\n"), summary);
        assertFalse(summary.contains("mixed_7a (training only)"), summary);
    }
}
