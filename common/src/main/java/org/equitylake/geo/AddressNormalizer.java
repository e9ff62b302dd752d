package org.equitylake.geo;

import java.util.List;

/**
 * USPS Publication 28 normalisation of US street addresses, the same for a city's address-point
 * columns ({@link #fromParts}) and a free-text registration line ({@link #parseLine}), so both
 * produce the same {@link NormalizedAddress#key()}. Stateless and thread-safe: call it from a
 * Spark {@code map} or UDF.
 *
 * <p>A line is read as: house number (with a suffix letter or "1/2"), predirectional, street
 * name, street type, postdirectional, unit. A directional or type word that would leave no street
 * name is the name ("North St" is NORTH ST, "Avenue N" is AVENUE N). A unit is a Pub 28
 * designator followed by its number, a number-free designator (REAR) at the end, "2ND FLOOR",
 * or a bare number after a street type ("MAIN ST 4" is unit # 4). '#' stays '#': Pub 28's
 * designator when the real one is unknown; keys compare unit numbers only.
 */
public final class AddressNormalizer {
    private AddressNormalizer() {}

    /** Parses a free-text street line; {@code zip} may be null, ZIP+4 or junk (then zip5 is null). */
    public static NormalizedAddress parseLine(String line, String zip) {
        String zip5 = zip5(zip);
        List<String> t = StreetWords.tokenize(line);
        if (t.isEmpty()) {
            return new NormalizedAddress(null, null, null, null, null, null, null, null, zip5, false,
                    NormalizedAddress.EMPTY);
        }
        int box = poBoxWords(t);
        if (box > 0) {
            return poBox(StreetWords.splitDashes(t, box), zip5);
        }
        String[] houseParts = new String[2];
        int next = house(t, houseParts);
        String house = houseParts[0];
        String houseSuffix = houseParts[1];
        List<String> w = StreetWords.splitDashes(t, next);
        int unitAt = SecondaryUnits.start(w);
        String[] unit = unitAt < w.size() ? SecondaryUnits.read(w, unitAt) : new String[2];
        return address(house, houseSuffix, street(w, 0, unitAt), unit[0], unit[1], zip5);
    }

    /**
     * Normalises an address-point record's columns; any may be null. When the predirectional,
     * type and postdirectional columns are all blank, the street-name column is read as a whole
     * street ("N 1st St"), as {@link #parseLine} would. A unit number without a designator gets '#'.
     */
    public static NormalizedAddress fromParts(String houseNumber, String suffix, String predir, String streetName,
            String streetType, String postdir, String unitType, String unitNumber, String zip) {
        String zip5 = zip5(zip);
        List<String> houseWords = StreetWords.tokenize(houseNumber);
        String[] houseParts = new String[2];
        int used = house(houseWords, houseParts);
        String house = used == 0 ? StreetWords.alphanumeric(String.join("", houseWords)) : houseParts[0];
        String houseSuffix = joined(suffix);
        if (houseSuffix == null && used > 0) {
            houseSuffix = (houseParts[1] == null ? "" : houseParts[1])
                    + String.join("", houseWords.subList(used, houseWords.size()));
        }
        if (houseSuffix != null && !StreetWords.isFraction(houseSuffix)) {
            houseSuffix = StreetWords.alphanumeric(houseSuffix);
        }
        List<String> name = StreetWords.splitDashes(StreetWords.tokenize(streetName), 0);
        List<String> pre = StreetWords.tokenize(predir);
        List<String> type = StreetWords.tokenize(streetType);
        List<String> post = StreetWords.tokenize(postdir);
        int box = poBoxWords(name);
        if (box > 0) {
            List<String> rest = StreetWords.splitDashes(name, box);
            return poBox(rest.isEmpty() && house != null ? List.of(house) : rest, zip5);
        }
        String[] street;
        if (pre.isEmpty() && type.isEmpty() && post.isEmpty()) {
            street = street(name, 0, name.size());
        } else {
            String typeWord = StreetWords.alphanumeric(String.join("", type));
            String std = typeWord == null ? null : UspsAbbreviations.suffix(typeWord);
            if (std == null && typeWord != null) {
                std = StreetWords.correctSuffixTypo(typeWord);
            }
            street = new String[] {
                direction(pre), StreetWords.name(name, 0, name.size(), typeWord != null),
                std != null ? std : typeWord, direction(post)};
        }
        String number = StreetWords.alphanumeric(String.join("", StreetWords.tokenize(unitNumber)));
        String designator = SecondaryUnits.designator(unitType);
        if (number != null && designator == null) {
            designator = "#";
        }
        if (house == null && houseSuffix == null && street[1] == null && designator == null && number == null) {
            return new NormalizedAddress(null, null, null, null, null, null, null, null, zip5, false,
                    NormalizedAddress.EMPTY);
        }
        return address(house, houseSuffix, street, designator, number, zip5);
    }

    /** The first five digits of a ZIP or ZIP+4 ("94110", "94110-1234", "941101234"); null otherwise. */
    public static String zip5(String zip) {
        if (zip == null) {
            return null;
        }
        String z = zip.strip();
        int digits = StreetWords.leadingDigits(z);
        boolean ok = (digits == 5 && z.length() == 5)
                || (digits == 9 && z.length() == 9)
                || (digits == 5 && z.length() == 10 && (z.charAt(5) == '-' || z.charAt(5) == ' ')
                        && StreetWords.isDigits(z.substring(6)));
        return ok && !z.startsWith("00000") ? z.substring(0, 5) : null;
    }

