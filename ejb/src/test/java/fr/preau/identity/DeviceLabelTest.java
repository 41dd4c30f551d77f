package fr.preau.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class DeviceLabelTest {
    @Test
    void namesTheBrowserAndTheSystem() {
        assertEquals("Firefox 145 · Windows 10", DeviceLabel.of(
                "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:145.0) Gecko/20100101 Firefox/145.0"));
        assertEquals("Chrome Mobile 142 · Android 14", DeviceLabel.of("Mozilla/5.0 (Linux; Android 14; SM-A546B) "
                + "AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Mobile Safari/537.36"));
        assertEquals("Mobile Safari 18 · iOS 18", DeviceLabel.of("Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like "
                + "Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1"));
        assertEquals("Edge 142 · Windows 10", DeviceLabel.of("Mozilla/5.0 (Windows NT 10.0; Win64; x64) "
                + "AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36 Edg/142.0.0.0"));
    }

    @Test
    void saysNothingOfWhatItCannotRecognise() {
        assertNull(DeviceLabel.of(null));
        assertNull(DeviceLabel.of(" "));
        assertNull(DeviceLabel.of("%%% ### 42"));
    }

    @Test
    void aVeryLongHeaderIsCutBeforeParsing() {
        String agent = "Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0 " + "x".repeat(100_000);
        assertEquals("Firefox 140 · Linux", DeviceLabel.of(agent));
    }
}
