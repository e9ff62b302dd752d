package org.equitylake.sample;

import java.time.LocalDate;
import java.util.EnumSet;

/**
 * One program record as the applicant reported it, before a layout writes it: the household's
 * true values at first, then changed by the mess. Mutable on purpose; it lives for one record.
 */
final class Submission {
    /** Fields the mess can empty. */
    enum Field { PHONE, EMAIL, HOUSEHOLD_SIZE, CHILDREN, INCOME, CHILD_BIRTH_DATE, LANGUAGE, RACE }

    /** Childcare statuses; how each layout spells them is in {@link ChildcareLayout}. */
    enum Status {
        ENROLLED, APPROVED, WAITLISTED, DENIED, WITHDRAWN;

        boolean awarded() {
            return this == ENROLLED || this == APPROVED;
        }
    }

    String recordId;
    LocalDate applicationDate;
    LocalDate childBirthDate;
    String firstName;
    String lastName;
    String childFirstName;
    String phone;
    String email;

    String houseNumber;
    String houseNumberSuffix;
    String predirectional;
    String streetName;
    String streetType;
    String postdirectional;
    int ordinal;
    /** Set instead of the parts for a PO box or an address that is not one. */
    String freeStreetLine;
    String unitType;
    String unitNumber;
    String unitInLine;
    String city;
    String zip;

    int householdSize;
    int children;
    long income;
    Demography.Language language;
    Demography.Race race;
    String raceCodes;
    boolean interpreterNeeded;
    Status status;
    long awardAmount;
    String siteCode;
    String siteName;

    final EnumSet<MessKind> kinds = EnumSet.noneOf(MessKind.class);
    final EnumSet<Field> blank = EnumSet.noneOf(Field.class);
    /** {year, month, day} that is no date, for the application date or the child's birth date. */
    int[] impossibleApplicationDate;
    int[] impossibleBirthDate;
    /** 0 none, 1 upper case, 2 lower case, 3 doubled and trailing spaces. */
    int caseNoise;
    /** 0 none, 1 too few fields (or a cut JSON line), 2 an unquoted comma (or broken JSON), 3 a line broken in two. */
    int malformation;

    boolean hasStreetAddress() {
        return freeStreetLine == null;
    }

    boolean hasUnit() {
        return unitNumber != null && !unitNumber.isEmpty();
    }

    /** The street line as written: "1250 N 1st St", with the unit in it when the mess put it there. */
    String streetLine() {
        String line;
        if (freeStreetLine != null) {
            line = freeStreetLine;
        } else {
            StringBuilder s = new StringBuilder(houseNumber);
            for (String part : new String[] {houseNumberSuffix, predirectional, streetName, streetType, postdirectional}) {
                if (part != null && !part.isEmpty()) {
                    s.append(' ').append(part);
                }
            }
            line = s.toString();
        }
        if (unitInLine != null) {
            line = line + unitInLine;
        }
        return noisy(line);
    }

    /** The street without house number: "N 1st St". */
    String streetOnly() {
        StringBuilder s = new StringBuilder();
        for (String part : new String[] {predirectional, streetName, streetType, postdirectional}) {
            if (part != null && !part.isEmpty()) {
                s.append(s.length() > 0 ? " " : "").append(part);
            }
        }
        return s.toString();
    }

    String cityAsWritten() {
        return noisy(city);
    }

    private String noisy(String v) {
        return switch (caseNoise) {
            case 1 -> v.toUpperCase(java.util.Locale.ROOT);
            case 2 -> v.toLowerCase(java.util.Locale.ROOT);
            case 3 -> v.replaceFirst(" ", "  ") + " ";
            default -> v;
        };
    }

    boolean isBlank(Field f) {
        return blank.contains(f);
    }
}
