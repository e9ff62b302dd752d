package org.equitylake.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** An address-point record's columns normalise to the same address as the free-text line. */
class FromPartsTest {
    @ParameterizedTest(name = "{9}")
    @CsvSource(delimiter = ';', value = {
        // house; suffix; predir; name; type; postdir; unit type; unit number; zip; the same address as a line
        "123; ; N; First; Street; ; Apt; 4; 94110; 123 N. First Street Apt 4",
        "123; ; North; 1st; ST; ; Apartment; #4; 94110-1234; 123 north 1st st #4",
        "123; ; N; 1; St; ; ; 4; 94110; 123 N 1st St #4",
        "0123; ; n; FIRST; st.; ; unit; 4; 94110; 123 N 1ST ST., Unit 4",
        "1200; ; S.W.; Martin Luther King Jr; Blvd; ; ; ; 97214; 1200 SW Martin Luther King Jr Blvd",
        "1200; ; South West; Martin Luther King Jr.; Boulevard; ; ; ; 97214; 1200 SW Martin Luther King Jr Blvd",
        "77; ; ; Avenue B; ; ; ; ; 10009; 77 Avenue B",
        "77; ; ; Ave B; ; ; ; ; 10009; 77 Avenue B",
        "123; A; ; Main; St; ; ; ; 94110; 123-A Main St",
        "123A; ; ; Main; St; ; ; ; 94110; 123-A Main St",
        "123-A; ; ; Main; St; ; ; ; 94110; 123A Main St",
        "123; 1/2; ; Oak; Ave; ; ; ; 94110; 123 1/2 Oak Ave",
        "123 1/2; ; ; Oak; Ave; ; ; ; 94110; 123 1/2 Oak Ave",
        "123; ½; ; Oak; Ave; ; ; ; 94110; 123½ Oak Ave",
        "4500; ; ; El Camino Real; ; ; ; ; 94306; 4500 El Camino Real",
        "1; ; N; 1st; St; ; Suite; 200; 94110; 1 N 1st St Ste 200",
        "55; ; W; Twenty-First; Street; ; ; ; 10010; 55 W 21st St",
        "55; ; W; 21; St; ; ; ; 10010; 55 West Twenty First Street",
        "500; ; ; Main; St; NE; ; ; 94110; 500 Main Street North East",
        "500; ; ; Main; Stret; ; ; ; 94110; 500 Main St",
        "9; ; ; Calle Niño; ; ; ; ; 94110; 9 CALLE NINO",
        "123; ; ; N 1st St; ; ; ; ; 94110; 123 N 1st St",
        "123; ; ; North St; ; ; ; ; 94110; 123 North Street",
        "123; ; ; Main St N; ; ; Apt; 4-B; 94110; 123 Main St N Apt 4B",
        "123; ; ; Main; St; ; Rear; ; 94110; 123 Main St Rear",
        "123; ; ; Main; St; ; ; ; 94110; 123 Main St",
    })
    void partsAndLineGiveOneKey(String house, String suffix, String predir, String name, String type,
            String postdir, String unitType, String unitNumber, String zip, String line) {
        NormalizedAddress parts = AddressNormalizer.fromParts(house, suffix, predir, name, type, postdir,
                unitType, unitNumber, zip);
        NormalizedAddress parsed = AddressNormalizer.parseLine(line, zip);
        assertEquals(parsed.key(), parts.key());
        assertEquals(parsed.streetKey(), parts.streetKey());
        assertNull(parts.problem());
    }

    @Test
    void columnsAreNormalisedOneByOne() {
        NormalizedAddress a = AddressNormalizer.fromParts(" 0042 ", "-b", "north", "twenty-second",
                "AVENUE", "s.e.", "Apartment", "#12-c", "94110-0001");
        assertEquals(new NormalizedAddress("42", "B", "N", "22ND", "AVE", "SE", "APT", "12C", "94110", false, null), a);
        assertEquals("42|B|N|22ND|AVE|SE|12C|94110", a.key());
    }

    @Test
    void unknownColumnValuesAreKeptCleaned() {
        NormalizedAddress a = AddressNormalizer.fromParts("7", null, "Up", "Hill", "Zig-Zag", null, "Cabin", "3", null);
        assertEquals("UP", a.predirectional());
        assertEquals("ZIGZAG", a.streetType());
        assertEquals("CABIN", a.unitType());
        assertNull(a.zip5());
    }

    @Test
    void aUnitNumberWithoutADesignatorGetsThePoundSign() {
        NormalizedAddress a = AddressNormalizer.fromParts("7", null, null, "Hill", "St", null, null, "3", null);
        assertEquals("#", a.unitType());
        assertEquals("3", a.unitNumber());
    }

    @Test
    void problems() {
        assertEquals(NormalizedAddress.EMPTY,
                AddressNormalizer.fromParts(null, "", " ", null, null, null, null, null, "94110").problem());
        assertEquals(NormalizedAddress.NO_HOUSE_NUMBER,
                AddressNormalizer.fromParts("", null, null, "Main", "St", null, null, null, null).problem());
        assertEquals(NormalizedAddress.NO_STREET_NAME,
                AddressNormalizer.fromParts("12", null, null, " ", null, null, null, null, null).problem());
        NormalizedAddress box = AddressNormalizer.fromParts(null, null, null, "PO Box 55", null, null, null, null, "94110");
        assertTrue(box.isPoBox());
        assertEquals(AddressNormalizer.parseLine("P.O. Box 55", "94110"), box);
        NormalizedAddress boxInHouseColumn = AddressNormalizer.fromParts("55", null, null, "PO Box", null, null, null, null, "94110");
        assertEquals(box, boxInHouseColumn);
        assertFalse(AddressNormalizer.fromParts("1", null, null, "Boxwood", "Ln", null, null, null, null).isPoBox());
    }
}
