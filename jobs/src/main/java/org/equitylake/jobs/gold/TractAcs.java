package org.equitylake.jobs.gold;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.equitylake.indicators.AcsMath;
import org.equitylake.indicators.Estimate;

/** One tract's ACS tables of one release, as estimates with their 90 % margins. */
public final class TractAcs {
    private final String geoid;
    private final Map<String, Map<Integer, Double[]>> lines = new HashMap<>();

    public TractAcs(String geoid) {
        this.geoid = geoid;
    }

    public String geoid() {
        return geoid;
    }

    public TractAcs put(String tableId, int line, Double estimate, Double moe) {
        lines.computeIfAbsent(tableId, t -> new HashMap<>()).put(line, new Double[] {estimate, moe});
        return this;
    }

    /** A count line; a line not published counts as 0 households with no margin. */
    public Estimate count(String tableId, int line) {
        Double[] v = lines.getOrDefault(tableId, Map.of()).get(line);
        if (v == null || v[0] == null) {
            return Estimate.exact(0);
        }
        return new Estimate(Math.max(0, v[0]), v[1] == null ? 0 : Math.max(0, v[1]));
    }

    public boolean has(String tableId) {
        return lines.containsKey(tableId);
    }

    /** B19001 total households. */
    public Estimate households() {
        return count("B19001", 1);
    }

    /** The 16 B19001 income brackets. */
    public List<AcsMath.Bracket> incomeBrackets() {
        double[] e = new double[16];
        double[] m = new double[16];
        for (int i = 0; i < 16; i++) {
            Estimate x = count("B19001", i + 2);
            e[i] = x.value();
            m[i] = x.moe90();
        }
        return AcsMath.b19001(e, m);
    }

    /** B19013 median household income, null when not published. */
    public Double medianIncome() {
        return median("B19013", 1);
    }

    public Double medianIncomeMoe() {
        Double[] v = lines.getOrDefault("B19013", Map.of()).get(1);
        return v == null ? null : v[1];
    }

    /** A median line (B19013, B19019) as published, a top- or bottom-coded one at its bound; null without a sample. */
    public Double median(String tableId, int line) {
        Double[] v = lines.getOrDefault(tableId, Map.of()).get(line);
        return v == null ? null : v[0];
    }

    /**
     * Household counts by size, 1..7 (7 = seven or more), from B11016: family households of 2..7+
     * (lines 3-8) and, unless {@code familiesOnly}, nonfamily households of 1..7+ (lines 10-16).
     */
    public Estimate[] householdsBySize(boolean familiesOnly) {
        Estimate[] bySize = new Estimate[8];
        for (int s = 1; s <= 7; s++) {
            List<Estimate> parts = new ArrayList<>();
            if (s >= 2) {
                parts.add(count("B11016", s + 1));
            }
            if (!familiesOnly) {
                parts.add(count("B11016", s + 9));
            }
            bySize[s] = parts.isEmpty() ? Estimate.exact(0) : AcsMath.sum(parts);
        }
        bySize[0] = Estimate.exact(0);
        return bySize;
    }

    /** Share of households with people under 18 (B11005 line 2 of line 1), an ACS derived proportion. */
    public Estimate shareWithChildren() {
        Estimate total = count("B11005", 1);
        if (total.value() <= 0) {
            return Estimate.exact(0);
        }
        return AcsMath.proportion(count("B11005", 2), total);
    }

    /** Householders by race and ethnicity, in {@link Groups#RACE_GROUPS} order (B11001-like lines 2-6). */
    public Estimate[] householdsByRace() {
        Estimate[] out = new Estimate[Groups.RACE_GROUPS.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = count("B11001", i + 2);
        }
        return out;
    }

    /** Households by language group, in {@link Groups#LANGUAGE_GROUPS} order (C16002 lines 2, 3, 6, 9, 12). */
    public Estimate[] householdsByLanguage() {
        int[] line = {2, 3, 6, 9, 12};
        Estimate[] out = new Estimate[line.length];
        for (int i = 0; i < line.length; i++) {
            out[i] = count("C16002", line[i]);
        }
        return out;
    }

    /** Limited-English-speaking households: C16002 lines 4, 7, 10, 13. */
    public Estimate limitedEnglish() {
        return AcsMath.sum(List.of(count("C16002", 4), count("C16002", 7), count("C16002", 10), count("C16002", 13)));
    }

    /** Releases by year, tracts by GEOID, from rows of silver.acs_estimates. */
    public static Map<Integer, Map<String, TractAcs>> fromRows(List<Row> rows) {
        Map<Integer, Map<String, TractAcs>> out = new TreeMap<>();
        for (Row r : rows) {
            int year = r.getInt(r.fieldIndex("year"));
            String geoid = r.getString(r.fieldIndex("geoid"));
            Double e = r.isNullAt(r.fieldIndex("estimate")) ? null : r.getDouble(r.fieldIndex("estimate"));
            Double m = r.isNullAt(r.fieldIndex("moe")) ? null : r.getDouble(r.fieldIndex("moe"));
            out.computeIfAbsent(year, y -> new TreeMap<>()).computeIfAbsent(geoid, TractAcs::new)
                    .put(r.getString(r.fieldIndex("table_id")), r.getInt(r.fieldIndex("line")), e, m);
        }
        return out;
    }

    /** The release used for a program year: the latest not after it, or the earliest for years before any. */
    public static int releaseFor(int programYear, java.util.Set<Integer> releases) {
        if (releases.isEmpty()) {
            throw new IllegalStateException("silver.acs_estimates is empty: ingest the ACS tables first");
        }
        return releases.stream().filter(y -> y <= programYear).max(Integer::compare)
                .orElse(releases.stream().min(Integer::compare).orElseThrow());
    }
}
