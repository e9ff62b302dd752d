package org.equitylake.geo;

import java.util.List;
import java.util.Set;

/** Finds and reads the secondary unit (Pub 28 section 213, Appendix C2) at the end of a street line. */
final class SecondaryUnits {
    /** Types followed by a route number, never a unit: "COUNTY RD 12", "STATE HWY 9". */
    private static final Set<String> ROUTE_TYPES = Set.of("HWY", "RTE", "RD", "FWY", "EXPY", "TPKE", "PIKE", "BYP", "PKWY");

    private SecondaryUnits() {}

    /**
     * Where the unit starts in the words after the house number; w.size() when there is none.
     * A unit is '#'; a designator followed by a unit id (has a digit, one letter, '#' or NO); a
     * designator at the end right after a street type or postdirectional ("MAIN ST REAR",
     * "MAIN ST APT"); "2ND FLOOR" at the end; or a bare id after a non-route type ("MAIN ST 4B").
     * The first word is never a designator: it is the street ("123 LOT AVE", "123 FRONT ST").
     */
    static int start(List<String> w) {
        int n = w.size();
        if (n > 0 && w.get(0).equals("#")) {
            return 0;
        }
        for (int j = 1; j < n; j++) {
            String std = UspsAbbreviations.unit(w.get(j));
            if (std == null) {
                continue;
            }
            boolean last = j == n - 1;
            String before = w.get(j - 1);
            boolean afterStreet = UspsAbbreviations.suffix(before) != null
                    || (j >= 2 && UspsAbbreviations.direction(before) != null);
            if (std.equals("#") || (last && afterStreet)) {
                return j;
            }
            if (!last && !UspsAbbreviations.unitStandsAlone(std)) {
                String id = w.get(j + 1);
                if (id.equals("#") || id.equals("NO") || StreetWords.hasDigit(id) || id.length() == 1) {
                    return j;
                }
            }
        }
        if (n >= 3 && isFloor(w.get(n - 1)) && StreetWords.leadingDigits(w.get(n - 2)) > 0) {
            return n - 2;
        }
        if (n >= 3 && StreetWords.hasDigit(w.get(n - 1))) {
            String type = UspsAbbreviations.suffix(w.get(n - 2));
            if (type != null && !ROUTE_TYPES.contains(type)) {
                return n - 1;
            }
        }
        return n;
    }

    /**
     * Unit type and number of w[at..]: "APT # 4 B" → APT, 4B; "# 4" → #, 4; "4B" → #, 4B;
     * "2ND FLOOR" → FL, 2. Of two designators the last wins ("BLDG 5 APT 3" → APT, 3); a
     * designator without its number after the first is dropped ("APT 4 REAR" → APT, 4).
     */
    static String[] read(List<String> w, int at) {
        String first = w.get(at);
        String std = UspsAbbreviations.unit(first);
        if (std == null) {
            if (isFloor(w.get(w.size() - 1))) {
                return new String[] {"FL", StreetWords.stripZeros(first.substring(0, StreetWords.leadingDigits(first)))};
            }
            return new String[] {"#", first};
        }
        StringBuilder number = new StringBuilder();
        for (int k = at + 1; k < w.size(); k++) {
            String word = w.get(k);
            String other = UspsAbbreviations.unit(word);
            boolean more = k + 1 < w.size();
            if (other != null && !other.equals("#")) {
                if (more) {
                    std = other;
                    number.setLength(0);
                }
            } else if (!word.equals("#") && !(word.equals("NO") && more)) {
                number.append(word);
            }
        }
        return new String[] {std, number.length() == 0 ? null : number.toString()};
    }

    /** A unit-type column in standard form ("Apartment" → APT, "#" → #); unknown values cleaned, kept. */
    static String designator(String column) {
        String d = String.join("", StreetWords.tokenize(column));
        d = d.equals("#") ? d : StreetWords.alphanumeric(d);
        if (d == null) {
            return null;
        }
        String std = UspsAbbreviations.unit(d);
        return std != null ? std : d;
    }

    private static boolean isFloor(String word) {
        return "FL".equals(UspsAbbreviations.unit(word));
    }
}
