package dev.netcost.processor.write;

/** Text from elsewhere (a device's name, a summary table) made safe to stand in generated Javadoc. */
final class Javadoc {
    private Javadoc() {}

    /**
     * {@code text} with what Javadoc, doclint or the compiler would read as more than text escaped as
     * HTML: {@code & < >}, {@code @} (a tag), a backslash (a Unicode escape, read in comments too), the
     * {@code /} of a {@code *}{@code /} that would end the comment, and every character beyond ASCII
     * ({@code µ}), so the source reads the same in any encoding.
     */
    static String text(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '@' -> out.append("&#64;");
                case '\\' -> out.append("&#92;");
                case '/' -> out.append(i > 0 && text.charAt(i - 1) == '*' ? "&#47;" : "/");
                default -> {
                    if (c > '~') {
                        int codePoint = text.codePointAt(i);
                        out.append("&#").append(codePoint).append(';');
                        i += Character.charCount(codePoint) - 1;
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
