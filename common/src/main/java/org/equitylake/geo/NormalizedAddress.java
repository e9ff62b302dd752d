package org.equitylake.geo;

import java.io.Serializable;

/**
 * A US street address in USPS Publication 28 standard form: upper case, no punctuation,
 * standard abbreviations. Built by {@link AddressNormalizer}; any part may be null.
 *
 * <p>{@code problem} is null for a usable address, otherwise the first that applies of
 * {@code empty} (nothing given), {@code po_box} (a PO box: {@code streetName} is "PO BOX" and
 * {@code houseNumber} the box number), {@code no_house_number}, {@code no_street_name}.
 *
 * <p>Match keys join parts with '|', a null part as the empty string. They are null when the
 * house number or the street name is missing, so blank addresses never join each other.
 * <ul>
 *   <li>{@link #key()}: {@code HOUSE|SUFFIX|PREDIR|NAME|TYPE|POSTDIR|UNIT|ZIP5},
 *       e.g. {@code 123||N|1ST|ST||4|94110}. UNIT is the unit number only, so "APT 4", "UNIT 4"
 *       and "# 4" agree; for a designator that takes no number it is the designator (REAR).</li>
 *   <li>{@link #keyWithoutUnit()}: {@code HOUSE|SUFFIX|PREDIR|NAME|TYPE|POSTDIR|ZIP5}, the building.</li>
 *   <li>{@link #streetKey()}: {@code PREDIR|NAME|TYPE|POSTDIR}, e.g. {@code N|1ST|ST|}; null without a name.</li>
 * </ul>
 */
public record NormalizedAddress(
        String houseNumber,
        String houseNumberSuffix,
        String predirectional,
        String streetName,
        String streetType,
        String postdirectional,
        String unitType,
        String unitNumber,
        String zip5,
        boolean isPoBox,
        String problem) implements Serializable {
    private static final long serialVersionUID = 1L;

    public static final String EMPTY = "empty";
    public static final String PO_BOX = "po_box";
    public static final String NO_HOUSE_NUMBER = "no_house_number";
    public static final String NO_STREET_NAME = "no_street_name";

    public String key() {
        if (!hasKey()) {
            return null;
        }
        return join(houseNumber, houseNumberSuffix, predirectional, streetName, streetType,
                postdirectional, unitKey(), zip5);
    }

    public String keyWithoutUnit() {
        if (!hasKey()) {
            return null;
        }
        return join(houseNumber, houseNumberSuffix, predirectional, streetName, streetType,
                postdirectional, zip5);
    }

    public String streetKey() {
        return streetName == null ? null : join(predirectional, streetName, streetType, postdirectional);
    }

    /** The street line in Pub 28 order: "123 N 1ST ST APT 4". */
    public String line() {
        StringBuilder b = new StringBuilder(48);
        if (isPoBox) {
            return append(append(b, streetName), houseNumber).toString();
        }
        append(b, houseNumber);
        if (houseNumberSuffix != null) {
            b.append(houseNumberSuffix.indexOf('/') >= 0 ? " " : "").append(houseNumberSuffix);
        }
        append(append(append(append(b, predirectional), streetName), streetType), postdirectional);
        return append(append(b, unitType), unitNumber).toString();
    }

    private boolean hasKey() {
        return houseNumber != null && streetName != null;
    }

    private String unitKey() {
        if (unitNumber != null) {
            return unitNumber;
        }
        return unitType != null && UspsAbbreviations.unitStandsAlone(unitType) ? unitType : null;
    }

    private static String join(String... parts) {
        StringBuilder b = new StringBuilder(64);
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                b.append('|');
            }
            if (parts[i] != null) {
                b.append(parts[i]);
            }
        }
        return b.toString();
    }

    private static StringBuilder append(StringBuilder b, String part) {
        if (part != null) {
            if (b.length() > 0) {
                b.append(' ');
            }
            b.append(part);
        }
        return b;
    }
}
