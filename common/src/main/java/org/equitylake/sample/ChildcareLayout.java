package org.equitylake.sample;

import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The three layouts the childcare registration system exported over the years, and one that no
 * contract knows. Columns are renamed and reordered between versions; income goes from a text
 * bracket to a number, dates from MM/DD/YYYY to ISO, statuses are renamed, and race/ethnicity goes
 * from free text to a single choice to multi-select codes.
 */
final class ChildcareLayout {
    enum Col { RECORD_ID, APPLICATION_DATE, STATUS, FIRST_NAME, LAST_NAME, CHILD_NAME, CHILD_FIRST_NAME, CHILD_BIRTH_DATE,
        PHONE, EMAIL, STREET, UNIT, CITY, ZIP, HOUSEHOLD_SIZE, CHILDREN, INCOME, LANGUAGE, INTERPRETER, RACE, SITE,
        AWARD_AMOUNT, CASEWORKER }

    private record Column(String header, Col col) {}

    static final String[] V1_BRACKETS = {"Under $15,000", "$15,000 - $24,999", "$25,000 - $34,999", "$35,000 - $49,999",
        "$50,000 - $74,999", "$75,000 - $99,999", "$100,000 - $149,999", "$150,000 or more"};
    static final long[] V1_BRACKET_UPPER = {15_000, 25_000, 35_000, 50_000, 75_000, 100_000, 150_000, Long.MAX_VALUE};
    private static final String[] V1_STATUS = {"ENRL", "APPR", "WAIT", "DENY", "WDRN"};
    private static final String[] V2_STATUS = {"Enrolled", "Approved", "Waitlisted", "Denied", "Withdrawn"};
    private static final String[] V3_STATUS = {"active", "awarded", "waitlist", "ineligible", "cancelled"};
    private static final String[] DECLINED_V1 = {"Prefer not to say", "Decline", "", "N/A"};

    static final ChildcareLayout V1 = new ChildcareLayout(1, CsvWriter.CRLF, false, List.of(
            new Column("RegID", Col.RECORD_ID), new Column("App Date", Col.APPLICATION_DATE),
            new Column("Parent First", Col.FIRST_NAME), new Column("Parent Last", Col.LAST_NAME),
            new Column("Child Name", Col.CHILD_NAME), new Column("Child DOB", Col.CHILD_BIRTH_DATE),
            new Column("Street Address", Col.STREET), new Column("Apt #", Col.UNIT), new Column("City", Col.CITY),
            new Column("Zip", Col.ZIP), new Column("Phone", Col.PHONE), new Column("Email", Col.EMAIL),
            new Column("HH Size", Col.HOUSEHOLD_SIZE), new Column("# Children", Col.CHILDREN),
            new Column("Annual Income", Col.INCOME), new Column("Primary Language", Col.LANGUAGE),
            new Column("Race/Ethnicity", Col.RACE), new Column("Status", Col.STATUS),
            new Column("Scholarship Amt", Col.AWARD_AMOUNT)));

    static final ChildcareLayout V2 = new ChildcareLayout(2, CsvWriter.CRLF, true, List.of(
            new Column("Registration ID", Col.RECORD_ID), new Column("Submitted Date", Col.APPLICATION_DATE),
            new Column("Application Status", Col.STATUS), new Column("Parent/Guardian Last Name", Col.LAST_NAME),
            new Column("Parent/Guardian First Name", Col.FIRST_NAME), new Column("Address Line 1", Col.STREET),
            new Column("Address Line 2", Col.UNIT), new Column("City", Col.CITY), new Column("ZIP Code", Col.ZIP),
            new Column("Phone Number", Col.PHONE), new Column("Email Address", Col.EMAIL),
            new Column("Child First Name", Col.CHILD_FIRST_NAME), new Column("Child Date of Birth", Col.CHILD_BIRTH_DATE),
            new Column("Household Size", Col.HOUSEHOLD_SIZE), new Column("Number of Children", Col.CHILDREN),
            new Column("Annual Household Income", Col.INCOME), new Column("Language", Col.LANGUAGE),
            new Column("Race/Ethnicity", Col.RACE), new Column("Preferred Center", Col.SITE),
            new Column("Award Amount", Col.AWARD_AMOUNT)));

