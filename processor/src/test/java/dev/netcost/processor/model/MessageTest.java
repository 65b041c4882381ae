package dev.netcost.processor.model;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IllegalFormatConversionException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Holds the catalogue of messages: no dead or doubled text, places numbered without gaps, the
 * same text whatever the machine's locale. The texts themselves are held where the user sees
 * them, by {@code DiagnosticsCatalogueTest}.
 */
class MessageTest {
    private static final Path MAIN = Path.of("src", "main", "java");

    /** Where the ids are declared, and the catalogue that names them. */
    private static final List<String> ID_DECLARATIONS = List.of("Message.java", "DiagnosticId.java",
            "ProblemKind.java", "Lint.java", "OptionWarning.java");

    /** A constant no code uses is a message nobody can get, left to rot. */
    @Test
    void everyConstantIsUsedByTheCode() throws IOException {
        String code = mainSourcesBut("Message.java");
        for (Message message : Message.values()) {
            assertWithMessage("Message.%s in src/main/java", message.name())
                    .that(Pattern.compile("\\bMessage\\." + message.name() + "\\b").matcher(code).find()).isTrue();
        }
    }

    /**
     * A text written beside the code that finds it names its id there ({@code ProblemKind.CHANNELS}),
     * so code that names none has all its texts here: no main code but the catalogue and the id
     * enums names an id, so that no text can escape the catalogue.
     */
    @Test
    void noCodeNamesAnIdButThroughTheCatalogue() throws IOException {
        Pattern id = Pattern.compile("\\b(?:ProblemKind|Lint|OptionWarning)\\.[A-Z][A-Z_]*\\b");
        List<Path> checked = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> !ID_DECLARATIONS.contains(f.getFileName().toString()))
                    .sorted()
                    .forEach(checked::add);
        }
        for (Path file : checked) {
            Matcher named = id.matcher(read(file));
            assertWithMessage("%s names an id itself", file).that(named.find() ? named.group() : "").isEmpty();
        }
        assertWithMessage("files checked").that(checked.stream().map(f -> f.getFileName().toString()).toList())
                .containsAtLeast("Window.java", "ExprParser.java", "LintRules.java", "BudgetCheck.java",
                        "FieldReader.java", "ProcessorOptions.java", "NetworkProcessor.java", "GraphWalker.java",
                        "BlockExpansion.java", "DeclarationChecks.java", "DiagnosticReporter.java",
                        "CompanionNames.java");
    }

    /**
     * Constants stay grouped by id, as the class comment says: the errors in {@link ProblemKind}'s
     * order (the README's), then the lints in {@link Lint}'s, then the option warnings.
     */
    @Test
    void constantsAreInTheOrderOfTheirIds() {
        List<DiagnosticId> order = new ArrayList<>();
        order.addAll(List.of(ProblemKind.values()));
        order.addAll(List.of(Lint.values()));
        order.addAll(List.of(OptionWarning.values()));
        Message before = null;
        for (Message message : Message.values()) {
            if (before != null) {
                assertWithMessage("%s (%s) after %s (%s)", message, message.id().id(), before, before.id().id())
                        .that(order.indexOf(message.id())).isAtLeast(order.indexOf(before.id()));
            }
            before = message;
        }
    }

    /** Two constants with one text would be one message under two names, perhaps under two ids. */
    @Test
    void noTwoConstantsShareATemplate() {
        Map<String, Message> seen = new HashMap<>();
        for (Message message : Message.values()) {
            Message before = seen.put(message.template(), message);
            assertWithMessage("%s and %s", before, message).that(before).isNull();
        }
    }

    /** The id and the framing are added once, by the stage that prints; a text never ends in a period. */
    @Test
    void templatesAreBareSentences() {
        for (Message message : Message.values()) {
            String template = message.template();
            assertWithMessage(message.name()).that(template).doesNotContain("[netcost:");
            assertWithMessage(message.name()).that(template).isEqualTo(template.strip());
            assertWithMessage(message.name()).that(template).doesNotMatch("(?s).*\\.");
        }
    }

    @Test
    void textFillsThePlacesInOrder() {
        assertEquals("the 6 channels do not split into 4 equal parts",
                Message.SPLIT_PARTS_NOT_DIVIDING_CHANNELS.text(6L, 4));
        assertEquals("groups = 0 must be at least 1", Message.BELOW_MINIMUM.text("groups", 0, 1));
    }

    /** A numbered place takes its value as often as it occurs: 300 tokens is said twice. */
    @Test
    void numberedPlacesReuseAValue() {
        assertEquals(2, Message.SEQUENCE_LONGER_THAN_TABLE.arity());
        assertEquals("a sequence of 300 tokens is longer than the position table (length = 256); make length at"
                + " least 300, or the sequence shorter", Message.SEQUENCE_LONGER_THAN_TABLE.text(300L, 256));
    }

    /** Varargs are not checked by javac, so the count is checked at once, not left to a garbled text. */
    @Test
    void textRefusesTheWrongNumberOfValues() {
        IllegalArgumentException tooFew = assertThrows(IllegalArgumentException.class,
                () -> Message.SPLIT_PARTS_NOT_DIVIDING_CHANNELS.text(6L));
        assertEquals("SPLIT_PARTS_NOT_DIVIDING_CHANNELS takes 2 values, not 1", tooFew.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Message.BATCH_NORM_INPUT_RANK.text("extra"));
    }

    /** {@code %d} is a number: a string passed in its place fails rather than printing. */
    @Test
    void aNumberPlaceRefusesText() {
        assertThrows(IllegalFormatConversionException.class,
                () -> Message.SPLIT_PARTS_NOT_DIVIDING_CHANNELS.text("six", 4));
    }

    /** javac's messages are the same on every machine: no grouping, no local digits. */
    @Test
    void numbersAreTheSameInEveryLocale() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("th-TH-u-nu-thai"));
            assertEquals("padding 1234567 trims the output height to -3; use less padding or a larger kernel or"
                    + " stride", Message.PADDING_TRIMS_OUTPUT.text(1234567L, "height", -3L));
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void faultsCarryTheIdAndThePlace() {
        Fault on = Message.SHUFFLE_GROUPS_NOT_DIVIDING_CHANNELS.on(Attr.GROUPS, 4, 6L);
        assertEquals(new Fault(ProblemKind.CHANNELS, Optional.of(Attr.GROUPS),
                "groups = 4 does not divide the 6 channels"), on);
        Fault whole = Message.BATCH_NORM_INPUT_RANK.onAnnotation();
        assertEquals(new Fault(ProblemKind.INPUT_SHAPE, Optional.empty(),
                "@BatchNorm takes (C), (C, L), (C, H, W) or (C, D, H, W)"), whole);
        Fault argument = Message.SHUFFLE_GROUPS_NOT_DIVIDING_CHANNELS.onArgument("g", 4, 6L);
        assertEquals(new Fault(ProblemKind.CHANNELS, Optional.empty(), Optional.of("g"),
                "groups = 4 does not divide the 6 channels"), argument);
    }

    @Test
    void arityCountsPlacesNotPercentSigns() {
        assertEquals(0, Message.arity("no places"));
        assertEquals(1, Message.arity("%s over by 2.2 %% of it"));
        assertEquals(3, Message.arity("%s, %d and %s"));
        assertEquals(2, Message.arity("%2$d after %1$s, and %1$s again"));
    }

    @Test
    void arityRefusesOtherPlaceholdersAndGaps() {
        for (String template : List.of("%,d grouped", "%5d wide", "%n newline", "%x hex", "ends in %",
                "%2$d with no first", "%0$d zero", "%1$s and %3$s")) {
            assertThrows(IllegalArgumentException.class, () -> Message.arity(template), template);
        }
    }

    private static String mainSourcesBut(String excluded) throws IOException {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.walk(MAIN)) {
            files.filter(f -> f.toString().endsWith(".java") && !f.getFileName().toString().equals(excluded))
                    .sorted()
                    .forEach(f -> all.append(read(f)).append('\n'));
        }
        assertWithMessage("main sources found").that(all.length()).isGreaterThan(0);
        return all.toString();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
