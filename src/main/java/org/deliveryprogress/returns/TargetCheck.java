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
 *                     of a zero target is Red (Amber if improving, by the network's rule below)
 * @param improving    whether the value is Amber rather than Red only because it is better than the one before, by
 *                     the network's rule that Red is for an indicator not improving
 */
public record TargetCheck(RagStatus status, BigDecimal percentShort, boolean improving) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /**
     * Checks a value, which must be a number, against a target text holding one ("No more than 142", "19.5%
     * Indicative target."); empty when either holds no number, so that no target, a target in words and a missing
     * value suggest nothing. A target whose only figures are years or a change ("Increase on 2025/26", "Baseline + 2
     * percentage points") is one in words: {@link NumberInText#aimedAt}. The direction of travel (null when unknown)
     * matters only by the rule that Red is for an indicator not improving.
     */
    static Optional<TargetCheck> of(String value, String target, boolean higherIsBetter, StatusRules rules,
            Direction direction) {
        Optional<BigDecimal> number = NumberInText.exactly(value);
        Optional<BigDecimal> aim = NumberInText.aimedAt(target);
        if (number.isEmpty() || aim.isEmpty()) {
            return Optional.empty();
        }
        BigDecimal shortfall = higherIsBetter ? aim.get().subtract(number.get()) : number.get().subtract(aim.get());
        if (shortfall.signum() <= 0) {
            return Optional.of(new TargetCheck(RagStatus.Green, BigDecimal.ZERO, false));
        }
        BigDecimal size = aim.get().abs();
        boolean improving = rules.redOnlyWhenNotImproving() && direction == Direction.better;
        if (size.signum() == 0) {
            return Optional.of(redUnlessImproving(null, improving));
        }
        // Compared as shortfall x 100 against limit x target, exactly: a value right on a limit is inside its band.
        BigDecimal hundredfold = shortfall.multiply(HUNDRED);
        BigDecimal percentShort = hundredfold.divide(size, 2, RoundingMode.HALF_UP);
        if (hundredfold.compareTo(rules.greenWithinPercent().multiply(size)) <= 0) {
            return Optional.of(new TargetCheck(RagStatus.Green, percentShort, false));
        }
        if (hundredfold.compareTo(rules.amberWithinPercent().multiply(size)) <= 0) {
            return Optional.of(new TargetCheck(RagStatus.Amber, percentShort, false));
        }
        return Optional.of(redUnlessImproving(percentShort, improving));
    }

    private static TargetCheck redUnlessImproving(BigDecimal percentShort, boolean improving) {
        return new TargetCheck(improving ? RagStatus.Amber : RagStatus.Red, percentShort, improving);
    }

    /** "On target", "4.7% short of target", "short of a zero target", "12% short of target but improving". */
    public String inWords() {
        String shortfall = percentShort == null ? "short of a zero target"
                : percentShort.signum() == 0 ? "on target"
                : percentShort.stripTrailingZeros().toPlainString() + "% short of target";
        return improving ? shortfall + " but improving" : shortfall;
    }
}
