package org.deliveryprogress.support;

import java.util.HashMap;
import java.util.Map;

/**
 * A network's settings as the API and the network's page take them, with the partnership's defaults; a test adds the
 * setting it is about.
 */
public final class NetworkSettings {

    private NetworkSettings() {
    }

    /** A network as the API takes it: named after its code, in England, with a manager group of its own. */
    public static Map<String, Object> document(String code) {
        Map<String, Object> network = new HashMap<>();
        network.put("code", code);
        network.put("name", "Network " + code);
        network.put("region", "ENGLAND_AND_WALES");
        network.put("managerGroup", code.toLowerCase() + "-managers");
        return network;
    }

    /** The network page's form as a browser sends it from that page, the deadlines and status rules at defaults. */
    public static Map<String, String> pageForm(String page, String name) {
        return new HashMap<>(Map.ofEntries(Map.entry("_csrf", WebSession.csrfTokenIn(page)), Map.entry("name", name),
                Map.entry("region", "ENGLAND_AND_WALES"), Map.entry("openDaysBefore", "20"),
                Map.entry("updatesDueDaysBefore", "10"), Map.entry("judgementsDueDaysBefore", "7"),
                Map.entry("proposalsDueDaysBefore", "5"), Map.entry("agreementsDueDaysBefore", "4"),
                Map.entry("closeDaysBefore", "2"), Map.entry("reminderDaysBeforeDue", "3"),
                Map.entry("reminderEveryDaysOverdue", "2"), Map.entry("greenWithinPercent", "0"),
                Map.entry("amberWithinPercent", "5")));
    }

    /** The settings with one more, or as they are when its value is null: left out, as a client may leave it. */
    public static <V> Map<String, V> with(Map<String, V> settings, String name, V value) {
        if (value != null) {
            settings.put(name, value);
        }
        return settings;
    }
}
