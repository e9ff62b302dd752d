package org.equitylake.jobs.gold;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A six-tract city for the driver-side tests, with known answers: every tract has 200 eligible
 * households (a flat limit of $15,000 over the brackets of {@link EligibleEstimatorTest#tract()}),
 * two districts of three tracts, tract bands low/low/middle/middle/high/high, and participants
 * built one household per cell so each count is exactly what the test says.
 */
final class SyntheticCity {
    static final String PROGRAM = "p";
    static final int YEAR = 2024;
    static final List<String> TRACTS = List.of("06999000100", "06999000200", "06999000300", "06999000400", "06999000500", "06999000600");
    static final double[] LIMITS = {0, 15_000, 15_000, 15_000, 15_000, 15_000, 15_000, 15_000, 15_000};

    private SyntheticCity() {}

    static Map<String, CityGeography.TractInfo> tracts() {
        Map<String, CityGeography.TractInfo> out = new TreeMap<>();
        for (int i = 0; i < TRACTS.size(); i++) {
            out.put(TRACTS.get(i), new CityGeography.TractInfo(TRACTS.get(i), "50" + i, i < 3 ? "1" : "2",
                    0.01 * i, 0.005, 20, 1.0));
        }
        return out;
    }

    static Map<String, TractAcs> acs() {
        Map<String, TractAcs> out = new TreeMap<>();
        for (int i = 0; i < TRACTS.size(); i++) {
            TractAcs t = EligibleEstimatorTest.tract();
            TractAcs copy = new TractAcs(TRACTS.get(i));
            copyInto(t, copy);
            copy.put("B19013", 1, 30_000.0 + 10_000 * i, 5_000.0);
            copy.put("B11001", 1, 300.0, 40.0).put("B11001", 2, 100.0 + 20 * i, 30.0).put("B11001", 3, 200.0 - 20 * i, 30.0);
            out.put(TRACTS.get(i), copy);
        }
        return out;
    }

    private static void copyInto(TractAcs from, TractAcs to) {
        for (String table : List.of("B19001", "B11016", "B11005", "C16002")) {
            for (int line = 1; line <= 17; line++) {
                var e = from.count(table, line);
                if (from.has(table)) {
                    to.put(table, line, e.value(), e.moe90());
                }
            }
        }
    }

    static List<CityGeography.Building> buildings() {
        List<CityGeography.Building> out = new ArrayList<>();
        for (int i = 0; i < TRACTS.size(); i++) {
            out.add(new CityGeography.Building(TRACTS.get(i), 0.01 * i, 0.0, 10));
            out.add(new CityGeography.Building(TRACTS.get(i), 0.01 * i, 0.01, 10));
        }
        return out;
    }

    static List<CityGeography.Site> sites() {
        return List.of(new CityGeography.Site("S1", "Site one", List.of(PROGRAM), 2000, null, 0.0, 0.0),
                new CityGeography.Site("F1", "Library", List.of("other"), 2000, null, 0.05, 0.005));
    }

    /** Served eligible households per tract: one small (3) and one empty tract. */
    static final int[] SERVED = {40, 3, 0, 25, 50, 30};

    static List<ParticipantCube.Cell> cells() {
        List<ParticipantCube.Cell> cells = new ArrayList<>();
        int h = 0;
        for (int t = 0; t < TRACTS.size(); t++) {
            for (int k = 0; k < SERVED[t]; k++, h++) {
                cells.add(household(TRACTS.get(t), true, ParticipantCube.ELIGIBLE, h, 300.0 + 500 * t));
            }
        }
        for (int k = 0; k < 15; k++) {
            cells.add(household(TRACTS.get(0), true, ParticipantCube.OVER_LIMIT, h++, 300.0));
        }
        for (int k = 0; k < 12; k++) {
            cells.add(household(TRACTS.get(4), true, ParticipantCube.OVER_LIMIT, h++, 2500.0));
        }
        cells.add(household(TRACTS.get(3), true, ParticipantCube.UNKNOWN, h++, 2000.0));
        cells.add(household(TRACTS.get(3), true, ParticipantCube.UNKNOWN, h++, 2000.0));
        for (int k = 0; k < 7; k++) {
            cells.add(household(null, false, ParticipantCube.ELIGIBLE, h++, null));
        }
        cells.add(household(null, false, ParticipantCube.OVER_LIMIT, h++, null));
        return cells;
    }

    private static ParticipantCube.Cell household(String tract, boolean inCity, String eligibility, int i, Double distance) {
        String band = eligibility.equals(ParticipantCube.OVER_LIMIT) ? Groups.OVER_LIMIT
                : eligibility.equals(ParticipantCube.UNKNOWN) ? Groups.NOT_REPORTED
                : i % 2 == 0 ? Groups.UNDER_50 : Groups.FROM_50_TO_100;
        List<String> races = new ArrayList<>(Groups.RACE_GROUPS);
        races.add(Groups.NOT_REPORTED);
        return new ParticipantCube.Cell(YEAR, tract, inCity, eligibility, band, Groups.SIZE_GROUPS.get(i % 3),
                Groups.LANGUAGE_GROUPS.get(i % 5), races.get(i % 6), Groups.distanceBand(distance),
                distance == null ? null : (int) Math.floor(distance / ParticipantCube.DECAY_BIN_M),
                1, 0, 1000, distance == null ? 0 : distance, distance == null ? 0 : 1,
                distance != null && distance < Groups.MILE_M ? 1 : 0);
    }

    static ProgramYear programYear(List<ParticipantCube.Cell> cells, int threshold) {
        return programYear(cells, threshold, null);
    }

    /** @param childrenBySize for a program serving households with children only; null for one serving all */
    static ProgramYear programYear(List<ParticipantCube.Cell> cells, int threshold, ChildrenBySize.Fit childrenBySize) {
        return programYear(cells, threshold, childrenBySize, acs());
    }

    static ProgramYear programYear(List<ParticipantCube.Cell> cells, int threshold, ChildrenBySize.Fit childrenBySize,
                                   Map<String, TractAcs> acs) {
        Map<String, String> band = new LinkedHashMap<>();
        Map<String, String> tier = new LinkedHashMap<>();
        for (int i = 0; i < TRACTS.size(); i++) {
            band.put(TRACTS.get(i), Groups.TRACT_BANDS.get(i / 2));
            tier.put(TRACTS.get(i), i < 3 ? "8-10" : i == 3 ? "5-7" : "2-4");
        }
        return new ProgramYear(new ProgramYear.Input(PROGRAM, YEAR, YEAR, childrenBySize != null, childrenBySize, LIMITS, tracts(), acs, band, tier,
                buildings(), sites(), cells, threshold));
    }
}
