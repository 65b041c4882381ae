package dev.netcost.processor.write;

/**
 * Follows the path that directly encloses each layer of a walk in execution order:
 * {@code layer3[0]} for {@code layer3[0].conv2}, nothing for the network's own {@code fc}. Layers
 * directly in the same block have the same ancestors, so what depends only on them is worked
 * out once per block instance rather than once per layer.
 */
final class EnclosingPath {
    private String enclosing;

    /** Whether {@code path}'s enclosing path differs from the one of the path before it. */
    boolean changesAt(String path) {
        int cut = Math.max(0, Math.max(path.lastIndexOf('.'), path.lastIndexOf('[')));
        if (enclosing != null && cut == enclosing.length() && path.startsWith(enclosing)) {
            return false;
        }
        enclosing = path.substring(0, cut);
        return true;
    }
}
