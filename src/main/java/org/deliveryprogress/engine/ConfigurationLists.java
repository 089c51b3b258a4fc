package org.deliveryprogress.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * The engine configuration's lists a plugin adds to (custom command interceptors, session factories): each is null
 * until someone sets it, and another plugin may have set it before.
 */
public final class ConfigurationLists {

    private ConfigurationLists() {
    }

    /** A new list of the elements already set, if any, and the given one after them. */
    public static <T> List<T> with(List<T> list, T element) {
        List<T> extended = list == null ? new ArrayList<>() : new ArrayList<>(list);
        extended.add(element);
        return extended;
    }
}
