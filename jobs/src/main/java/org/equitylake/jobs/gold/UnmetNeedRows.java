package org.equitylake.jobs.gold;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.equitylake.indicators.MaximalCoverage;

/**
 * gold.unmet_need (eligible households not served per tract, plain and weighted by distance) and
 * gold.siting_candidates (greedy maximal coverage of that unmet need beyond a mile of any open
 * site, {@link MaximalCoverage}).
 */
final class UnmetNeedRows {
    /** How many candidate sites the siting table lists per program-year. */
    static final int SITING_PICKS = 5;

    private UnmetNeedRows() {}

    /** Unserved eligible households of a tract: max(0, eligible − served), from the true count. */
    static double unmet(ProgramYear py, String tract) {
        return Math.max(0, py.eligible.get(tract).total().value() - py.mask.value(ProgramYear.tractKey(tract)));
    }

    static List<Gold.RowValues> rows(ProgramYear py) {
        List<String> ids = new ArrayList<>(py.in.tracts().keySet());
        Map<String, Double> unmet = new LinkedHashMap<>();
        Map<String, Double> weighted = new LinkedHashMap<>();
        Map<String, Double> reach = new LinkedHashMap<>();
        for (String t : ids) {
            double e = py.eligible.get(t).total().value();
            unmet.put(t, unmet(py, t));
            SiteDistances.TractAccess a = py.access.get(t);
            double mean = a == null ? Double.NaN : a.meanDistanceM();
            weighted.put(t, Double.isNaN(mean) ? 0 : unmet.get(t) * mean / Groups.MILE_M);
            reach.put(t, e >= 1 ? py.mask.value(ProgramYear.tractKey(t)) / e : Double.POSITIVE_INFINITY);
        }
        Map<String, Integer> unmetRank = ranks(ids, unmet, true);
        Map<String, Integer> weightedRank = ranks(ids, weighted, true);
        Map<String, Integer> reachRank = ranks(ids, reach, false);
        List<Gold.RowValues> rows = new ArrayList<>();
        for (String t : ids) {
            Long served = py.mask.published(ProgramYear.tractKey(t));
            boolean shown = served != null;
            var e = py.eligible.get(t).total();
            SiteDistances.TractAccess a = py.access.get(t);
            Double mean = a == null || Double.isNaN(a.meanDistanceM()) ? null : a.meanDistanceM();
            rows.add(Gold.row().put("program", py.in.program()).put("year", py.in.year()).put("acs_year", py.in.acsYear())
                    .put("tract_geoid", t).put("council_district", py.in.tracts().get(t).district())
                    .put("eligible_estimate", e.value()).put("eligible_moe90", e.moe90())
                    .put("served", served)
                    .put("reach", shown && e.value() >= 1 ? served / e.value() : null)
                    .put("unmet_estimate", shown ? unmet.get(t) : null).put("unmet_moe90", e.moe90())
                    .put("mean_distance_m", mean).put("share_within_1_mile", a == null ? null : a.shareWithinMile())
                    .put("distance_weighted_unmet", shown && mean != null ? weighted.get(t) : null)
                    .put("unmet_rank", unmetRank.get(t)).put("weighted_rank", weightedRank.get(t))
                    .put("reach_rank", reachRank.get(t))
                    .put("is_suppressed", !shown));
        }
        return rows;
    }

    /** Competition ranks (1, 2, 2, 4): ties share the smaller rank; ties broken for nothing else. */
    static Map<String, Integer> ranks(List<String> ids, Map<String, Double> value, boolean largestFirst) {
        List<String> order = new ArrayList<>(ids);
        Comparator<String> byValue = Comparator.comparingDouble(value::get);
        order.sort((largestFirst ? byValue.reversed() : byValue).thenComparing(Comparator.naturalOrder()));
        Map<String, Integer> rank = new HashMap<>();
        for (int i = 0; i < order.size(); i++) {
            boolean tie = i > 0 && value.get(order.get(i)).equals(value.get(order.get(i - 1)));
            rank.put(order.get(i), tie ? rank.get(order.get(i - 1)) : i + 1);
        }
        return rank;
    }

