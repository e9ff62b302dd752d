package org.equitylake.identity;

import java.util.Locale;

/** E-mail addresses. Stateless and thread-safe. */
public final class Emails {
    private static final int MAX_LENGTH = 254;
    private static final int MAX_LOCAL = 64;
    private static final int MAX_LABEL = 63;
    private static final String LOCAL_SPECIALS = "!#$%&'*+/=?^_`{|}~-.";

    private Emails() {}

    /**
     * Trimmed and lower-cased, a leading "mailto:" and enclosing angle brackets dropped; null
     * unless it is one plausible address: one '@', an ASCII dot-atom local part of at most 64
     * chars (RFC 5322 atext, no leading, trailing or double dot), a domain of at least two
     * labels of letters, digits and inner hyphens, and an alphabetic top-level label.
     * Provider-specific aliases (dots and "+tags" at Gmail) are kept: they are distinct mailboxes
     * elsewhere.
     */
    public static String normalize(String s) {
        if (s == null) {
            return null;
        }
        String e = s.trim().toLowerCase(Locale.ROOT);
        if (e.startsWith("mailto:")) {
            e = e.substring("mailto:".length()).trim();
        }
        if (e.length() >= 2 && e.charAt(0) == '<' && e.charAt(e.length() - 1) == '>') {
            e = e.substring(1, e.length() - 1).trim();
        }
        if (e.isEmpty() || e.length() > MAX_LENGTH) {
            return null;
        }
        int at = e.indexOf('@');
        if (at <= 0 || at != e.lastIndexOf('@') || at > MAX_LOCAL) {
            return null;
        }
        return isLocalPart(e, 0, at) && isDomain(e, at + 1, e.length()) ? e : null;
    }

    private static boolean isLocalPart(String e, int from, int to) {
        if (e.charAt(from) == '.' || e.charAt(to - 1) == '.') {
            return false;
        }
        for (int i = from; i < to; i++) {
            char c = e.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || LOCAL_SPECIALS.indexOf(c) >= 0;
            if (!ok || (c == '.' && e.charAt(i + 1) == '.')) {
                return false;
            }
        }
        return true;
    }

    private static boolean isDomain(String e, int from, int to) {
        int labels = 0;
        int labelStart = from;
        for (int i = from; i <= to; i++) {
            if (i == to || e.charAt(i) == '.') {
                if (!isLabel(e, labelStart, i)) {
                    return false;
                }
                labels++;
                if (i == to) {
                    return labels >= 2 && isAlphabetic(e, labelStart, i) && i - labelStart >= 2;
                }
                labelStart = i + 1;
            }
        }
        return false;
    }

    private static boolean isLabel(String e, int from, int to) {
        if (to <= from || to - from > MAX_LABEL || e.charAt(from) == '-' || e.charAt(to - 1) == '-') {
            return false;
        }
        for (int i = from; i < to; i++) {
            char c = e.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAlphabetic(String e, int from, int to) {
        for (int i = from; i < to; i++) {
            if (e.charAt(i) < 'a' || e.charAt(i) > 'z') {
                return false;
            }
        }
        return true;
    }
}
