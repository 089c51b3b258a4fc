package org.deliveryprogress.web;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.stream.Collectors;

/**
 * What a value that could not be read should have been, in words rather than Java's types: the API's refusals and
 * the pages' say it alike.
 */
final class ValuesExpected {

    private ValuesExpected() {
    }

    static String of(Class<?> type) {
        if (type == null) {
            return "of another kind";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(String::valueOf)
                    .collect(Collectors.joining(", "));
        }
        if (type == LocalDate.class) {
            return "a date, yyyy-mm-dd";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "a whole number";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number";
        }
        if (type == String.class) {
            return "text";
        }
        return Collection.class.isAssignableFrom(type) || type.isArray() ? "a list" : "an object";
    }
}
