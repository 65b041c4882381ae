package dev.netcost.processor.write;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import org.junit.jupiter.api.Test;

/** What the reports and the companion are written through: the same text, handed on in large pieces. */
class GatheringWriterTest {
    /** Counts the calls that reach the writer underneath. */
    private static final class Counting extends StringWriter {
        int writes;

        @Override
        public void write(char[] chars, int offset, int length) {
            writes++;
            super.write(chars, offset, length);
        }
    }

    @Test
    void everyKindOfWriteArrivesInOrderAcrossManyPieces() throws IOException {
        Counting under = new Counting();
        StringBuilder expected = new StringBuilder();
        try (Writer out = new GatheringWriter(under)) {
            // 10,000 rows of 12 characters in 6 calls each, and 4 more characters.
            for (int i = 0; i < 10_000; i++) {
                out.write("row ");
                out.append('#').append("12345", 1, 3);
                out.write(new char[] {'x', 'y', '\n'}, 1, 2);
                out.write("<ab>", 1, 2);
                out.write('\n');
                expected.append("row #23y\nab\n");
            }
            out.append(null);
            expected.append("null");
        }
        assertEquals(expected.toString(), under.toString());
        // 120,004 characters in 60,001 calls: handed on in 2 pieces, one of at least 65,536 and the
        // rest at close.
        assertEquals(120_004, expected.length());
        assertEquals(2, under.writes);
    }

    @Test
    void flushHandsOnWhatIsGathered() throws IOException {
        StringWriter under = new StringWriter();
        Writer out = new GatheringWriter(under);
        out.write("abc");
        assertEquals("", under.toString());
        out.flush();
        assertEquals("abc", under.toString());
        out.close();
        assertEquals("abc", under.toString());
    }
}