    static List<Gold.RowValues> siting(ProgramYear py) {
        List<CityGeography.Building> buildings = py.in.buildings();
        Map<String, Long> pointsOfTract = new HashMap<>();
        buildings.forEach(b -> pointsOfTract.merge(b.tract(), b.points(), Long::sum));
        Map<String, Double> demand = new LinkedHashMap<>();
        List<Integer> withDemand = new ArrayList<>();
        for (int i = 0; i < buildings.size(); i++) {
            CityGeography.Building b = buildings.get(i);
            if (!py.in.tracts().containsKey(b.tract()) || py.nearest[i] < Groups.MILE_M) {
                continue;
            }
            double w = unmet(py, b.tract()) * b.points() / pointsOfTract.get(b.tract());
            if (w > 0) {
                demand.put(Integer.toString(i), w);
                withDemand.add(i);
            }
        }
        List<Candidate> candidates = candidates(py);
        List<MaximalCoverage.Candidate> input = new ArrayList<>();
        for (Candidate c : candidates) {
            Set<String> covers = new HashSet<>();
            for (int i : withDemand) {
                CityGeography.Building b = buildings.get(i);
                if (SiteDistances.metres(c.lon, c.lat, b.lon(), b.lat()) <= Groups.MILE_M) {
                    covers.add(Integer.toString(i));
                }
            }
            input.add(new MaximalCoverage.Candidate(c.id, covers));
        }
        Map<String, Candidate> byId = new HashMap<>();
        candidates.forEach(c -> byId.put(c.id, c));
        List<Gold.RowValues> rows = new ArrayList<>();
        if (demand.isEmpty()) {
            return rows;
        }
        for (MaximalCoverage.Pick p : MaximalCoverage.greedy(input, demand, SITING_PICKS)) {
            Candidate c = byId.get(p.candidateId());
            rows.add(Gold.row().put("program", py.in.program()).put("year", py.in.year()).put("step", p.step())
                    .put("candidate_id", c.id).put("candidate_type", c.type).put("candidate_name", c.name)
                    .put("tract_geoid", c.tract).put("longitude", c.lon).put("latitude", c.lat)
                    .put("radius_m", Groups.MILE_M)
                    .put("newly_covered_estimate", p.marginalCoverage())
                    .put("cumulative_covered_estimate", p.cumulativeCoverage())
                    .put("cumulative_share", Math.min(1, p.cumulativeShare())));
        }
        return rows;
    }

    private record Candidate(String id, String type, String name, String tract, double lon, double lat) {}

    /** Facilities that do not host the program that year, and every tract's internal point. */
    private static List<Candidate> candidates(ProgramYear py) {
        List<Candidate> out = new ArrayList<>();
        for (CityGeography.Site s : py.in.sites()) {
            if (!s.serves(py.in.program(), py.in.year())) {
                out.add(new Candidate(s.code(), "facility", s.name(), tractAt(py, s.lon(), s.lat()), s.lon(), s.lat()));
            }
        }
        for (CityGeography.TractInfo t : py.in.tracts().values()) {
            if (t.lon() != null && t.lat() != null) {
                out.add(new Candidate("tract:" + t.geoid(), "tract_point",
                        t.name() == null ? null : "Census Tract " + t.name(), t.geoid(), t.lon(), t.lat()));
            }
        }
        return out;
    }

    /** The tract of the building nearest to a point. */
    private static String tractAt(ProgramYear py, double lon, double lat) {
        String tract = null;
        double best = Double.POSITIVE_INFINITY;
        for (CityGeography.Building b : py.in.buildings()) {
            double m = SiteDistances.metres(lon, lat, b.lon(), b.lat());
            if (m < best) {
                best = m;
                tract = b.tract();
            }
        }
        return tract;
    }
}
