package dev.netcost.processor.read;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code @With(args)} entries are split by hand; the regular expression they were split by before
 * is the oracle, kept here: every entry must split the same way.
 */
class WithArgsTest {
    private static final Pattern ENTRY = Pattern.compile(
            "\\s*(\\p{javaJavaIdentifierStart}\\p{javaJavaIdentifierPart}*)\\s*=(?!=)(.*)", Pattern.DOTALL);

    @Test
    void splitsAsTheRegularExpressionDid() {
        List<String> entries = List.of("k = 3", "k=3", "  k  =  3 ", "\tk\n=\nk * 2", "k == 3", "k =  = 3", "k = a == b",
                "k", "k =", "= 3", "3k = 1", "_k1 = 1", "$k = 1", "k-1 = 2", "k.x = 1", "ék = 2", "k\u00b2 = 1",
                "k = 1, j = 2", "", " ", "k\u000B= 1", "k\f=\r1", "k\u00a0= 1", "\u00a0k = 1", "k =\n", "k=\u2028x",
                "\ud835\udc65 = 1", "k \ud835\udc65 = 1");
        for (String entry : entries) {
            Matcher m = ENTRY.matcher(entry);
            boolean matches = m.matches();
            assertEquals(matches ? Optional.of(new WithArgs.Entry(m.group(1), m.group(2))) : Optional.empty(),
                    WithArgs.Entry.of(entry), entry);
            assertEquals(matches ? Optional.of(m.group(1)) : Optional.empty(), WithArgs.name(entry), entry);
        }
    }
}
