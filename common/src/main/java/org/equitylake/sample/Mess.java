package org.equitylake.sample;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Applies the record mess at the configured rates and counts, per kind, how many records it could
 * apply to and how many it did (the truth's mess_summary.csv). Kinds are tried in a fixed order;
 * each draw uses the record's own random stream.
 */
final class Mess {
    /** What the layout can carry, which decides the base of some kinds. */
    record Context(boolean insideCity, boolean numericIncome, boolean hasBirthDate, boolean mayBeMalformed) {}

    /** Applicable and applied counts of each kind, for one program entity. */
    static final class Counter {
        final long[] applicable = new long[MessKind.values().length];
        final long[] applied = new long[MessKind.values().length];

        void count(MessKind k, boolean didApply) {
            applicable[k.ordinal()]++;
            if (didApply) {
                applied[k.ordinal()]++;
            }
        }
    }

    private static final Map<String, String[]> TYPE_VARIANTS = Map.of(
            "St", new String[] {"Street", "ST.", "Str", "St.", ""}, "Ave", new String[] {"Avenue", "Av", "AVE.", "Ave.", ""},
            "Blvd", new String[] {"Boulevard", "Blvd.", "Bl", ""}, "Dr", new String[] {"Drive", "Dr.", "Drv", ""},
            "Way", new String[] {"Wy", "Way.", ""}, "Ln", new String[] {"Lane", "Ln.", ""},
            "Rd", new String[] {"Road", "Rd.", ""}, "Ct", new String[] {"Court", "Ct.", "Crt", ""});
    private static final Map<String, String[]> DIRECTION_VARIANTS = Map.of(
            "N", new String[] {"North", "N.", "No", ""}, "S", new String[] {"South", "S.", "So", ""},
            "E", new String[] {"East", "E.", ""}, "W", new String[] {"West", "W.", ""});
    private static final String[] ORDINAL_WORDS = {"First", "Second", "Third", "Fourth", "Fifth", "Sixth", "Seventh",
        "Eighth", "Ninth", "Tenth", "Eleventh", "Twelfth", "Thirteenth", "Fourteenth", "Fifteenth", "Sixteenth",
        "Seventeenth", "Eighteenth", "Nineteenth", "Twentieth", "Twenty-First", "Twenty-Second", "Twenty-Third",
        "Twenty-Fourth", "Twenty-Fifth", "Twenty-Sixth", "Twenty-Seventh", "Twenty-Eighth", "Twenty-Ninth", "Thirtieth"};
    private static final String[] PO_BOX = {"PO Box %d", "P.O. Box %d", "POB %d", "Post Office Box %d", "P O BOX %d"};
    private static final String[] NOT_HERE = {"Elmwood Pl", "Harbor Blvd", "Seaside Ave", "Pinecrest Ter", "Bayshore Hwy", "Lighthouse Ln"};
    private static final String[] NO_ADDRESS = {"General Delivery", "Homeless", "Unknown", "See notes", "N/A", ""};

    private final SampleCityParameters p;
    private final String[] zipCodes = AddressBook.zipCodes();

    Mess(SampleCityParameters p) {
        this.p = p;
    }

    private boolean draw(MessKind k, SplittableRandom r, Counter c, Submission s) {
        boolean hit = r.nextDouble() < p.messRate(k);
        c.count(k, hit);
        if (hit) {
            s.kinds.add(k);
        }
        return hit;
    }

    void apply(Submission s, Context ctx, SplittableRandom r, Counter c) {
        address(s, ctx, r, c);
        names(s, r, c);
        values(s, ctx, r, c);
        if (ctx.mayBeMalformed() && draw(MessKind.MALFORMED_ROW, r, c, s)) {
            s.malformation = 1 + r.nextInt(3);
        }
    }

    private void address(Submission s, Context ctx, SplittableRandom r, Counter c) {
        if (ctx.insideCity()) {
            if (draw(MessKind.PO_BOX, r, c, s)) {
                s.freeStreetLine = String.format(Locale.ROOT, Rand.pick(r, PO_BOX), 1 + r.nextInt(9999));
            } else if (draw(MessKind.UNMATCHABLE_ADDRESS, r, c, s)) {
                int variant = r.nextInt(3);
                s.freeStreetLine = switch (variant) {
                    case 0 -> (100 + r.nextInt(2900)) + " " + Rand.pick(r, NOT_HERE);
                    case 1 -> (20000 + r.nextInt(70000)) + " " + s.streetOnly();
                    default -> Rand.pick(r, NO_ADDRESS);
                };
            }
            if (!s.hasStreetAddress()) {
                s.unitNumber = "";
                s.unitType = "";
            }
        }
        if (s.hasStreetAddress()) {
            if (draw(MessKind.STREET_TYPE_VARIANT, r, c, s)) {
                s.streetType = Rand.pick(r, TYPE_VARIANTS.get(s.streetType));
            }
            if (draw(MessKind.DIRECTIONAL_VARIANT, r, c, s)) {
                if (!s.predirectional.isEmpty()) {
                    s.predirectional = Rand.pick(r, DIRECTION_VARIANTS.get(s.predirectional));
                } else {
                    s.postdirectional = Rand.pick(r, DIRECTION_VARIANTS.get(s.postdirectional));
                }
            }
            if (s.ordinal > 0 && draw(MessKind.ORDINAL_VARIANT, r, c, s)) {
                int v = r.nextInt(3);
                s.streetName = v == 0 ? ORDINAL_WORDS[s.ordinal - 1] : v == 1 ? Integer.toString(s.ordinal) : s.streetName.toUpperCase(Locale.ROOT);
            }
            if (draw(MessKind.STREET_TYPO, r, c, s)) {
                s.streetName = Text.typo(s.streetName, r);
            }
            if (s.hasUnit() && draw(MessKind.UNIT_IN_STREET_LINE, r, c, s)) {
                String type = s.unitType.equals("UNIT") ? "Unit" : "Apt";
                s.unitInLine = switch (r.nextInt(5)) {
                    case 0 -> " #" + s.unitNumber;
                    case 1 -> " " + type + " " + s.unitNumber;
                    case 2 -> ", " + type + " " + s.unitNumber;
                    case 3 -> " " + type.toUpperCase(Locale.ROOT) + ". " + s.unitNumber;
                    default -> " # " + s.unitNumber;
                };
                s.unitNumber = "";
                s.unitType = "";
            }
        }
        if (draw(MessKind.ZIP_MISSING, r, c, s)) {
            s.zip = "";
        } else if (draw(MessKind.ZIP_WRONG, r, c, s)) {
            s.zip = wrongZip(s.zip, r);
        }
        if (draw(MessKind.CASE_SPACING_NOISE, r, c, s)) {
            s.caseNoise = 1 + r.nextInt(3);
        }
    }

    private String wrongZip(String zip, SplittableRandom r) {
        double u = r.nextDouble();
        if (u < 0.3 && zip.charAt(3) != zip.charAt(4)) {
            return zip.substring(0, 3) + zip.charAt(4) + zip.charAt(3);
        }
        if (u < 0.5) {
            return zip.substring(0, 4);
        }
        String other;
        do {
            other = Rand.pick(r, zipCodes);
        } while (other.equals(zip));
        return other;
    }

    private void names(Submission s, SplittableRandom r, Counter c) {
        String[] nick = Names.nicknames(s.firstName);
        if (nick.length > 0 && draw(MessKind.NICKNAME, r, c, s)) {
            s.firstName = Rand.pick(r, nick);
        }
        if ((Text.hasAccents(s.firstName) || Text.hasAccents(s.lastName)) && draw(MessKind.ACCENT_VARIANT, r, c, s)) {
            s.firstName = Text.stripAccents(s.firstName);
            s.lastName = Text.stripAccents(s.lastName);
        }
        if (draw(MessKind.NAME_TYPO, r, c, s)) {
            if (r.nextBoolean()) {
                s.lastName = Text.typo(s.lastName, r);
            } else {
                s.firstName = Text.typo(s.firstName, r);
            }
        }
        if (draw(MessKind.NAME_SWAPPED, r, c, s)) {
            String f = s.firstName;
            s.firstName = s.lastName;
            s.lastName = f;
        }
    }

    private void values(Submission s, Context ctx, SplittableRandom r, Counter c) {
        if (draw(MessKind.IMPOSSIBLE_DATE, r, c, s)) {
            boolean birth = ctx.hasBirthDate() && r.nextBoolean();
            int y = birth ? s.childBirthDate.getYear() : s.applicationDate.getYear();
            int m = birth ? s.childBirthDate.getMonthValue() : s.applicationDate.getMonthValue();
            int d = birth ? s.childBirthDate.getDayOfMonth() : s.applicationDate.getDayOfMonth();
            int[] bad = switch (r.nextInt(7)) {
                case 0 -> new int[] {y, 2, 30};
                case 1 -> new int[] {y, 2, 31};
                case 2 -> new int[] {y, 4, 31};
                case 3 -> new int[] {y, 13, d};
                case 4 -> new int[] {y, m, 0};
                case 5 -> new int[] {1900, m, d};
                default -> new int[] {2099, m, d};
            };
            if (birth) {
                s.impossibleBirthDate = bad;
            } else {
                s.impossibleApplicationDate = bad;
            }
        }
        boolean incomeTouched = false;
        if (ctx.numericIncome()) {
            if (draw(MessKind.INCOME_NEGATIVE, r, c, s)) {
                s.income = s.income == 0 ? -1200 : -s.income;
                incomeTouched = true;
            } else if (draw(MessKind.INCOME_ABSURD, r, c, s)) {
                long[] absurd = {99_999_999L, 9_999_999L, Math.max(1, s.income) * 1000, 1_234_567_890L};
                s.income = absurd[r.nextInt(absurd.length)];
                incomeTouched = true;
            }
        }
        boolean sizeTouched = draw(MessKind.HOUSEHOLD_SIZE_ZERO, r, c, s);
        if (sizeTouched) {
            s.householdSize = 0;
        }
        if (draw(MessKind.MISSING_FIELDS, r, c, s)) {
            List<Submission.Field> candidates = new ArrayList<>();
            candidates.add(Submission.Field.PHONE);
            if (!s.email.isEmpty()) {
                candidates.add(Submission.Field.EMAIL);
            }
            if (!sizeTouched) {
                candidates.add(Submission.Field.HOUSEHOLD_SIZE);
            }
            if (!incomeTouched) {
                candidates.add(Submission.Field.INCOME);
            }
            candidates.add(Submission.Field.CHILDREN);
            if (ctx.hasBirthDate() && s.impossibleBirthDate == null) {
                candidates.add(Submission.Field.CHILD_BIRTH_DATE);
            }
            candidates.add(Submission.Field.LANGUAGE);
            candidates.add(Submission.Field.RACE);
            int n = r.nextDouble() < 0.7 ? 1 : 2;
            for (int i = 0; i < n; i++) {
                s.blank.add(candidates.remove(r.nextInt(candidates.size())));
            }
        }
    }
}
