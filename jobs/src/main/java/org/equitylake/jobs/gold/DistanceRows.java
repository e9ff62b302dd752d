package org.equitylake.jobs.gold;

import java.util.ArrayList;
import java.util.List;
import org.equitylake.indicators.AcsMath;
import org.equitylake.indicators.DistanceDecay;
import org.equitylake.indicators.Estimate;

/**
 * gold.distance_equity and gold.distance_decay. Participants' distances are their own
 * (silver.site_access); eligible households are placed by spreading each tract's in-city eligible
 * estimate evenly over its address points, whose distances to the nearest open site are computed
 * here. Non-participants are eligible minus participants, so their figures exist only where the
 * participants' count is published.
 */
final class DistanceRows {
    static final List<String> BANDS = List.of(Groups.UNDER_50, Groups.FROM_50_TO_100, Groups.ALL_ELIGIBLE);

    private DistanceRows() {}

    /** Headline shares within a mile, for the scorecard. */
    record Headline(Double participantsWithinMile, Double eligibleWithinMile, Double lambdaKm) {}

    record Result(List<Gold.RowValues> equity, Gold.RowValues decay, Headline headline) {}

    static Result rows(ProgramYear py) {
        List<Gold.RowValues> equity = new ArrayList<>();
        Double participantsWithin = null;
        Double eligibleWithin = null;
        for (String band : BANDS) {
            String countKey = ProgramYear.incomeBandKey(band);
            String withinKey = ProgramYear.withinKey(band.equals(Groups.ALL_ELIGIBLE) ? ProgramYear.ALL : band);
            Long p = py.mask.published(countKey);
            Long within = py.mask.published(withinKey);
            boolean shown = p != null && within != null;
            List<ParticipantCube.Cell> cells = py.participants.stream()
                    .filter(c -> band.equals(Groups.ALL_ELIGIBLE) || c.incomeBand().equals(band)).toList();
            long withDistance = cells.stream().mapToLong(ParticipantCube.Cell::withDistance).sum();
            double distanceSum = cells.stream().mapToDouble(ParticipantCube.Cell::distanceSumM).sum();
            Double participantMean = withDistance > 0 ? distanceSum / withDistance : null;
            Double participantShare = shown && p > 0 ? (double) within / p : null;

            // Eligible households placed by distance.
            double e = 0;
            double eDistance = 0;
            double eWithDistance = 0;
            double eWithin = 0;
            List<Estimate> parts = new ArrayList<>();
            for (var entry : py.eligible.entrySet()) {
                Estimate est = entry.getValue().band(band);
                parts.add(est);
                e += est.value();
                SiteDistances.TractAccess a = py.access.get(entry.getKey());
                if (a != null && !Double.isNaN(a.meanDistanceM())) {
                    eDistance += est.value() * a.meanDistanceM();
                    eWithDistance += est.value();
                    eWithin += est.value() * a.shareWithinMile();
                }
            }
            Estimate eligible = new Estimate(e, AcsMath.sum(parts).moe90());
            Double eligibleMean = eWithDistance > 0 ? eDistance / eWithDistance : null;
            Double eligibleShare = e > 0 ? eWithin / e : null;
            if (band.equals(Groups.ALL_ELIGIBLE)) {
                participantsWithin = participantShare;
                eligibleWithin = eligibleShare;
            }
            equity.add(row(py, band, "participants", shown ? Double.valueOf(p) : null, shown ? 0.0 : null,
                    shown ? participantMean : null, participantShare, !shown));
            Double rest = shown ? e - p : null;
            boolean restShown = rest != null && rest > 0;
            Double restMean = restShown && eWithDistance - withDistance > 0
                    ? Math.max(0, (eDistance - distanceSum) / (eWithDistance - withDistance)) : null;
            Double restShare = restShown ? Math.max(0, Math.min(1, (eWithin - within) / rest)) : null;
            equity.add(row(py, band, "eligible_non_participants", restShown ? rest : null, restShown ? eligible.moe90() : null,
                    restMean, restShare, !shown));
            equity.add(row(py, band, Groups.ALL_ELIGIBLE, e, eligible.moe90(),
                    eligibleMean, eligibleShare, false));
        }
        Gold.RowValues decay = decay(py);
        Double lambda = (Double) decay.get("lambda_km");
        return new Result(equity, decay, new Headline(participantsWithin, eligibleWithin, lambda));
    }

    private static Gold.RowValues row(ProgramYear py, String band, String population, Double households, Double moe,
                                      Double mean, Double share, boolean suppressed) {
        return Gold.row().put("program", py.in.program()).put("year", py.in.year())
                .put("household_income_band", band).put("population", population)
                .put("households", households).put("households_moe90", moe)
                .put("mean_distance_m", mean).put("share_within_1_mile", share).put("is_suppressed", suppressed);
    }

    /** The eligible and enrolled households of each 400 m band, for the fit. */
    static List<DistanceDecay.Band> bands(ProgramYear py) {
        int n = ParticipantCube.DECAY_BINS + 1;
        double[] eligible = new double[n];
        double[] distance = new double[n];
        long[] enrolled = new long[n];
        py.eligible.forEach((t, e) -> {
            SiteDistances.TractAccess a = py.access.get(t);
            if (a == null || a.points() == 0) {
                return;
            }
            double perPoint = e.total().value() / a.points();
            for (int k = 0; k < n; k++) {
                eligible[k] += perPoint * a.binPoints()[k];
                distance[k] += perPoint * a.binDistanceSumM()[k];
            }
        });
        for (ParticipantCube.Cell c : py.participants) {
            if (c.decayBin() != null) {
                enrolled[c.decayBin()] += c.households();
            }
        }
        List<DistanceDecay.Band> bands = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            if (eligible[k] >= 1) {
                bands.add(new DistanceDecay.Band(distance[k] / eligible[k], eligible[k], enrolled[k]));
            }
        }
        return bands;
    }

    static Gold.RowValues decay(ProgramYear py) {
        List<DistanceDecay.Band> bands = bands(py);
        Gold.RowValues row = Gold.row().put("program", py.in.program()).put("year", py.in.year())
                .put("bands", bands.size()).put("band_width_m", ParticipantCube.DECAY_BIN_M);
        DistanceDecay.Fit fit;
        try {
            fit = DistanceDecay.fit(bands);
        } catch (IllegalArgumentException e) {
            return row.put("is_decay_significant", false).put("is_converged", false);
        }
        double perKm = fit.decayPerMetre() * 1000;
        return row.put("rate_at_site", Gold.finite(fit.a()))
                .put("lambda_km", Gold.finite(fit.lambdaMetres() / 1000))
                .put("lambda_lower95_km", Gold.finite(fit.lambdaLower95() / 1000))
                .put("lambda_upper95_km", Gold.finite(fit.lambdaUpper95() / 1000))
                .put("decay_per_km", Gold.finite(perKm)).put("decay_se_per_km", Gold.finite(fit.decaySe() * 1000))
                .put("is_decay_significant", fit.decayLower95() > 0)
                .put("dispersion", Gold.finite(fit.dispersion())).put("is_converged", fit.converged());
    }
}
