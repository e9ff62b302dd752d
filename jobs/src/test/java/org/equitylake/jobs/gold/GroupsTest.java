package org.equitylake.jobs.gold;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class GroupsTest {
    @Test
    void incomeBandsAreRelativeToTheLimit() {
        assertEquals(Groups.UNDER_50, Groups.incomeBand(25_000.0, 50_000.0, true));
        assertEquals(Groups.FROM_50_TO_100, Groups.incomeBand(25_001.0, 50_000.0, true));
        assertEquals(Groups.FROM_50_TO_100, Groups.incomeBand(50_000.0, 50_000.0, true));
        assertEquals(Groups.OVER_LIMIT, Groups.incomeBand(50_001.0, 50_000.0, null));
        assertEquals(Groups.OVER_LIMIT, Groups.incomeBand(20_000.0, 50_000.0, false), "the eligibility decision wins");
        assertEquals(Groups.FROM_50_TO_100, Groups.incomeBand(52_000.0, 50_000.0, true),
                "an eligible bracket whose midpoint is over the limit stays in an eligible band");
        assertEquals(Groups.NOT_REPORTED, Groups.incomeBand(null, 50_000.0, true));
    }

    @Test
    void sizeLanguageRaceAndDistanceGroups() {
        assertEquals("1-2", Groups.sizeGroup(1));
        assertEquals("1-2", Groups.sizeGroup(2));
        assertEquals("3-4", Groups.sizeGroup(4));
        assertEquals("5+", Groups.sizeGroup(9));
        assertEquals(Groups.NOT_REPORTED, Groups.sizeGroup(0));
        assertEquals("english_only", Groups.languageGroup("en"));
        assertEquals("spanish", Groups.languageGroup("ES"));
        assertEquals("other_indo_european", Groups.languageGroup("fa"));
        assertEquals("asian_pacific_island", Groups.languageGroup("tl"));
        assertEquals("other_languages", Groups.languageGroup("am"));
        assertEquals(Groups.NOT_REPORTED, Groups.languageGroup("other"));
        Map<String, String> acs = Map.of("hispanic", "hispanic", "nhpi", "other_or_multiracial");
        assertEquals("other_or_multiracial", Groups.raceGroup("nhpi", acs));
        assertEquals(Groups.NOT_REPORTED, Groups.raceGroup("declined", acs));
        assertEquals(Groups.NOT_REPORTED, Groups.raceGroup(null, acs));
        assertEquals("under_0.5_mi", Groups.distanceBand(804.0));
        assertEquals("0.5_to_1_mi", Groups.distanceBand(804.672));
        assertEquals("1_to_2_mi", Groups.distanceBand(1609.344));
        assertEquals("2_mi_plus", Groups.distanceBand(5000.0));
        assertEquals(Groups.NOT_REPORTED, Groups.distanceBand(null));
        assertEquals("2-4", Groups.equityTier(4));
        assertEquals("5-7", Groups.equityTier(7));
        assertEquals("8-10", Groups.equityTier(8));
        assertEquals(Groups.UNSCORED, Groups.equityTier(null));
    }
}
