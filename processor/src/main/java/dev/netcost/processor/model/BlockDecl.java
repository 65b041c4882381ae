package dev.netcost.processor.model;

import java.util.List;

/**
 * A {@code @Block}: its parameters and its fields.
 *
 * @param qualifiedName the annotation interface's qualified name
 * @param name          its simple name, as summaries show it ({@code Bottleneck})
 */
public record BlockDecl(String qualifiedName, String name, List<ParamDecl> params, List<NodeDecl> nodes) {
    public BlockDecl {
        params = List.copyOf(params);
        nodes = List.copyOf(nodes);
    }
}
