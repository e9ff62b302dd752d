package org.equitylake.identity;

/**
 * String similarity for record linkage. Stateless and thread-safe; null is treated as the empty
 * string. Callers normalise first ({@link Names#normalize}): these functions compare chars as given.
 */
public final class Similarity {
    private static final double PREFIX_SCALE = 0.1;
    private static final int MAX_PREFIX = 4;

    private Similarity() {}

    /**
     * Jaro similarity in [0,1]: two empty strings are 1, one empty string is 0.
     * Jaro (1989): (m/|a| + m/|b| + (m - t)/m) / 3, m matches within a window of
     * max(|a|,|b|)/2 - 1, t half the matched chars out of order.
     */
    public static double jaro(String a, String b) {
        String s = a == null ? "" : a;
        String t = b == null ? "" : b;
        if (s.isEmpty() && t.isEmpty()) {
            return 1.0;
        }
        if (s.isEmpty() || t.isEmpty()) {
            return 0.0;
        }
        if (s.equals(t)) {
            return 1.0;
        }
        int window = Math.max(0, Math.max(s.length(), t.length()) / 2 - 1);
        boolean[] sMatched = new boolean[s.length()];
        boolean[] tMatched = new boolean[t.length()];
        int matches = 0;
        for (int i = 0; i < s.length(); i++) {
            int from = Math.max(0, i - window);
            int to = Math.min(t.length() - 1, i + window);
            char c = s.charAt(i);
            for (int j = from; j <= to; j++) {
                if (!tMatched[j] && t.charAt(j) == c) {
                    sMatched[i] = true;
                    tMatched[j] = true;
                    matches++;
                    break;
                }
            }
        }
        if (matches == 0) {
            return 0.0;
        }
        int outOfOrder = 0;
        int j = 0;
        for (int i = 0; i < s.length(); i++) {
            if (sMatched[i]) {
                while (!tMatched[j]) {
                    j++;
                }
                if (s.charAt(i) != t.charAt(j)) {
                    outOfOrder++;
                }
                j++;
            }
        }
        double m = matches;
        return (m / s.length() + m / t.length() + (m - outOfOrder / 2.0) / m) / 3.0;
    }

    /**
     * Jaro-Winkler similarity in [0,1] with prefix scale 0.1 and at most 4 prefix chars, applied
     * without a boost threshold. Winkler (1990): jw = j + l * p * (1 - j), l the common prefix length.
     */
    public static double jaroWinkler(String a, String b) {
        String s = a == null ? "" : a;
        String t = b == null ? "" : b;
        double j = jaro(s, t);
        if (j == 0.0 || j == 1.0) {
            return j;
        }
        int limit = Math.min(MAX_PREFIX, Math.min(s.length(), t.length()));
        int prefix = 0;
        while (prefix < limit && s.charAt(prefix) == t.charAt(prefix)) {
            prefix++;
        }
        return j + prefix * PREFIX_SCALE * (1.0 - j);
    }

    /** Levenshtein edit distance (insertions, deletions, substitutions each cost 1). */
    public static int levenshtein(String a, String b) {
        return levenshtein(a, b, Integer.MAX_VALUE - 1);
    }

    /**
     * Levenshtein distance when it is at most {@code max}, otherwise {@code max + 1}: stops as
     * soon as every cell of a row exceeds {@code max}, so a lookup against a table stays cheap.
     */
    public static int levenshtein(String a, String b, int max) {
        if (max < 0) {
            throw new IllegalArgumentException("max must be >= 0, was " + max);
        }
        String s = a == null ? "" : a;
        String t = b == null ? "" : b;
        if (s.length() < t.length()) {
            String swap = s;
            s = t;
            t = swap;
        }
        if (s.length() - t.length() > max) {
            return max + 1;
        }
        if (t.isEmpty()) {
            return s.length();
        }
        int[] prev = new int[t.length() + 1];
        int[] curr = new int[t.length() + 1];
        for (int j = 0; j <= t.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= s.length(); i++) {
            curr[0] = i;
            int rowMin = curr[0];
            char c = s.charAt(i - 1);
            for (int j = 1; j <= t.length(); j++) {
                int cost = c == t.charAt(j - 1) ? 0 : 1;
                curr[j] = Math.min(Math.min(curr[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
                rowMin = Math.min(rowMin, curr[j]);
            }
            if (rowMin > max) {
                return max + 1;
            }
            int[] swap = prev;
            prev = curr;
            curr = swap;
        }
        return Math.min(prev[t.length()], max + 1);
    }
}
