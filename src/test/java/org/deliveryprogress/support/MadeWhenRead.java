package org.deliveryprogress.support;

/**
 * A class whose making a test notices, as it would the code of any class made by reading a variable sent as a Java
 * object.
 */
public class MadeWhenRead {

    private static volatile boolean made;

    public String text;

    public MadeWhenRead() {
        made = true;
    }

    public static boolean made() {
        return made;
    }
}
