package org.equitylake.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UspsAbbreviationsTest {
    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvSource({
        "STREET, ST, STR", "AVENUE, AVE, AV", "BOULEVARD, BLVD, BOUL", "DRIVE, DR, DRV",
        "COURT, CT, CT", "LANE, LN, LN", "ROAD, RD, RD", "WAY, WAY, WY", "PLACE, PL, PL",
        "CIRCLE, CIR, CIRC", "PARKWAY, PKWY, PKY", "TERRACE, TER, TERR", "HIGHWAY, HWY, HIWAY",
        "EXPRESSWAY, EXPY, EXPW", "LOOP, LOOP, LOOPS", "SQUARE, SQ, SQR", "TRAIL, TRL, TRAILS",
        "ALLEY, ALY, ALLY", "FREEWAY, FWY, FRWY", "PLAZA, PLZ, PLZA", "CENTER, CTR, CENTRE",
        "CROSSING, XING, CRSSNG", "HEIGHTS, HTS, HT", "JUNCTION, JCT, JCTN", "TURNPIKE, TPKE, TRNPK",
    })
    void suffixesResolveFromPrimaryStandardAndCommonForms(String primary, String standard, String common) {
        assertEquals(standard, UspsAbbreviations.suffix(primary));
        assertEquals(standard, UspsAbbreviations.suffix(standard));
        assertEquals(standard, UspsAbbreviations.suffix(common));
        assertEquals(primary, UspsAbbreviations.suffixFullName(standard));
        assertEquals(primary, UspsAbbreviations.suffixFullName(common));
    }

    @Test
    void wordsThatAreMostlyNamesAreNoSuffix() {
        for (String w : new String[] {"MAIN", "MOUNT", "FORT", "PINE", "KEY", "REAL", "CAMINO", "NORTH"}) {
            assertNull(UspsAbbreviations.suffix(w), w);
        }
    }

    @ParameterizedTest
    @CsvSource({
        "APARTMENT, APT", "APT, APT", "#, #", "UNIT, UNIT", "SUITE, STE", "STE, STE", "SPACE, SPC",
        "SPC, SPC", "ROOM, RM", "FLOOR, FL", "FLR, FL", "BUILDING, BLDG", "LOT, LOT", "TRAILER, TRLR",
        "REAR, REAR", "BASEMENT, BSMT", "FRONT, FRNT", "PENTHOUSE, PH", "LOWER, LOWR", "UPPER, UPPR",
    })
    void unitDesignators(String word, String standard) {
        assertEquals(standard, UspsAbbreviations.unit(word));
    }

    @Test
    void onlyNumberFreeDesignatorsStandAlone() {
        assertTrue(UspsAbbreviations.unitStandsAlone("REAR"));
        assertTrue(UspsAbbreviations.unitStandsAlone("BSMT"));
        assertFalse(UspsAbbreviations.unitStandsAlone("APT"));
        assertFalse(UspsAbbreviations.unitStandsAlone("#"));
    }

    @ParameterizedTest
    @CsvSource({
        "NORTH, N", "N, N", "NRTH, N", "SOUTH, S", "SO, S", "EAST, E", "WEST, W", "NORTHEAST, NE",
        "NE, NE", "NORTHWEST, NW", "SOUTHEAST, SE", "SOUTHWEST, SW", "SW, SW",
    })
    void directionals(String word, String standard) {
        assertEquals(standard, UspsAbbreviations.direction(word));
    }

    @Test
    void everyTypoTargetIsASuffix() {
        for (String t : UspsAbbreviations.TYPO_TARGETS) {
            assertNotNull(UspsAbbreviations.suffix(t), t);
        }
    }
}
