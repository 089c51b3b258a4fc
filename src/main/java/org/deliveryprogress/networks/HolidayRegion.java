package org.deliveryprogress.networks;

/** Whose public holidays count as non-working days for a network's deadlines. */
public enum HolidayRegion {
    ENGLAND_AND_WALES("England and Wales"), SCOTLAND("Scotland"), NORTHERN_IRELAND("Northern Ireland");

    private final String words;

    HolidayRegion(String words) {
        this.words = words;
    }

    public String inWords() {
        return words;
    }
}
