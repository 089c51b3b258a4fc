package org.deliveryprogress.returns;

import java.util.Locale;

import org.deliveryprogress.plans.PlanIndicator;
import org.deliveryprogress.shared.NumberInText;

/**
 * A figure of the register or a return with its indicator's unit: "75.9 %", "No more than 120 per 1,000". A number
 * written with it ("74.6%", as a spreadsheet's baseline or an officer's value may be) is spaced as the series and
 * charts show it ("74.6 %"); other text with it is shown as written, and so is a target in words, one with no figure
 * to reach ({@link NumberInText#aimedAt}): "Increase on 2025/26 %" and "Baseline 74.6% %" read as mistakes of the
 * plan's.
 */
final class UnitShown {

    private UnitShown() {
    }

    static String of(String figure, String unit) {
        if (unit == null || figure == null || NumberInText.aimedAt(figure).isEmpty()) {
            return figure;
        }
        String written = figure.strip();
        String unitWritten = unit.strip();
        // "74.6%" of an indicator in "% of pupils" or "per cent": its sign is the unit's, where it read "74.6% % of
        // pupils" and "17% per cent"
        if (PlanIndicator.beginsInPerCent(unitWritten) && written.endsWith("%")
                && NumberInText.exactly(written).isPresent()) {
            return written.substring(0, written.length() - 1).strip() + " " + unitWritten;
        }
        if (!written.toLowerCase(Locale.ROOT).endsWith(unitWritten.toLowerCase(Locale.ROOT))) {
            return figure + " " + unit;
        }
        String number = written.substring(0, written.length() - unitWritten.length()).strip();
        return NumberInText.exactly(number).isPresent() ? number + " " + unitWritten : figure;
    }
}
