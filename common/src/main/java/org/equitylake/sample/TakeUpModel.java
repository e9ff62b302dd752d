package org.equitylake.sample;

/**
 * The planted effects: who applies and who is awarded. A household's yearly probability of
 * applying is
 * <pre>
 *   base x awareness(tract) x exp(-distance_km / distanceDecayKm) x householdSizeFactor^(size - 2, at least 0)
 *        x (eligible ? exp(tractIncomeContextSlope x z(tract)) : ineligibleApplicationFactor)
 * </pre>
 * capped at 0.95, where z is the tract's standardised log median income: lower-income families in
 * higher-income tracts apply more than lower-income families in low-income tracts. Eligible
 * applicants are awarded with {@code awardRateEligible}; applicants over the limit with
 * {@code overLimitAwardRateBase + overLimitAwardRateTractSlope x percentile(tract income)}.
 */
final class TakeUpModel {
    private final SampleCityParameters p;
    private final Population pop;
    private final TractProfiles profiles;
    private final ProgramSites sites;
    private final IncomeLimits limits;

    TakeUpModel(SampleCityParameters p, Population pop, TractProfiles profiles, ProgramSites sites, IncomeLimits limits) {
        this.p = p;
        this.pop = pop;
        this.profiles = profiles;
        this.sites = sites;
        this.limits = limits;
    }

    /** Whether the program is open to the household at all that year (childcare needs children). */
    boolean inScope(Program program, int h) {
        return program != Program.CHILDCARE || pop.children[h] > 0;
    }

    boolean eligible(Program program, int h, int year) {
        return inScope(program, h) && pop.income(h, year) <= limits.limit(program, year, pop.members[h]);
    }

    double applyProbability(Program program, int h, int year, boolean eligible) {
        if (!inScope(program, h)) {
            return 0;
        }
        int tract = pop.tract(h);
        double base = program == Program.CHILDCARE ? p.childcareBaseTakeUp() : p.housingGrantBaseTakeUp();
        double distance = sites.nearestKm(program, year, pop.x[h], pop.y[h]);
        double q = base * profiles.awareness[tract] * StrictMath.exp(-distance / p.distanceDecayKm())
                * StrictMath.pow(p.householdSizeFactor(), Math.max(0, pop.members[h] - 2))
                * (eligible ? StrictMath.exp(p.tractIncomeContextSlope() * profiles.incomeZ[tract]) : p.ineligibleApplicationFactor());
        return Math.min(0.95, q);
    }

    double awardProbability(int h, boolean eligible) {
        if (eligible) {
            return p.awardRateEligible();
        }
        return p.overLimitAwardRateBase() + p.overLimitAwardRateTractSlope() * profiles.incomePercentile[pop.tract(h)];
    }

    int housingFirstYear() {
        return p.housingGrantFirstYear();
    }
}
