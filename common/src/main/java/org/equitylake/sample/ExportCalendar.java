package org.equitylake.sample;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * When each program's system exports: sparse weekdays, more of them in the enrolment season, and
 * always one on the last weekday of the year so no record is left unexported.
 */
final class ExportCalendar {
    /** Childcare exports per month: busy from May to September, when families register for the school year. */
    private static final int[] CHILDCARE_PER_MONTH = {1, 1, 2, 2, 3, 4, 4, 4, 3, 2, 1, 2};
    /** Share of childcare applications by month. */
    static final double[] CHILDCARE_APPLICATIONS_BY_MONTH = {0.04, 0.04, 0.06, 0.07, 0.10, 0.13, 0.15, 0.15, 0.10, 0.07, 0.04, 0.05};

    private ExportCalendar() {}

    static List<LocalDate> childcare(long seed, int year) {
        return dates(seed, 1, year, CHILDCARE_PER_MONTH);
    }

    static List<LocalDate> housingApplications(long seed, int year) {
        return dates(seed, 2, year, new int[] {2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2});
    }

    static List<LocalDate> housingAwards(long seed, int year) {
        return dates(seed, 3, year, new int[] {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1});
    }

    private static List<LocalDate> dates(long seed, int stream, int year, int[] perMonth) {
        SplittableRandom r = Rand.rng(seed, Rand.CALENDAR, stream, year);
        TreeSet<LocalDate> dates = new TreeSet<>();
        for (int m = 1; m <= 12; m++) {
            LocalDate first = LocalDate.of(year, m, 1);
            int length = first.lengthOfMonth();
            int wanted = perMonth[m - 1];
            TreeSet<LocalDate> month = new TreeSet<>();
            for (int attempt = 0; month.size() < wanted && attempt < 200; attempt++) {
                LocalDate d = first.plusDays(r.nextInt(length));
                if (isWeekday(d) && !(m == 12 && d.getDayOfMonth() > 24)) {
                    month.add(d);
                }
            }
            dates.addAll(month);
        }
        LocalDate last = LocalDate.of(year, 12, 31);
        while (!isWeekday(last)) {
            last = last.minusDays(1);
        }
        dates.add(last);
        return new ArrayList<>(dates);
    }

    static boolean isWeekday(LocalDate d) {
        return d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY;
    }
}
