package dev.netcost.processor.model;

import java.util.List;
import java.util.Optional;

/** One field of a network or block: a layer, a use of a block, or (of a network) a named input. */
public sealed interface NodeDecl permits LayerDecl, BlockUse, InputDecl {
    /** The name of the input of a network or block, as {@code @From} and merges name it. */
    String INPUT = "input";

    /** The variable expressions read for the channels coming into the block or network. */
    String IN_CHANNELS = "in";

    /** Position among the fields of its network or block, from 0. */
    int index();

    /** The field's name. */
    String name();

    /** The tensors read, by field name or {@link #INPUT}; empty for the field just above. */
    List<String> inputs();

    /**
     * Every tensor the node names: its {@link #inputs()}, and the tensor whose shape a layer takes
     * ({@link LayerDecl#side()}); the field just above, when read by default, is not named.
     */
    default List<String> named() {
        return inputs();
    }

    /** {@code @If}: the node is the identity when this is false. */
    Optional<AttrValue.Expression> condition();

    /** {@code @TrainingOnly}: it runs only in training, and nothing that runs at inference reads it. */
    boolean trainingOnly();

    /** {@code @Frozen} and {@code @Checkpoint}: how it takes part in a training step. */
    default TrainingMarks marks() {
        return TrainingMarks.NONE;
    }
}