    /**
     * Reads a house number from the first words into {@code out} (number, suffix) and returns how
     * many words it used: "123", "0123" → 123; "123A", "123-A", "123 A MAIN ST" → 123 + A;
     * "123 1/2" → 123 + 1/2; "123-45" (Queens style) → 123-45. A first word that is an ordinal
     * ("1ST") or has no leading digit is no house number: 0 words used.
     */
    private static int house(List<String> t, String[] out) {
        if (t.isEmpty()) {
            return 0;
        }
        String first = t.get(0);
        int digits = StreetWords.leadingDigits(first);
        if (digits == 0 || StreetWords.ordinalWord(first) != null) {
            return 0;
        }
        out[0] = StreetWords.stripZeros(first.substring(0, digits));
        String rest = first.substring(digits);
        if (rest.startsWith("-") && StreetWords.isDigits(rest.substring(1))) {
            out[0] += rest;
        } else if (!rest.isEmpty()) {
            out[1] = StreetWords.alphanumeric(rest);
        } else if (t.size() > 1 && StreetWords.isFraction(t.get(1))) {
            out[1] = t.get(1);
            return 2;
        } else if (t.size() > 3 && t.get(1).length() == 1 && StreetWords.isLetters(t.get(1))
                && UspsAbbreviations.direction(t.get(1)) == null && UspsAbbreviations.suffix(t.get(2)) == null) {
            out[1] = t.get(1);
            return 2;
        }
        return 1;
    }

    /** Predirectional, name, type, postdirectional of the street words w[from, to). */
    private static String[] street(List<String> w, int from, int to) {
        String pre = null;
        String type = null;
        String post = null;
        int lo = from;
        int hi = to;
        if (hi - lo >= 2) {
            String d = UspsAbbreviations.direction(w.get(hi - 1));
            boolean onlyTypeLeft = hi - lo == 2 && UspsAbbreviations.suffix(w.get(lo)) != null;
            boolean onlyDirectionLeft = hi - lo == 2 && UspsAbbreviations.direction(w.get(lo)) != null;
            if (d != null && !onlyTypeLeft && !onlyDirectionLeft) {
                String d2 = hi - lo >= 3 ? combined(w.get(hi - 2), w.get(hi - 1)) : null;
                post = d2 != null ? d2 : d;
                hi -= d2 != null ? 2 : 1;
            }
        }
        if (hi - lo >= 2) {
            String last = w.get(hi - 1);
            String std = UspsAbbreviations.suffix(last);
            if (std == null && UspsAbbreviations.direction(last) == null) {
                std = StreetWords.correctSuffixTypo(last);
            }
            if (std != null) {
                type = std;
                hi--;
            }
        }
        String two = hi - lo >= 3 ? combined(w.get(lo), w.get(lo + 1)) : null;
        if (two != null) {
            pre = two;
            lo += 2;
        } else if (hi - lo >= 2 && UspsAbbreviations.direction(w.get(lo)) != null) {
            pre = UspsAbbreviations.direction(w.get(lo));
            lo++;
        }
        return new String[] {pre, StreetWords.name(w, lo, hi, type != null), type, post};
    }

    private static NormalizedAddress address(String house, String houseSuffix, String[] street,
            String unitType, String unitNumber, String zip5) {
        String problem = house == null ? NormalizedAddress.NO_HOUSE_NUMBER
                : street[1] == null ? NormalizedAddress.NO_STREET_NAME : null;
        return new NormalizedAddress(house, houseSuffix, street[0], street[1], street[2], street[3],
                unitType, unitNumber, zip5, false, problem);
    }

    private static NormalizedAddress poBox(List<String> rest, String zip5) {
        StringBuilder number = new StringBuilder();
        for (String word : rest) {
            if (!word.equals("#") && !word.equals("NO")) {
                number.append(word);
            }
        }
        String box = number.length() == 0 ? null : number.toString();
        return new NormalizedAddress(box, null, null, "PO BOX", null, null, null, null, zip5, true,
                NormalizedAddress.PO_BOX);
    }

    /** How many leading words spell "PO BOX" (PO BOX, P O BOX, POBOX, POB, POST OFFICE BOX, BOX n); else 0. */
    private static int poBoxWords(List<String> t) {
        String a = t.size() > 0 ? t.get(0) : "";
        String b = t.size() > 1 ? t.get(1) : "";
        String c = t.size() > 2 ? t.get(2) : "";
        if (a.equals("POBOX") || a.equals("POB")) {
            return 1;
        }
        if ((a.equals("PO") || a.equals("POST")) && b.equals("BOX")) {
            return 2;
        }
        if (((a.equals("P") && b.equals("O")) || (a.equals("POST") && b.equals("OFFICE"))) && c.equals("BOX")) {
            return 3;
        }
        return a.equals("BOX") && t.size() > 1 && StreetWords.hasDigit(t.get(t.size() - 1)) ? 1 : 0;
    }

    /** NE, NW, SE, SW from two words ("NORTH", "WEST"); else null. */
    private static String combined(String first, String second) {
        String a = UspsAbbreviations.direction(first);
        String b = UspsAbbreviations.direction(second);
        boolean ok = ("N".equals(a) || "S".equals(a)) && ("E".equals(b) || "W".equals(b));
        return ok ? a + b : null;
    }

    private static String direction(List<String> words) {
        if (words.isEmpty()) {
            return null;
        }
        String two = words.size() == 2 ? combined(words.get(0), words.get(1)) : null;
        String joined = StreetWords.alphanumeric(String.join("", words));
        String one = joined == null ? null : UspsAbbreviations.direction(joined);
        return two != null ? two : one != null ? one : joined;
    }

    /** The tokens of a column joined without spaces, or null when blank. */
    private static String joined(String column) {
        List<String> words = StreetWords.tokenize(column);
        return words.isEmpty() ? null : String.join("", words);
    }
}
