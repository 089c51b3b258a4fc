package org.deliveryprogress.networks;

import java.math.BigDecimal;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * How a network turns a return's evidence into a suggested status. An indicator's value is measured against its
 * target for the year as a percentage of the target, the way councils write their tolerances (Belfast: Green within
 * 1%, Amber 1-5% adrift): no further from it than {@code greenWithinPercent} (or better than the target) is Green, no
 * further than {@code amberWithinPercent} is Amber, further is Red. Each limit counts as inside its band. With
 * {@code redOnlyWhenNotImproving}, a value further short that is better than the one before it is Amber, not Red
 * (Havering's "Red when more than 10% off target and not improving").
 */
@Embeddable
public record StatusRules(
        @Column(name = "green_within_percent") BigDecimal greenWithinPercent,
        @Column(name = "amber_within_percent") BigDecimal amberWithinPercent,
        @Column(name = "red_only_when_not_improving") boolean redOnlyWhenNotImproving) {

    /**
     * The tolerances as an officer writes them, 0 and 5: the columns keep two decimals, and until 7 December 2026 the
     * API answered 0.00 and 5.00 where the network's page said 0% and 5%.
     */
    public StatusRules {
        greenWithinPercent = asWritten(greenWithinPercent);
        amberWithinPercent = asWritten(amberWithinPercent);
    }

    private static BigDecimal asWritten(BigDecimal percent) {
        if (percent == null) {
            return null;
        }
        BigDecimal stripped = percent.stripTrailingZeros();
        // 10.00 stripped is 1E+1, which JSON would carry as written.
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /** Green on target or better, Amber up to 5% short of it, Red beyond (Reigate and Banstead's, with 5%). */
    public static StatusRules defaults() {
        return new StatusRules(BigDecimal.ZERO, BigDecimal.valueOf(5), false);
    }
}
