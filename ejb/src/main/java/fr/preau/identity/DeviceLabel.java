package fr.preau.identity;

import ua_parser.Client;
import ua_parser.Parser;

/**
 * "Firefox 145 · Windows 10" from a User-Agent header, with ua-parser's shared rules (the ones many log tools use).
 * What cannot be recognised gives null: the page then says only "Navigateur".
 */
public final class DeviceLabel {
    private static final int MAX_AGENT = 512;

    private DeviceLabel() {
    }

    /** The browser (major version) and system of this User-Agent, or null. */
    public static String of(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return null;
        }
        Client client = Rules.PARSER.parse(userAgent.length() > MAX_AGENT ? userAgent.substring(0, MAX_AGENT)
                : userAgent);
        String browser = known(client.userAgent.family) ? join(client.userAgent.family, client.userAgent.major)
                : null;
        String system = known(client.os.family) ? join(client.os.family, client.os.major) : null;
        if (browser == null && system == null) {
            return null;
        }
        return browser == null ? system : system == null ? browser : browser + " · " + system;
    }

    private static boolean known(String family) {
        return family != null && !family.isBlank() && !"Other".equals(family);
    }

    private static String join(String family, String major) {
        return major == null || major.isBlank() ? family : family + " " + major;
    }

    /** Built once, at first use: the rules are a 200 kB YAML file. */
    private static final class Rules {
        static final Parser PARSER = new Parser();
    }
}
