package org.deliveryprogress.returns;

import java.math.BigDecimal;
import java.util.Optional;

import org.deliveryprogress.shared.NumberInText;

/** An indicator's direction of travel: its value against the one before, the way the indicator is better. */
public enum Direction {
    better("Better"), worse("Worse"), same("Same");

    private final String words;

    Direction(String words) {
        this.words = words;
    }

    /** Empty unless both values are numbers. */
    static Optional<Direction> of(String previous, String value, boolean higherIsBetter) {
        Optional<BigDecimal> before = NumberInText.exactly(previous);
        Optional<BigDecimal> now = NumberInText.exactly(value);
        if (before.isEmpty() || now.isEmpty()) {
            return Optional.empty();
        }
        int rise = now.get().compareTo(before.get());
        if (rise == 0) {
            return Optional.of(same);
        }
        return Optional.of(rise > 0 == higherIsBetter ? better : worse);
    }

    public String inWords() {
        return words;
    }
}
