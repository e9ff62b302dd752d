package org.equitylake.sample;

import java.nio.file.Path;

/**
 * Income limits by program, year and household size. Childcare follows the California practice of
 * a share (85 %) of the state median income, adjusted for family size with the HHS schedule
 * (52 % for one person rising 16 points a person to 132 % for six, then 3 points a person).
 * The housing grant uses HUD's "very low income" limit: 50 % of the area median income, adjusted
 * with HUD's schedule (70 % for one person to 132 % for eight) and rounded up to $50.
 */
final class IncomeLimits {
    static final int MAX_SIZE = 8;
    private static final double[] SMI_ADJUSTMENT = {0.52, 0.68, 0.84, 1.00, 1.16, 1.32, 1.35, 1.38};
    private static final double[] HUD_ADJUSTMENT = {0.70, 0.80, 0.90, 1.00, 1.08, 1.16, 1.24, 1.32};

    private final SampleCityParameters p;

    IncomeLimits(SampleCityParameters p) {
        this.p = p;
    }

    /** The limit for a household of {@code size} (clamped to 1..8) in {@code year}, USD a year. */
    long limit(Program program, int year, int size) {
        int s = Math.max(1, Math.min(MAX_SIZE, size)) - 1;
        if (program == Program.CHILDCARE) {
            double smi = p.stateMedianIncome4Person2016() * StrictMath.pow(1 + p.stateMedianIncomeGrowth(), year - 2016);
            return Math.round(p.childcareIncomeLimitShareOfSmi() * smi * SMI_ADJUSTMENT[s]);
        }
        double ami = p.areaMedianIncome4Person2021() * StrictMath.pow(1 + p.areaMedianIncomeGrowth(), year - 2021);
        return (long) Math.ceil(p.housingGrantIncomeLimitShareOfAmi() * ami * HUD_ADJUSTMENT[s] / 50) * 50;
    }

    void writeCsv(Path file, int firstYear, int lastYear) {
        try (CsvWriter w = new CsvWriter(file)) {
            w.row("program", "year", "household_size", "income_limit");
            for (Program program : Program.values()) {
                int from = program == Program.HOUSING_GRANT ? Math.max(firstYear, p.housingGrantFirstYear()) : firstYear;
                for (int year = from; year <= lastYear; year++) {
                    for (int size = 1; size <= MAX_SIZE; size++) {
                        w.row(program.code, Integer.toString(year), Integer.toString(size), Long.toString(limit(program, year, size)));
                    }
                }
            }
        }
    }
}
