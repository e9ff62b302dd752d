package org.equitylake.geo;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.equitylake.identity.Names;
import org.equitylake.identity.Similarity;

/** Word-level pieces of address normalisation: tokens, ordinals, street names, suffix typos. */
final class StreetWords {
    private static final Map<String, Integer> UNIT_ORDINALS = Map.of(
            "FIRST", 1, "SECOND", 2, "THIRD", 3, "FOURTH", 4, "FIFTH", 5,
            "SIXTH", 6, "SEVENTH", 7, "EIGHTH", 8, "NINTH", 9, "NINETH", 9);
    private static final Map<String, Integer> OTHER_ORDINALS = Map.ofEntries(
            Map.entry("TENTH", 10), Map.entry("ELEVENTH", 11), Map.entry("TWELFTH", 12),
            Map.entry("THIRTEENTH", 13), Map.entry("FOURTEENTH", 14), Map.entry("FIFTEENTH", 15),
            Map.entry("SIXTEENTH", 16), Map.entry("SEVENTEENTH", 17), Map.entry("EIGHTEENTH", 18),
            Map.entry("NINETEENTH", 19), Map.entry("TWENTIETH", 20), Map.entry("THIRTIETH", 30),
            Map.entry("FORTIETH", 40), Map.entry("FIFTIETH", 50), Map.entry("SIXTIETH", 60),
            Map.entry("SEVENTIETH", 70), Map.entry("EIGHTIETH", 80), Map.entry("NINETIETH", 90));
    private static final Map<String, Integer> TENS = Map.of(
            "TWENTY", 20, "THIRTY", 30, "FORTY", 40, "FOURTY", 40, "FIFTY", 50,
            "SIXTY", 60, "SEVENTY", 70, "EIGHTY", 80, "NINETY", 90);
    /** Words shortened inside a street name, so "Saint Paul" and "St Paul" agree. */
    private static final Map<String, String> NAME_WORDS = Map.of("SAINT", "ST", "MOUNT", "MT", "FORT", "FT");
    /** Leading words never read as a street type: ST is Saint, DR Doctor, VIA Spanish for way. */
    private static final Set<String> NOT_LEADING_TYPES = Set.of("ST", "DR", "VIA");

    private StreetWords() {}

