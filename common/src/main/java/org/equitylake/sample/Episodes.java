package org.equitylake.sample;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * One program-year planned before a line is written: which households apply (an episode each),
 * whether they are eligible and awarded, and every record they leave (the first, an in-season
 * duplicate, padding for a benchmark) with its application day, sorted by day. Only primitive
 * arrays, sized by applicants, so a year at benchmark size stays small.
 */
final class Episodes {
    /** Thinning and padding so a benchmark can ask for a record count the model would not give. */
    record Volume(double keep, double extraMean) {
        static final Volume NATURAL = new Volume(1, 0);

        static Volume of(GenerationContext ctx, Program program, long target) {
            if (target <= 0) {
                return NATURAL;
            }
            double expected = 0;
            int from = program == Program.HOUSING_GRANT ? Math.max(ctx.firstYear(), ctx.params().housingGrantFirstYear()) : ctx.firstYear();
            for (int year = from; year <= ctx.lastYear(); year++) {
                for (int h = 0; h < ctx.pop().size; h++) {
                    if (ctx.pop().inCity(h) && ctx.model().inScope(program, h)) {
                        boolean eligible = ctx.model().eligible(program, h, year);
                        expected += ctx.model().applyProbability(program, h, year, eligible);
                    }
                }
            }
            double outside = ctx.params().messRate(MessKind.OUTSIDE_CITY);
            double dup = ctx.params().messRate(MessKind.DUPLICATE_IN_SEASON);
            double records = expected / Math.max(0.01, 1 - outside) * (1 + dup);
            if (records <= 0) {
                return NATURAL;
            }
            double ratio = target / records;
            return ratio <= 1 ? new Volume(ratio, 0) : new Volume(1, (ratio - 1) * (1 + dup));
        }
    }

    final Program program;
    final int year;
    int count;
    int[] household = new int[256];
    boolean[] eligible = new boolean[256];
    boolean[] awarded = new boolean[256];
    int[] firstDay = new int[256];
    long[] stubs = new long[512];
    int stubCount;

    private Episodes(Program program, int year) {
        this.program = program;
        this.year = year;
    }

    static Episodes plan(GenerationContext ctx, Program program, int year, LocalDate lastExport, Volume volume, Mess.Counter counter) {
        Episodes e = new Episodes(program, year);
        Population pop = ctx.pop();
        TakeUpModel model = ctx.model();
        long seed = ctx.seed();
        int inside = 0;
        int outsidePool = 0;
        for (int h = 0; h < pop.size; h++) {
            if (!model.inScope(program, h)) {
                continue;
            }
            boolean eligible = model.eligible(program, h, year);
            ctx.truth().countHousehold(program, year, pop.tract(h), pop.inCity(h), eligible);
            if (!pop.inCity(h)) {
                outsidePool++;
                continue;
            }
            double p = model.applyProbability(program, h, year, eligible) * volume.keep();
            if (Rand.unit(seed, Rand.TAKE_UP, program.ordinal(), year, h) < p) {
                e.add(ctx, h, eligible);
                inside++;
            }
        }
        double outsideRate = ctx.params().messRate(MessKind.OUTSIDE_CITY);
        double wanted = outsideRate >= 1 ? outsidePool : inside * outsideRate / (1 - outsideRate);
        double share = outsidePool == 0 ? 0 : Math.min(1, wanted / outsidePool);
        for (int h = 0; h < pop.size; h++) {
            if (!pop.inCity(h) && model.inScope(program, h) && Rand.unit(seed, Rand.OUTSIDE, program.ordinal(), year, h) < share) {
                e.add(ctx, h, model.eligible(program, h, year));
            }
        }
        e.records(ctx, lastExport, volume, counter);
        return e;
    }

    private void add(GenerationContext ctx, int h, boolean isEligible) {
        if (count == household.length) {
            household = Arrays.copyOf(household, count * 2);
            eligible = Arrays.copyOf(eligible, count * 2);
            awarded = Arrays.copyOf(awarded, count * 2);
            firstDay = Arrays.copyOf(firstDay, count * 2);
        }
        household[count] = h;
        eligible[count] = isEligible;
        awarded[count] = Rand.unit(ctx.seed(), Rand.AWARD, program.ordinal(), year, h) < ctx.model().awardProbability(h, isEligible);
        count++;
    }

    private void records(GenerationContext ctx, LocalDate lastExport, Volume volume, Mess.Counter counter) {
        int lastDay = lastExport.getDayOfYear();
        double dupRate = ctx.params().messRate(MessKind.DUPLICATE_IN_SEASON);
        for (int i = 0; i < count; i++) {
            int h = household[i];
            SplittableRandom r = Rand.rng(ctx.seed(), Rand.RECORD, program.ordinal(), year, h, -1);
            int day = Math.min(lastDay, applicationDay(r));
            firstDay[i] = day;
            stub(day, i, 0);
            int extras = r.nextDouble() < dupRate ? 1 : 0;
            extras += Rand.poisson(r, volume.extraMean());
            extras = Math.min(250, extras);
            counter.count(MessKind.DUPLICATE_IN_SEASON, extras > 0);
            for (int k = 1; k <= extras; k++) {
                stub(Math.min(lastDay, day + (k == 1 ? 3 + r.nextInt(38) : 1 + r.nextInt(60))), i, k);
            }
            ctx.truth().countApplicant(program, year, ctx.pop().tract(h), eligible[i], awarded[i]);
        }
        Arrays.sort(stubs, 0, stubCount);
    }

    /** Day of the year of an application: childcare follows the enrolment season, the grant the whole year. */
    private int applicationDay(SplittableRandom r) {
        if (program == Program.HOUSING_GRANT) {
            return 1 + r.nextInt(LocalDate.of(year, 12, 31).getDayOfYear());
        }
        int month = 1 + Rand.pick(r, ExportCalendar.CHILDCARE_APPLICATIONS_BY_MONTH);
        LocalDate first = LocalDate.of(year, month, 1);
        return first.plusDays(r.nextInt(first.lengthOfMonth())).getDayOfYear();
    }

    private void stub(int day, int episode, int k) {
        if (stubCount == stubs.length) {
            stubs = Arrays.copyOf(stubs, stubCount * 2);
        }
        stubs[stubCount++] = ((long) day << 40) | ((long) episode << 8) | k;
    }

    static int day(long stub) {
        return (int) (stub >>> 40);
    }

    static int episode(long stub) {
        return (int) ((stub >>> 8) & 0xFFFFFFFFL);
    }

    static int k(long stub) {
        return (int) (stub & 0xFF);
    }
}
