package dev.netcost.processor.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A message's id, in each of its three families: an error's message makes faults, a lint's makes
 * findings, and neither can be taken for the other; each prints under its own id.
 */
class DiagnosticIdTest {

    @Test
    void anErrorsMessageHasAKindAndNoLint() {
        assertSame(ProblemKind.CHANNELS, Message.GROUPS_NOT_DIVIDING_OUT.kind());
        assertSame(ProblemKind.CHANNELS, Message.GROUPS_NOT_DIVIDING_OUT.id());
        IllegalStateException noLint = assertThrows(IllegalStateException.class, Message.GROUPS_NOT_DIVIDING_OUT::lint);
        assertEquals("GROUPS_NOT_DIVIDING_OUT is no lint's message: its id is channels", noLint.getMessage());
    }

    @Test
    void aLintsMessageHasALintAndMakesNoFault() {
        assertSame(Lint.DEAD_BRANCH, Message.DEAD_BRANCH.lint());
        IllegalStateException noKind = assertThrows(IllegalStateException.class, Message.DEAD_BRANCH::kind);
        assertEquals("DEAD_BRANCH is no error's message: its id is dead-branch", noKind.getMessage());
        // A fault needs a ProblemKind: a lint's text cannot become an error by mistake.
        assertThrows(IllegalStateException.class, () -> Message.UNREAD_CELLS.onAnnotation(1L, 27L, "height", 3L,
                2L, 0L));
    }

    @Test
    void anOptionWarningIsNeitherAnErrorNorALint() {
        assertSame(OptionWarning.OPTION, Message.PRINT_NOT_BOOLEAN.id());
        assertThrows(IllegalStateException.class, Message.PRINT_NOT_BOOLEAN::kind);
        assertThrows(IllegalStateException.class, Message.PRINT_NOT_BOOLEAN::lint);
    }

    /** Each family prints its own id in front, the same way. */
    @Test
    void formatPutsTheIdInFront() {
        assertEquals("[netcost:option] -Anetcost.print=yes: use true or false",
                Message.PRINT_NOT_BOOLEAN.format("netcost.print", "yes"));
        assertEquals("[netcost:heavy-classifier] this @Linear holds 9,000 of the network's 10,000 parameters"
                + " (90.0 %); a global average pool before the classifier, as ResNet has, would shrink it",
                Message.HEAVY_CLASSIFIER.format("9,000", "10,000", "90.0"));
        assertEquals("[netcost:channels] groups = 3 does not divide out = 8; groups must divide both the input and"
                + " the output channels", Message.GROUPS_NOT_DIVIDING_OUT.format(3, 8));
    }

    /** What {@code @SuppressWarnings} names, kept when {@code Lint} moved beside the other ids. */
    @Test
    void aLintIsSuppressedByItsId() {
        assertEquals("netcost:bias-before-norm", Lint.BIAS_BEFORE_NORM.suppression());
    }

    /** Three families, and no id in two of them: {@code [netcost:x]} says which diagnostic it is. */
    @Test
    void noTwoIdsAreSpelledAlike() {
        List<DiagnosticId> ids = new ArrayList<>();
        ids.addAll(List.of(ProblemKind.values()));
        ids.addAll(List.of(Lint.values()));
        ids.addAll(List.of(OptionWarning.values()));
        Set<String> seen = new HashSet<>();
        for (DiagnosticId id : ids) {
            assertTrue(seen.add(id.id()), id.id());
        }
    }
}
