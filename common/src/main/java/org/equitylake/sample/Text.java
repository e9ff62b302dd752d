package org.equitylake.sample;

import java.text.Normalizer;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.regex.Pattern;

/** Small text helpers for the mess: accents, typing errors. */
final class Text {
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    /** Neighbouring keys on a US keyboard, for plausible slips of the finger. */
    private static final String[] KEY_NEIGHBOURS = {
        "qwsz", "vghn", "xdfv", "serfcx", "wsdr", "drtgvc", "ftyhbv", "gyujnb", "ujko", "huikmn", "jiolm", "kop",
        "njk", "bhjm", "iklp", "ol", "wa", "edft", "awedxz", "rfgy", "yhji", "cfgb", "qase", "zsdc", "tghu", "asx"};

    private Text() {}

    static boolean hasAccents(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) > 127) {
                return true;
            }
        }
        return false;
    }

    /** José to Jose, Nguyễn to Nguyen, Đặng to Dang. */
    static String stripAccents(String s) {
        String d = Normalizer.normalize(s.replace('Đ', 'D').replace('đ', 'd'), Normalizer.Form.NFD);
        return MARKS.matcher(d).replaceAll("");
    }

    static String asciiLower(String s) {
        return stripAccents(s).toLowerCase(Locale.ROOT);
    }

    /** One typing error among letters: a swap of neighbours, a dropped, doubled or neighbouring-key letter. */
    static String typo(String s, SplittableRandom r) {
        int letters = 0;
        for (int i = 0; i < s.length(); i++) {
            if (Character.isLetter(s.charAt(i))) {
                letters++;
            }
        }
        if (letters < 3) {
            return s + s.charAt(s.length() - 1);
        }
        int target = 1 + r.nextInt(letters - 1);
        int at = -1;
        for (int i = 0, seen = 0; i < s.length(); i++) {
            if (Character.isLetter(s.charAt(i)) && seen++ == target) {
                at = i;
                break;
            }
        }
        char c = s.charAt(at);
        StringBuilder b = new StringBuilder(s);
        switch (r.nextInt(4)) {
            case 0 -> {
                if (at + 1 < s.length() && Character.isLetter(s.charAt(at + 1)) && s.charAt(at + 1) != c) {
                    b.setCharAt(at, s.charAt(at + 1));
                    b.setCharAt(at + 1, c);
                } else {
                    b.deleteCharAt(at);
                }
            }
            case 1 -> b.deleteCharAt(at);
            case 2 -> b.insert(at, c);
            default -> {
                char lower = Character.toLowerCase(stripAccents(String.valueOf(c)).charAt(0));
                if (lower >= 'a' && lower <= 'z') {
                    String near = KEY_NEIGHBOURS[lower - 'a'];
                    char n = near.charAt(r.nextInt(near.length()));
                    b.setCharAt(at, Character.isUpperCase(c) ? Character.toUpperCase(n) : n);
                } else {
                    b.insert(at, c);
                }
            }
        }
        String out = b.toString();
        return out.equals(s) ? s + c : out;
    }
}
