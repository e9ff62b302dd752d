package org.equitylake.identity;

/**
 * Similarity of two person names in [0,1], for linking one household's records across years.
 *
 * <p>{@code score = max(straight, swapped1, swapped2)}: straight compares the two records as
 * given, swapped1 (swapped2) the first (second) record with its first and last name exchanged, so
 * a form filled in the wrong order scores as if filled in right, and the score is symmetric. Each
 * comparison is {@code 0.4 * first + 0.6 * last}: surnames carry more of the identity, and
 * siblings share one.
 *
 * <p>Both sides go through {@link Names#normalize} (case, accents, punctuation). A part is then:
 * <ul>
 *   <li>1 when equal, or equal after the nickname table (first names only: "Bob" = "Robert");</li>
 *   <li>0.9 when one first name is the other's initial ("J" vs "James");</li>
 *   <li>otherwise the larger of Jaro-Winkler over the whole part (spaces removed) and, for
 *       multi-word parts, the mean best Jaro-Winkler of each word of the shorter part against the
 *       words of the longer, times 0.95 when the word counts differ (a dropped second surname,
 *       "Garcia" vs "Garcia Lopez", is likely the same person but not certain);</li>
 *   <li>0 when either side is missing: a blank part is disagreement, never a free match.</li>
 * </ul>
 * Stateless and thread-safe.
 */
public final class NameMatch {
    static final double FIRST_WEIGHT = 0.4;
    static final double LAST_WEIGHT = 0.6;
    static final double INITIAL_SCORE = 0.9;
    static final double WORD_COUNT_PENALTY = 0.95;

    private NameMatch() {}

    public static double score(String first1, String last1, String first2, String last2) {
        return scoreNormalized(Names.normalize(first1), Names.normalize(last1), Names.normalize(first2), Names.normalize(last2));
    }

    /** {@link #score} of names already through {@link Names#normalize}: for callers that compare each name many times. */
    public static double scoreNormalized(String f1, String l1, String f2, String l2) {
        double straight = FIRST_WEIGHT * firstNames(f1, f2) + LAST_WEIGHT * part(l1, l2);
        double firstSwapped = FIRST_WEIGHT * firstNames(l1, f2) + LAST_WEIGHT * part(f1, l2);
        double secondSwapped = FIRST_WEIGHT * firstNames(f1, l2) + LAST_WEIGHT * part(l1, f2);
        return Math.max(straight, Math.max(firstSwapped, secondSwapped));
    }

    /** Similarity of two normalised first names: nicknames and initials count, see the class comment. */
    static double firstNames(String a, String b) {
        if (a == null || b == null) {
            return 0.0;
        }
        if (a.equals(b)) {
            return 1.0;
        }
        String ca = Names.canonicalFirstName(a);
        String cb = Names.canonicalFirstName(b);
        if (ca.equals(cb)) {
            return 1.0;
        }
        if (isInitialOf(a, b) || isInitialOf(b, a)) {
            return INITIAL_SCORE;
        }
        return Math.max(part(a, b), part(ca, cb));
    }

    /** Similarity of two normalised name parts (no nickname table): see the class comment. */
    static double part(String a, String b) {
        if (a == null || b == null) {
            return 0.0;
        }
        if (a.equals(b)) {
            return 1.0;
        }
        boolean aWords = a.indexOf(' ') >= 0;
        boolean bWords = b.indexOf(' ') >= 0;
        if (!aWords && !bWords) {
            return Similarity.jaroWinkler(a, b);
        }
        double whole = Similarity.jaroWinkler(a.replace(" ", ""), b.replace(" ", ""));
        String[] wa = a.split(" ");
        String[] wb = b.split(" ");
        String[] shorter = wa.length <= wb.length ? wa : wb;
        String[] longer = shorter == wa ? wb : wa;
        double sum = 0.0;
        for (String s : shorter) {
            double best = 0.0;
            for (String l : longer) {
                best = Math.max(best, Similarity.jaroWinkler(s, l));
            }
            sum += best;
        }
        double words = sum / shorter.length;
        if (shorter.length != longer.length) {
            words *= WORD_COUNT_PENALTY;
        }
        return Math.max(whole, words);
    }

    private static boolean isInitialOf(String initial, String name) {
        return initial.length() == 1 && name.length() > 1 && name.charAt(0) == initial.charAt(0);
    }
}
