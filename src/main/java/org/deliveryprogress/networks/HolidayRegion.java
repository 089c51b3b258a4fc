package org.deliveryprogress.networks;

/** Whose public holidays count as non-working days for a network's deadlines. */
public enum HolidayRegion {
    ENGLAND_AND_WALES, SCOTLAND, NORTHERN_IRELAND
}
