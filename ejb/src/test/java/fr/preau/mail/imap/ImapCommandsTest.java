package fr.preau.mail.imap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Reading the IMAP answers the list relies on: ESORT sets in their written order, THREAD trees. */
class ImapCommandsTest {
    @Test
    void anEsortSetKeepsItsOrderIncludingDescendingRanges() {
        assertArrayEquals(new long[] {9, 8, 7, 3, 12, 13}, ImapCommands.parseOrderedSet("9:7,3,12:13"));
        assertArrayEquals(new long[] {5}, ImapCommands.parseOrderedSet("5"));
        assertArrayEquals(new long[0], ImapCommands.parseOrderedSet("NIL"));
        assertArrayEquals(new long[0], ImapCommands.parseOrderedSet(""));
    }

    @Test
    void eachTopLevelThreadIsFlattenedToItsMessages() {
        List<long[]> threads = ImapCommands.parseThreads(" (2)(3 6 (4 23)(44 7 96))(17)");
        assertEquals(3, threads.size());
        assertArrayEquals(new long[] {2}, threads.get(0));
        assertArrayEquals(new long[] {3, 6, 4, 23, 44, 7, 96}, threads.get(1));
        assertArrayEquals(new long[] {17}, threads.get(2));
        assertEquals(List.of(), ImapCommands.parseThreads(""));
    }
}
