package org.equitylake.jobs.gold;

import java.util.Map;
import java.util.TreeMap;

/**
 * The share of a tract's households that live inside the city. The ACS counts whole tracts, but
 * a program serves the city, and edge tracts reach beyond its limits.
 *
 * <p>Housing-unit-weighted apportionment (the approach of the Census Bureau's geographic
 * relationship files and of crosswalks such as Geocorr, which allocate by housing units rather than
 * by area): in-city households ≈ in-city address points × ρ, where ρ is households per address
 * point in the tracts wholly inside the city (Σ ACS households ÷ Σ address points over them). The
 * share is that over the tract's ACS households, at most 1. Tracts whose area lies (almost) wholly
 * inside the city keep a share of 1; without any such tract, or without households, the share of
 * the tract's area inside the city is used instead.
 */
public final class InCityShare {
    /** A tract with at least this share of its area inside the city counts as wholly inside. */
    public static final double WHOLLY_INSIDE = 0.995;

    private InCityShare() {}

    /** Share per tract of the universe, from its address points and the release's household counts. */
    public static Map<String, Double> of(Map<String, CityGeography.TractInfo> tracts, Map<String, TractAcs> acs) {
        double households = 0;
        double points = 0;
        for (CityGeography.TractInfo t : tracts.values()) {
            TractAcs a = acs.get(t.geoid());
            if (t.arealShare() >= WHOLLY_INSIDE && a != null) {
                households += a.households().value();
                points += t.addressPoints();
            }
        }
        double perPoint = points > 0 && households > 0 ? households / points : Double.NaN;
        Map<String, Double> out = new TreeMap<>();
        for (CityGeography.TractInfo t : tracts.values()) {
            TractAcs a = acs.get(t.geoid());
            double h = a == null ? 0 : a.households().value();
            double share;
            if (t.arealShare() >= WHOLLY_INSIDE) {
                share = 1;
            } else if (Double.isNaN(perPoint) || h <= 0) {
                share = t.arealShare();
            } else {
                share = Math.min(1, perPoint * t.addressPoints() / h);
            }
            out.put(t.geoid(), share);
        }
        return out;
    }
}