    static final ChildcareLayout V3 = new ChildcareLayout(3, CsvWriter.LF, false, List.of(
            new Column("registration_id", Col.RECORD_ID), new Column("application_date", Col.APPLICATION_DATE),
            new Column("status", Col.STATUS), new Column("parent_first_name", Col.FIRST_NAME),
            new Column("parent_last_name", Col.LAST_NAME), new Column("child_first_name", Col.CHILD_FIRST_NAME),
            new Column("child_birth_date", Col.CHILD_BIRTH_DATE), new Column("phone", Col.PHONE), new Column("email", Col.EMAIL),
            new Column("street_address", Col.STREET), new Column("unit", Col.UNIT), new Column("city", Col.CITY),
            new Column("zip", Col.ZIP), new Column("household_size", Col.HOUSEHOLD_SIZE),
            new Column("children_count", Col.CHILDREN), new Column("annual_income", Col.INCOME),
            new Column("primary_language", Col.LANGUAGE), new Column("interpreter_needed", Col.INTERPRETER),
            new Column("race_ethnicity_codes", Col.RACE), new Column("site_code", Col.SITE),
            new Column("award_amount", Col.AWARD_AMOUNT)));

    /** A one-off export from the vendor's reporting module: the second layout with a renamed key and an extra column. */
    static final ChildcareLayout UNKNOWN = new ChildcareLayout(0, CsvWriter.CRLF, true, List.of(
            new Column("Registration Number", Col.RECORD_ID), new Column("Submitted Date", Col.APPLICATION_DATE),
            new Column("Application Status", Col.STATUS), new Column("Parent/Guardian Last Name", Col.LAST_NAME),
            new Column("Parent/Guardian First Name", Col.FIRST_NAME), new Column("Address Line 1", Col.STREET),
            new Column("Address Line 2", Col.UNIT), new Column("City", Col.CITY), new Column("ZIP Code", Col.ZIP),
            new Column("Phone Number", Col.PHONE), new Column("Email Address", Col.EMAIL),
            new Column("Child First Name", Col.CHILD_FIRST_NAME), new Column("Child Date of Birth", Col.CHILD_BIRTH_DATE),
            new Column("Household Size", Col.HOUSEHOLD_SIZE), new Column("Number of Children", Col.CHILDREN),
            new Column("Annual Household Income", Col.INCOME), new Column("Language", Col.LANGUAGE),
            new Column("Race/Ethnicity", Col.RACE), new Column("Preferred Center", Col.SITE),
            new Column("Award Amount", Col.AWARD_AMOUNT), new Column("Caseworker", Col.CASEWORKER)));

    final int version;
    final String lineEnd;
    final boolean quoteAll;
    private final List<Column> columns;

    private ChildcareLayout(int version, String lineEnd, boolean quoteAll, List<Column> columns) {
        this.version = version;
        this.lineEnd = lineEnd;
        this.quoteAll = quoteAll;
        this.columns = columns;
    }

    static ChildcareLayout forYear(SampleCityParameters p, int year) {
        return year >= p.childcareLayoutV3FromYear() ? V3 : year >= p.childcareLayoutV2FromYear() ? V2 : V1;
    }

    String[] header() {
        return columns.stream().map(Column::header).toArray(String[]::new);
    }

