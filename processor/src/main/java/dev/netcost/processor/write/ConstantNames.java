package dev.netcost.processor.write;

/**
 * How a field's name becomes the stem of its generated constants. Which names the companion
 * declares, and whether two of them clash, is the write stage's alone ({@link CompanionNames}).
 */
final class ConstantNames {
    private ConstantNames() {}

    /**
     * {@code conv1} to {@code CONV1}, {@code convBlock1} to {@code CONV_BLOCK1},
     * {@code fc_6} to {@code FC_6}: an underscore before each upper-case letter that follows a
     * lower-case letter or digit, then upper case.
     */
    static String stem(String fieldName) {
        StringBuilder s = new StringBuilder(fieldName.length() + 4);
        for (int i = 0; i < fieldName.length(); i++) {
            char c = fieldName.charAt(i);
            if (i > 0 && Character.isUpperCase(c)) {
                char before = fieldName.charAt(i - 1);
                if (Character.isLowerCase(before) || Character.isDigit(before)) {
                    s.append('_');
                }
            }
            s.append(Character.toUpperCase(c));
        }
        return s.toString();
    }

    /** A path's stem: {@code layer3[0].se} to {@code LAYER3_0_SE}. */
    static String pathStem(String path) {
        StringBuilder s = new StringBuilder();
        for (String segment : path.replace("[", ".").replace("]", "").split("\\.")) {
            if (s.length() > 0) {
                s.append('_');
            }
            s.append(stem(segment));
        }
        return s.toString();
    }
}
