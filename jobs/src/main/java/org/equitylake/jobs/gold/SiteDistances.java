package org.equitylake.jobs.gold;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Distances from the city's buildings to the nearest open site of a program, and what they give
 * per tract: mean distance, share within a mile, and how the tract's address points spread over
 * the distance bands (the weights that place a tract's eligible households by distance).
 */
public final class SiteDistances {
    /** Mean Earth radius (IUGG), metres. */
    static final double EARTH_RADIUS_M = 6_371_008.8;

    private SiteDistances() {}

    /** Great-circle distance by the haversine formula, metres; within 0.5 % of the ellipsoid at city scale. */
    public static double metres(double lon1, double lat1, double lon2, double lat2) {
        double p1 = Math.toRadians(lat1);
        double p2 = Math.toRadians(lat2);
        double dp = p2 - p1;
        double dl = Math.toRadians(lon2 - lon1);
        double h = Math.sin(dp / 2) * Math.sin(dp / 2) + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
        return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
    }

    /** Per building, metres to the nearest of the sites; NaN when there is none. */
    public static double[] nearest(List<CityGeography.Building> buildings, List<CityGeography.Site> open) {
        double[] d = new double[buildings.size()];
        for (int i = 0; i < d.length; i++) {
            CityGeography.Building b = buildings.get(i);
            double best = Double.NaN;
            for (CityGeography.Site s : open) {
                double m = metres(b.lon(), b.lat(), s.lon(), s.lat());
                if (Double.isNaN(best) || m < best) {
                    best = m;
                }
            }
            d[i] = best;
        }
        return d;
    }

    /**
     * One tract's address points by distance: point counts per distance band and decay bin (and
     * the distance summed in each bin), mean distance, share within a mile. Distances unknown
     * (no open site) leave the bands empty and the mean NaN.
     */
    public record TractAccess(String tract, long points, double meanDistanceM, double shareWithinMile,
                              double[] bandPoints, double[] binPoints, double[] binDistanceSumM) {

        public double bandShare(int band) {
            return points == 0 ? 0 : bandPoints[band] / points;
        }
    }

    public static Map<String, TractAccess> byTract(List<CityGeography.Building> buildings, double[] nearest) {
        Map<String, double[]> sums = new LinkedHashMap<>();
        Map<String, double[]> bands = new LinkedHashMap<>();
        Map<String, double[]> bins = new LinkedHashMap<>();
        Map<String, double[]> binSums = new LinkedHashMap<>();
        int nBins = ParticipantCube.DECAY_BINS + 1;
        for (int i = 0; i < buildings.size(); i++) {
            CityGeography.Building b = buildings.get(i);
            double[] s = sums.computeIfAbsent(b.tract(), k -> new double[4]);
            double[] band = bands.computeIfAbsent(b.tract(), k -> new double[Groups.DISTANCE_BANDS.size()]);
            double[] bin = bins.computeIfAbsent(b.tract(), k -> new double[nBins]);
            double[] binSum = binSums.computeIfAbsent(b.tract(), k -> new double[nBins]);
            s[0] += b.points();
            if (!Double.isNaN(nearest[i])) {
                s[1] += b.points();
                s[2] += b.points() * nearest[i];
                s[3] += nearest[i] < Groups.MILE_M ? b.points() : 0;
                band[Groups.DISTANCE_BANDS.indexOf(Groups.distanceBand(nearest[i]))] += b.points();
                int k = Math.min((int) Math.floor(nearest[i] / ParticipantCube.DECAY_BIN_M), ParticipantCube.DECAY_BINS);
                bin[k] += b.points();
                binSum[k] += b.points() * nearest[i];
            }
        }
        Map<String, TractAccess> out = new LinkedHashMap<>();
        sums.forEach((tract, s) -> out.put(tract, new TractAccess(tract, (long) s[0],
                s[1] > 0 ? s[2] / s[1] : Double.NaN, s[0] > 0 ? s[3] / s[0] : 0,
                bands.get(tract), bins.get(tract), binSums.get(tract))));
        return out;
    }
}