    int streetColumn() {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).col() == Col.STREET) {
                return i;
            }
        }
        throw new IllegalStateException("no street column");
    }

    boolean numericIncome() {
        return version != 1;
    }

    String recordId(int year, int sequence) {
        return switch (version) {
            case 1 -> String.format(Locale.ROOT, "%02d%07d", year % 100, sequence);
            case 3 -> String.format(Locale.ROOT, "REG-%d-%07d", year, sequence);
            default -> String.format(Locale.ROOT, "CC-%d-%07d", year, sequence);
        };
    }

    String[] values(Submission s, SplittableRandom r) {
        String[] v = new String[columns.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = value(columns.get(i).col(), s, r);
        }
        return v;
    }

    private String value(Col col, Submission s, SplittableRandom r) {
        return switch (col) {
            case RECORD_ID -> s.recordId;
            case APPLICATION_DATE -> date(s.impossibleApplicationDate, s.applicationDate.getYear(),
                    s.applicationDate.getMonthValue(), s.applicationDate.getDayOfMonth());
            case STATUS -> (version == 1 ? V1_STATUS : version == 3 ? V3_STATUS : V2_STATUS)[s.status.ordinal()];
            case FIRST_NAME -> s.firstName;
            case LAST_NAME -> s.lastName;
            case CHILD_NAME -> s.childFirstName + " " + s.lastName;
            case CHILD_FIRST_NAME -> s.childFirstName;
            case CHILD_BIRTH_DATE -> s.isBlank(Submission.Field.CHILD_BIRTH_DATE) ? ""
                    : date(s.impossibleBirthDate, s.childBirthDate.getYear(), s.childBirthDate.getMonthValue(), s.childBirthDate.getDayOfMonth());
            case PHONE -> s.isBlank(Submission.Field.PHONE) ? "" : phone(s.phone);
            case EMAIL -> s.isBlank(Submission.Field.EMAIL) ? "" : s.email;
            case STREET -> s.streetLine();
            case UNIT -> unit(s);
            case CITY -> s.cityAsWritten();
            case ZIP -> s.zip;
            case HOUSEHOLD_SIZE -> s.isBlank(Submission.Field.HOUSEHOLD_SIZE) ? "" : Integer.toString(s.householdSize);
            case CHILDREN -> s.isBlank(Submission.Field.CHILDREN) ? "" : Integer.toString(s.children);
            case INCOME -> s.isBlank(Submission.Field.INCOME) ? "" : income(s.income);
            case LANGUAGE -> s.isBlank(Submission.Field.LANGUAGE) ? "" : version == 1 ? Rand.pick(r, s.language.freeText)
                    : version == 3 ? s.language.code : s.language.formLabel;
            case INTERPRETER -> s.interpreterNeeded ? "Y" : "N";
            case RACE -> s.isBlank(Submission.Field.RACE) ? "" : race(s, r);
            case SITE -> version == 3 ? s.siteCode : s.siteName;
            case AWARD_AMOUNT -> s.status.awarded() ? amount(s.awardAmount) : "";
            case CASEWORKER -> String.valueOf((char) ('A' + r.nextInt(26))) + (char) ('A' + r.nextInt(26));
        };
    }

    private String date(int[] impossible, int y, int m, int d) {
        int[] v = impossible != null ? impossible : new int[] {y, m, d};
        return version == 3 ? String.format(Locale.ROOT, "%04d-%02d-%02d", v[0], v[1], v[2])
                : String.format(Locale.ROOT, "%02d/%02d/%04d", v[1], v[2], v[0]);
    }

    private String phone(String digits) {
        return switch (version) {
            case 1 -> "(" + digits.substring(0, 3) + ") " + digits.substring(3, 6) + "-" + digits.substring(6);
            case 3 -> "+1" + digits;
            default -> digits.substring(0, 3) + "-" + digits.substring(3, 6) + "-" + digits.substring(6);
        };
    }

    private String unit(Submission s) {
        if (!s.hasUnit()) {
            return "";
        }
        if (version == 2 || version == 0) {
            return (s.unitType.equals("UNIT") ? "Unit " : "Apt ") + s.unitNumber;
        }
        return s.unitNumber;
    }

    private String income(long income) {
        if (version == 1) {
            int b = 0;
            while (income >= V1_BRACKET_UPPER[b]) {
                b++;
            }
            return V1_BRACKETS[b];
        }
        return version == 3 ? Long.toString(income) : String.format(Locale.ROOT, "%d.00", income);
    }

    private String amount(long amount) {
        return switch (version) {
            case 1 -> String.format(Locale.ROOT, "$%,d.00", amount);
            case 3 -> Long.toString(amount);
            default -> String.format(Locale.ROOT, "%d.00", amount);
        };
    }

    private String race(Submission s, SplittableRandom r) {
        double u = r.nextDouble();
        return switch (version) {
            case 1 -> u < 0.08 ? Rand.pick(r, DECLINED_V1) : Rand.pick(r, s.race.freeText);
            case 3 -> u < 0.04 ? "DEC" : s.raceCodes;
            default -> u < 0.06 ? "Decline to State" : formRace(s);
        };
    }

    private static String formRace(Submission s) {
        if (s.race != Demography.Race.OTHER) {
            return s.race.formLabel;
        }
        return switch (s.raceCodes) {
            case "NHPI" -> "Native Hawaiian or Other Pacific Islander";
            case "AIAN" -> "American Indian or Alaska Native";
            case "OTH" -> "Other";
            default -> "Two or More Races";
        };
    }
}
