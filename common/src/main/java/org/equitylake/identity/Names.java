package org.equitylake.identity;

import java.text.Normalizer;
import java.util.Locale;

/** Person-name normalisation. Stateless and thread-safe; every method maps null to null. */
public final class Names {
    private Names() {}

    /**
     * Removes diacritics: canonical decomposition (NFD) then every non-spacing mark dropped
     * ("José" → "Jose", "Nguyễn" → "Nguyen"), plus the Latin letters that do not decompose
     * (đ, ø, ł, ß, æ, œ, þ, ı). Case is kept. Pure-ASCII input is returned as is, without copying.
     */
    public static String stripAccents(String s) {
        if (s == null) {
            return null;
        }
        if (isAscii(s)) {
            return s;
        }
        String decomposed = Normalizer.normalize(s, Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if (Character.getType(c) == Character.NON_SPACING_MARK) {
                continue;
            }
            switch (c) {
                case 'đ', 'ð' -> out.append('d');
                case 'Đ', 'Ð' -> out.append('D');
                case 'ø' -> out.append('o');
                case 'Ø' -> out.append('O');
                case 'ł' -> out.append('l');
                case 'Ł' -> out.append('L');
                case 'ß' -> out.append("ss");
                case 'æ' -> out.append("ae");
                case 'Æ' -> out.append("AE");
                case 'œ' -> out.append("oe");
                case 'Œ' -> out.append("OE");
                case 'þ' -> out.append("th");
                case 'Þ' -> out.append("TH");
                case 'ı' -> out.append('i');
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * Upper case, accents stripped, apostrophes and periods removed ("O'Brien" → "OBRIEN"),
     * every other non-alphanumeric char a separator ("García-López" → "GARCIA LOPEZ"), runs of
     * separators one space, no leading or trailing space. Null when nothing is left.
     */
    public static String normalize(String s) {
        if (s == null) {
            return null;
        }
        String folded = stripAccents(s).toUpperCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(folded.length());
        boolean pendingSpace = false;
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                if (pendingSpace && out.length() > 0) {
                    out.append(' ');
                }
                pendingSpace = false;
                out.append(c);
            } else if (c != '\'' && c != '\u2019' && c != '`' && c != '.') {
                pendingSpace = true;
            }
        }
        return out.length() == 0 ? null : out.toString();
    }

    /**
     * {@link #normalize}, then every word replaced by its formal name from the nickname table
     * ("Bob" → "ROBERT", "Pepe" → "JOSE", "Lupe" → "GUADALUPE"); unknown words are kept.
     */
    public static String canonicalFirstName(String s) {
        String n = normalize(s);
        if (n == null) {
            return null;
        }
        int space = n.indexOf(' ');
        if (space < 0) {
            return Nicknames.formalOf(n);
        }
        StringBuilder out = new StringBuilder(n.length() + 8);
        for (String word : n.split(" ")) {
            if (out.length() > 0) {
                out.append(' ');
            }
            out.append(Nicknames.formalOf(word));
        }
        return out.toString();
    }

    /**
     * American Soundex of the first word (letter + three digits, "ROBERT" → "R163"), for blocking
     * candidate pairs before scoring them. Rules as in the US National Archives' Soundex guide:
     * H and W do not separate equal codes, vowels do. Null when the name has no letter.
     */
    public static String soundex(String s) {
        String n = normalize(s);
        if (n == null) {
            return null;
        }
        char[] code = {'0', '0', '0', '0'};
        int len = 0;
        char last = 0;
        for (int i = 0; i < n.length() && len < 4; i++) {
            char c = n.charAt(i);
            if (c == ' ') {
                break;
            }
            if (c < 'A' || c > 'Z') {
                continue;
            }
            char d = soundexDigit(c);
            if (len == 0) {
                code[len++] = c;
                last = d;
            } else if (d != '0' && d != last) {
                code[len++] = d;
                last = d;
            } else if (d == '0' && c != 'H' && c != 'W') {
                last = '0';
            }
        }
        return len == 0 ? null : new String(code);
    }

    private static char soundexDigit(char c) {
        return switch (c) {
            case 'B', 'F', 'P', 'V' -> '1';
            case 'C', 'G', 'J', 'K', 'Q', 'S', 'X', 'Z' -> '2';
            case 'D', 'T' -> '3';
            case 'L' -> '4';
            case 'M', 'N' -> '5';
            case 'R' -> '6';
            default -> '0';
        };
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }
}
