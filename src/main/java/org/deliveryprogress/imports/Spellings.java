package org.deliveryprogress.imports;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Keys (plan references, indicator codes, action references) as the database's unique keys compare them: MariaDB's
 * utf8mb4_unicode_ci tells neither letter case nor accents apart, where the import compares keys without letter case
 * only. "NI 1" and "NÍ 1" are two keys to the import and one to the database, whose unique key a second of them would
 * break: the import refuses a key spelt so, naming the spelling already used.
 */
final class Spellings {

    private final Map<String, String> byFolded = new HashMap<>();

    /** Notes a key; answers the one noted before it that the database takes for the same, spelt otherwise. */
    Optional<String> clash(String key) {
        String earlier = byFolded.putIfAbsent(folded(key), key);
        return earlier != null && !RegisterImport.key(earlier).equals(RegisterImport.key(key)) ? Optional.of(earlier)
                : Optional.empty();
    }

    static String problem(String what, String written, String earlier) {
        return what + " " + written + " is " + earlier + " to the register, which does not tell letters with and "
                + "without accents apart: write " + earlier;
    }

    /** Without accents, marks or invisible format characters, in lower case; "ß" as "ss". */
    static String folded(String key) {
        return Normalizer.normalize(key, Normalizer.Form.NFKD).replaceAll("[\\p{M}\\p{Cf}]", "")
                .toLowerCase(Locale.ROOT).replace("ß", "ss");
    }
}
