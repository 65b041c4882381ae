package dev.netcost.processor.read;

/**
 * Something in a network's declaration that javac could not resolve yet: a constant that another
 * processor may generate in a later round, a misspelt annotation, an unknown field type. While
 * anything is unresolved the network is deferred, not analysed: its shapes would be inferred
 * without what the user meant. On the last round what is still unresolved is reported.
 *
 * @param where the field ({@code conv}), or the network's name for its own annotations
 * @param what  what javac could not resolve there: {@code the value of out}
 */
public record Unresolved(String where, String what) {
    @Override
    public String toString() {
        return what + " on " + where;
    }
}
