package dev.netcost;

/** What an {@link Input} holds, and so how the layers that read it see its axes. */
public enum InputKind {
    /**
     * Channels first, of any rank: a feature vector {@code (F)} (a diffusion time step's
     * features), a sequence of frames {@code (C, L)} (audio), an image {@code (C, H, W)}, a volume
     * {@code (C, D, H, W)}.
     */
    FEATURES,
    /** Token ids {@code (T)}, which only an {@link Embedding} reads. */
    IDS,
    /** Tokens already embedded, {@code (T, E)}, features last. */
    TOKENS,
    /** A map with its channels last, {@code (H, W, C)}. */
    CHANNELS_LAST
}
