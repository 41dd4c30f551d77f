package fr.preau.web.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;

import fr.preau.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

class JobsViewTest {
    @Test
    void parametersAreNameEqualsValueLinesAndBlankLinesAreIgnored() {
        assertEquals(Map.of("batchSize", "1", "since", "2026-12-01=x"),
                JobsView.parse(" batchSize = 1 \r\n\n since=2026-12-01=x\n"));
        assertEquals(Map.of(), JobsView.parse(null));
        assertEquals(Map.of(), JobsView.parse("  \n"));
    }

    @Test
    void aLineWithoutANameIsRefused() {
        for (String bad : new String[] {"taille du lot 1", "=1"}) {
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> JobsView.parse(bad));
            assertEquals("jobs.error.parameterLine", e.messageKey());
        }
    }
}