    /**
     * Upper-case, accent-free tokens of a free-text line. Periods and apostrophes vanish
     * ("P.O." → "PO", "St." → "ST"); '#' is a token of its own; '-' and '/' stay inside tokens
     * for the house number ("123-A", "1/2") and are split later; '½' becomes the token "1/2";
     * every other char separates tokens.
     */
    static List<String> tokenize(String line) {
        List<String> tokens = new ArrayList<>();
        if (line == null) {
            return tokens;
        }
        String s = Names.stripAccents(line).toUpperCase(Locale.ROOT);
        StringBuilder cur = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isLetterOrDigit(c) || c == '-' || c == '/') {
                cur.append(c);
            } else if (c == '#' || c == '\u00BD') {
                flush(cur, tokens);
                tokens.add(c == '#' ? "#" : "1/2");
            } else if (c != '.' && c != '\'' && c != '\u2019' && c != '`') {
                flush(cur, tokens);
            }
        }
        flush(cur, tokens);
        return tokens;
    }

    /** Splits every token on '-' and '/' ("TWENTY-FIRST" → TWENTY, FIRST; "4-B" → 4, B). */
    static List<String> splitDashes(List<String> tokens, int from) {
        List<String> out = new ArrayList<>(tokens.size() - from + 2);
        for (int i = from; i < tokens.size(); i++) {
            String t = tokens.get(i);
            if (t.indexOf('-') < 0 && t.indexOf('/') < 0) {
                out.add(t);
                continue;
            }
            for (String part : t.split("[-/]")) {
                if (!part.isEmpty()) {
                    out.add(part);
                }
            }
        }
        return out;
    }

    /**
     * A street name from its words: ordinals in one form (FIRST, 1ST, 1 ST → 1ST; TWENTY FIRST,
     * 21 → 21ST when a type follows), SAINT/MOUNT/FORT shortened, and a leading street-type
     * word spelled out when no type follows ("AVE B" → "AVENUE B", Pub 28's form). Null if empty.
     */
    static String name(List<String> words, int from, int to, boolean hasType) {
        List<String> out = new ArrayList<>(to - from);
        for (int k = from; k < to; k++) {
            String w = words.get(k);
            Integer tens = TENS.get(w);
            if (tens != null && k + 1 < to && UNIT_ORDINALS.containsKey(words.get(k + 1))) {
                out.add(ordinal(tens + UNIT_ORDINALS.get(words.get(++k))));
                continue;
            }
            String ord = ordinalWord(w);
            out.add(ord != null ? ord : NAME_WORDS.getOrDefault(w, w));
        }
        if (out.isEmpty()) {
            return null;
        }
        if (!hasType && out.size() >= 2 && !NOT_LEADING_TYPES.contains(out.get(0))) {
            String full = UspsAbbreviations.suffixFullName(out.get(0));
            if (full != null) {
                out.set(0, full);
            }
        }
        if (hasType && out.size() == 1 && isDigits(out.get(0)) && out.get(0).length() <= 6) {
            out.set(0, ordinal(Integer.parseInt(out.get(0))));
        }
        return String.join(" ", out);
    }

    /** One word as an ordinal ("FIRST", "TWENTYFIRST", "21st", "2D", "3RD" → "1ST", "21ST", "2ND", "3RD"), else null. */
    static String ordinalWord(String w) {
        Integer n = UNIT_ORDINALS.get(w);
        if (n == null) {
            n = OTHER_ORDINALS.get(w);
        }
        if (n != null) {
            return ordinal(n);
        }
        for (Map.Entry<String, Integer> tens : TENS.entrySet()) {
            if (w.length() > tens.getKey().length() && w.startsWith(tens.getKey())) {
                Integer unit = UNIT_ORDINALS.get(w.substring(tens.getKey().length()));
                if (unit != null) {
                    return ordinal(tens.getValue() + unit);
                }
            }
        }
        int digits = leadingDigits(w);
        if (digits == 0 || digits > 6) {
            return null;
        }
        String rest = w.substring(digits);
        boolean suffix = rest.equals("ST") || rest.equals("ND") || rest.equals("RD")
                || rest.equals("TH") || rest.equals("D");
        return suffix ? ordinal(Integer.parseInt(w.substring(0, digits))) : null;
    }

    /** 1 → 1ST, 2 → 2ND, 3 → 3RD, 11..13 → TH, 21 → 21ST, 112 → 112TH. */
    static String ordinal(int n) {
        int lastTwo = n % 100;
        String suffix;
        if (lastTwo >= 11 && lastTwo <= 13) {
            suffix = "TH";
        } else {
            suffix = switch (n % 10) {
                case 1 -> "ST";
                case 2 -> "ND";
                case 3 -> "RD";
                default -> "TH";
            };
        }
        return n + suffix;
    }

    /**
     * The standard suffix a misspelled suffix word stands for ("STRET" → ST, "AVENU" → AVE), or
     * null. Only words of five or more letters, only against {@link UspsAbbreviations#TYPO_TARGETS},
     * at Levenshtein distance 1 (2 for targets of seven or more letters, where a transposition
     * "PARKWYA" costs 2), and only a unique best.
     */
    static String correctSuffixTypo(String w) {
        if (w.length() < 5 || !isLetters(w)) {
            return null;
        }
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        boolean tie = false;
        for (String target : UspsAbbreviations.TYPO_TARGETS) {
            int limit = target.length() >= 7 ? 2 : 1;
            int d = Similarity.levenshtein(w, target, limit);
            if (d > limit) {
                continue;
            }
            if (d < bestDistance) {
                best = target;
                bestDistance = d;
                tie = false;
            } else if (d == bestDistance) {
                tie = true;
            }
        }
        return best == null || tie ? null : UspsAbbreviations.suffix(best);
    }

    static int leadingDigits(String w) {
        int i = 0;
        while (i < w.length() && w.charAt(i) >= '0' && w.charAt(i) <= '9') {
            i++;
        }
        return i;
    }

    static boolean isDigits(String w) {
        return !w.isEmpty() && leadingDigits(w) == w.length();
    }

    static boolean hasDigit(String w) {
        for (int i = 0; i < w.length(); i++) {
            if (w.charAt(i) >= '0' && w.charAt(i) <= '9') {
                return true;
            }
        }
        return false;
    }

    static boolean isLetters(String w) {
        for (int i = 0; i < w.length(); i++) {
            if (w.charAt(i) < 'A' || w.charAt(i) > 'Z') {
                return false;
            }
        }
        return !w.isEmpty();
    }

    /** "1/2", "3/4": digits, a slash, digits. */
    static boolean isFraction(String w) {
        int slash = w.indexOf('/');
        return slash > 0 && isDigits(w.substring(0, slash)) && isDigits(w.substring(slash + 1));
    }

    /** Letters and digits only ("4-B" → "4B", "#12" → "12"); null when none are left or s is null. */
    static String alphanumeric(String s) {
        if (s == null) {
            return null;
        }
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            if (Character.isLetterOrDigit(s.charAt(i))) {
                b.append(s.charAt(i));
            }
        }
        return b.length() == 0 ? null : b.toString();
    }

    /** Drops leading zeros of a number, keeping a lone "0". */
    static String stripZeros(String digits) {
        int i = 0;
        while (i < digits.length() - 1 && digits.charAt(i) == '0') {
            i++;
        }
        return digits.substring(i);
    }

    private static void flush(StringBuilder cur, List<String> tokens) {
        int from = 0;
        int to = cur.length();
        while (from < to && (cur.charAt(from) == '-' || cur.charAt(from) == '/')) {
            from++;
        }
        while (to > from && (cur.charAt(to - 1) == '-' || cur.charAt(to - 1) == '/')) {
            to--;
        }
        if (to > from) {
            tokens.add(cur.substring(from, to));
        }
        cur.setLength(0);
    }
}
