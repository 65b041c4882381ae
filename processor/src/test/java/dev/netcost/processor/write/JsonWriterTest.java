package dev.netcost.processor.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.netcost.Shape;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The reports' JSON writer, which writes as it goes: its exact text, written out by hand. */
class JsonWriterTest {
    @Test
    void nestedObjectsAndArraysAreIndentedByTwoSpaces() throws IOException {
        StringWriter out = new StringWriter();
        new Json(out).beginObject(null)
                .value("name", "Net")
                .value("input", Shape.of(3, 32, 32))
                .beginArray("layers")
                .beginObject(null).value("path", "fc").strings("reads", List.of("input", "conv")).value("macs", 12L)
                .value("arithmeticIntensity", 0.5).endObject()
                .endArray()
                .beginArray("blocks").endArray()
                .endObject().end();
        assertEquals("""
                {
                  "name": "Net",
                  "input": [3, 32, 32],
                  "layers": [
                    {
                      "path": "fc",
                      "reads": ["input", "conv"],
                      "macs": 12,
                      "arithmeticIntensity": 0.5
                    }
                  ],
                  "blocks": [
                  ]
                }
                """, out.toString());
    }

    /** Quotes, backslashes and control characters escaped; the text around them kept as it is. */
    @Test
    void stringsAreEscaped() {
        assertEquals("\"plain\"", Json.quote("plain"));
        assertEquals("\"a\\\"b\\\\c\\nd\\re\\tf\\u0001g\\u001fh\"", Json.quote("a\"b\\c\nd\re\tf\u0001g\u001fh"));
        assertEquals("\"\\n\"", Json.quote("\n"));
        assertEquals("\"\"", Json.quote(""));
    }

    @Test
    void aDoubleThatIsNotFiniteIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> new Json(new StringWriter()).beginObject(null).value("x", Double.NaN));
    }
}
