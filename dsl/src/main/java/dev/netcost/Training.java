package dev.netcost;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * How the network is trained, for the figures of one training step: forward and backward FLOPs,
 * gradients, optimizer state and the activations autograd saves, by the cost model's section
 * "Training". Without it a network has only inference figures.
 *
 * <pre>{@code
 * @Training(batch = 32, optimizer = Optimizer.SGD_MOMENTUM)
 * @Network(input = {3, 224, 224})
 * class ResNet50 { ... }
 * }</pre>
 *
 * <p>Mark fields that get no gradient with {@link Frozen} and block uses whose activations are
 * recomputed in backward with {@link Checkpoint}. {@link Budget#maxTrainingMemoryBytes()} and
 * {@link Budget#maxStepFlops()} bound the figures.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Training {
    /** Samples per step. Independent of {@link Network#batch()}, which is inference's. */
    int batch() default 1;

    /** The optimizer, which sets how many copies of the trainable parameters it keeps. */
    Optimizer optimizer() default Optimizer.ADAMW;

    /** The element types of weights, gradients, master weights, optimizer state and activations. */
    Precision precision() default Precision.FLOAT32;

    /** How attention is computed, which sets what it saves for backward and what backward recomputes. */
    AttentionKernel attention() default AttentionKernel.FUSED;

    /** An optimizer, by the state it keeps per trainable parameter. */
    enum Optimizer {
        /** Plain SGD: no state. */
        SGD(0),
        /** SGD with momentum: one copy (the momentum buffer). */
        SGD_MOMENTUM(1),
        /** Adam: two copies (the first and second moments). */
        ADAM(2),
        /** AdamW: two copies, as Adam; the decoupled weight decay keeps no state. */
        ADAMW(2);

        private final int states;

        Optimizer(int states) {
            this.states = states;
        }

        /** Copies of each trainable parameter the optimizer keeps. */
        public int states() {
            return states;
        }
    }

    /** The element types of a training step. */
    enum Precision {
        /** Everything in float32: 4 bytes per weight, gradient, optimizer state and activation. */
        FLOAT32(4, 4, 0),
        /** Everything in bfloat16, optimizer state included: 2 bytes each. */
        BFLOAT16(2, 2, 0),
        /**
         * Mixed precision with float16 (as the ZeRO paper counts it): float16 weights, gradients and
         * activations, float32 master weights and optimizer state.
         */
        MIXED_FLOAT16(2, 4, 4),
        /** As {@link #MIXED_FLOAT16}, with bfloat16 weights, gradients and activations. */
        MIXED_BFLOAT16(2, 4, 4);

        private final int bytes;
        private final int stateBytes;
        private final int masterBytes;

        Precision(int bytes, int stateBytes, int masterBytes) {
            this.bytes = bytes;
            this.stateBytes = stateBytes;
            this.masterBytes = masterBytes;
        }

        /** Bytes per weight, gradient and activation element. */
        public int bytes() {
            return bytes;
        }

        /** Bytes per element of each optimizer state. */
        public int stateBytes() {
            return stateBytes;
        }

        /** Bytes per trainable parameter of the float32 master copy; 0 without one. */
        public int masterBytes() {
            return masterBytes;
        }
    }

    /** How attention's scores are computed in training. */
    enum AttentionKernel {
        /**
         * A fused kernel (FlashAttention, PyTorch's {@code scaled_dot_product_attention}): saves
         * queries, keys, values, its output and one float32 log-sum-exp per row of scores, never
         * the {@code T x T} probabilities, and recomputes the scores in backward.
         */
        FUSED,
        /**
         * Hugging Face's {@code attn_implementation="eager"}, PyTorch's {@code nn.MultiheadAttention}:
         * the softmax's {@code T x T} probabilities are saved for backward.
         */
        EAGER
    }
}
