package org.equitylake.sample;

import java.util.Locale;
import java.util.SplittableRandom;

/** One housing grant application as a JSON line; emptied fields become null, malformed lines are cut or broken. */
final class HousingGrantJson {
    private HousingGrantJson() {}

    static String line(Submission s, String submittedAt, int monthsOwed, SplittableRandom r) {
        StringBuilder j = new StringBuilder(640);
        j.append('{');
        str(j, "application_id", s.recordId).append(',');
        str(j, "submitted_at", submittedAt).append(',');
        str(j, "site_code", s.siteCode).append(',');
        j.append("\"applicant\":{");
        str(j, "first_name", s.firstName).append(',');
        str(j, "last_name", s.lastName).append(',');
        str(j, "phone", s.isBlank(Submission.Field.PHONE) ? null
                : s.phone.substring(0, 3) + "-" + s.phone.substring(3, 6) + "-" + s.phone.substring(6)).append(',');
        str(j, "email", s.isBlank(Submission.Field.EMAIL) || s.email.isEmpty() ? null : s.email).append(',');
        str(j, "preferred_language", s.isBlank(Submission.Field.LANGUAGE) ? null : s.language.code).append(',');
        j.append("\"interpreter_needed\":").append(s.interpreterNeeded).append("},");
        j.append("\"address\":{");
        str(j, "line1", s.streetLine()).append(',');
        str(j, "line2", s.hasUnit() ? (s.unitType.equals("UNIT") ? "Unit " : "Apt ") + s.unitNumber : null).append(',');
        str(j, "city", s.cityAsWritten()).append(',');
        str(j, "state", "CA").append(',');
        str(j, "zip", s.zip.isEmpty() ? null : s.zip).append("},");
        j.append("\"household\":{");
        num(j, "size", s.isBlank(Submission.Field.HOUSEHOLD_SIZE) ? null : (long) s.householdSize).append(',');
        num(j, "children", s.isBlank(Submission.Field.CHILDREN) ? null : (long) s.children).append(',');
        num(j, "annual_income", s.isBlank(Submission.Field.INCOME) ? null : s.income).append("},");
        j.append("\"race_ethnicity\":");
        if (s.isBlank(Submission.Field.RACE)) {
            j.append("null");
        } else {
            j.append('[');
            String[] codes = r.nextDouble() < 0.04 ? new String[0] : s.raceCodes.split(";");
            for (int i = 0; i < codes.length; i++) {
                j.append(i > 0 ? "," : "").append('"').append(codes[i]).append('"');
            }
            j.append(']');
        }
        j.append(',');
        j.append("\"eviction_notice\":").append(r.nextDouble() < 0.45).append(',');
        num(j, "months_rent_owed", (long) monthsOwed);
        j.append('}');
        String line = j.toString();
        return switch (s.malformation) {
            case 1 -> line.substring(0, (int) (line.length() * (0.4 + 0.4 * r.nextDouble())));
            case 2 -> line.substring(0, line.length() - 1) + ",}";
            case 3 -> {
                int cut = line.indexOf("\"address\"");
                yield line.substring(0, cut) + "\n" + line.substring(cut);
            }
            default -> line;
        };
    }

    private static StringBuilder str(StringBuilder j, String key, String value) {
        j.append('"').append(key).append("\":");
        if (value == null) {
            return j.append("null");
        }
        GeoJsonWriter.string(j, value);
        return j;
    }

    private static StringBuilder num(StringBuilder j, String key, Long value) {
        return j.append('"').append(key).append("\":").append(value == null ? "null" : String.format(Locale.ROOT, "%d", value));
    }
}
