package dev.netcost.processor.model;

import java.util.List;

/**
 * A {@code @Block}: its parameters and its fields.
 *
 * @param qualifiedName the annotation interface's qualified name
 * @param name          its simple name, as summaries show it ({@code Bottleneck})
 * @param tensors       its {@code String} parameters: each names, at a use, a tensor of the user's
 *                      scope, which the block's fields read by the parameter's name
 */
public record BlockDecl(String qualifiedName, String name, List<ParamDecl> params, List<NodeDecl> nodes,
        List<String> tensors) {
    public BlockDecl {
        params = List.copyOf(params);
        nodes = List.copyOf(nodes);
        tensors = List.copyOf(tensors);
    }

    /** A block that reads no tensor but its input. */
    public BlockDecl(String qualifiedName, String name, List<ParamDecl> params, List<NodeDecl> nodes) {
        this(qualifiedName, name, params, nodes, List.of());
    }
}
