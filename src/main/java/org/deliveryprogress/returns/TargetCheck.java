package org.deliveryprogress.returns;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

import org.deliveryprogress.networks.StatusRules;
import org.deliveryprogress.shared.NumberInText;

/**
 * How an indicator's value stands against its target by a network's {@link StatusRules}: the status it points to
 * and how far short of the target it falls, as a percentage of the target (zero when on target or better).
 *
 * @param percentShort null when the target is zero and missed: no percentage of zero measures the miss, so any miss
 *                     of a zero target is Red
 */
public record TargetCheck(RagStatus status, BigDecimal percentShort) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /**
     * Checks a value, which must be a number, against a target text holding one ("No more than 142", "19.5%
     * Indicative target."); empty when either holds no number, so that no target, a target in words and a missing
     * value suggest nothing.
     */
    static Optional<TargetCheck> of(String value, String target, boolean higherIsBetter, StatusRules rules) {
        Optional<BigDecimal> number = NumberInText.exactly(value);
        Optional<BigDecimal> aim = NumberInText.first(target);
        if (number.isEmpty() || aim.isEmpty()) {
            return Optional.empty();
        }
        BigDecimal shortfall = higherIsBetter ? aim.get().subtract(number.get()) : number.get().subtract(aim.get());
        if (shortfall.signum() <= 0) {
            return Optional.of(new TargetCheck(RagStatus.Green, BigDecimal.ZERO));
        }
        BigDecimal size = aim.get().abs();
        if (size.signum() == 0) {
            return Optional.of(new TargetCheck(RagStatus.Red, null));
        }
        // Compared as shortfall x 100 against limit x target, exactly: a value right on a limit is inside its band.
        BigDecimal hundredfold = shortfall.multiply(HUNDRED);
        RagStatus status = hundredfold.compareTo(rules.greenWithinPercent().multiply(size)) <= 0 ? RagStatus.Green
                : hundredfold.compareTo(rules.amberWithinPercent().multiply(size)) <= 0 ? RagStatus.Amber
                : RagStatus.Red;
        return Optional.of(new TargetCheck(status, hundredfold.divide(size, 2, RoundingMode.HALF_UP)));
    }

    /** "On target", "4.7% short of target", "short of a zero target". */
    public String inWords() {
        if (percentShort == null) {
            return "short of a zero target";
        }
        return percentShort.signum() == 0 ? "on target"
                : percentShort.stripTrailingZeros().toPlainString() + "% short of target";
    }
}
