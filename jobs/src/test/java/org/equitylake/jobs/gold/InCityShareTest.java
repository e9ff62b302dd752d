package org.equitylake.jobs.gold;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class InCityShareTest {
    private static CityGeography.TractInfo tract(String id, long points, double areal) {
        return new CityGeography.TractInfo(id, id, "1", 0.0, 0.0, points, areal);
    }

    private static TractAcs households(String id, double h) {
        return new TractAcs(id).put("B19001", 1, h, 10.0);
    }

    @Test
    void edgeTractsAreApportionedByAddressPoints() {
        Map<String, CityGeography.TractInfo> tracts = new TreeMap<>();
        tracts.put("A", tract("A", 100, 1.0));
        tracts.put("B", tract("B", 100, 0.999));
        tracts.put("C", tract("C", 60, 0.5));
        tracts.put("D", tract("D", 50, 0.3));
        tracts.put("E", tract("E", 10, 0.2));
        Map<String, TractAcs> acs = Map.of("A", households("A", 90), "B", households("B", 110), "C", households("C", 100),
                "D", households("D", 40), "E", households("E", 0));

        Map<String, Double> share = InCityShare.of(tracts, acs);

        assertEquals(1.0, share.get("A"));
        assertEquals(1.0, share.get("B"));
        // One household per address point inside (200 / 200): 60 of C's 100 households live in the city.
        assertEquals(0.6, share.get("C"), 1e-12);
        assertEquals(1.0, share.get("D"), "capped at 1");
        assertEquals(0.2, share.get("E"), "no households: the area share");
    }
}
