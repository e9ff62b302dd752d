package org.equitylake.geo;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Field-by-field results of {@link AddressNormalizer#parseLine}; an empty column expects null. */
class AddressNormalizerTest {
    private static void assertParts(String line, String house, String suffix, String pre, String name,
            String type, String post, String unitType, String unitNumber) {
        NormalizedAddress a = AddressNormalizer.parseLine(line, null);
        assertAll(line,
                () -> assertEquals(house, a.houseNumber(), "house number"),
                () -> assertEquals(suffix, a.houseNumberSuffix(), "house number suffix"),
                () -> assertEquals(pre, a.predirectional(), "predirectional"),
                () -> assertEquals(name, a.streetName(), "street name"),
                () -> assertEquals(type, a.streetType(), "street type"),
                () -> assertEquals(post, a.postdirectional(), "postdirectional"),
                () -> assertEquals(unitType, a.unitType(), "unit type"),
                () -> assertEquals(unitNumber, a.unitNumber(), "unit number"),
                () -> assertFalse(a.isPoBox()),
                () -> assertNull(a.problem(), "problem"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
        "123 N. First Street Apt 4;        123; ; N;  1ST; ST; ; APT; 4",
        "123 north 1st st #4;              123; ; N;  1ST; ST; ; #; 4",
        "'123 N 1ST ST., Unit 4B';         123; ; N;  1ST; ST; ; UNIT; 4B",
        "'  123  n 1st   STREET  ';        123; ; N;  1ST; ST; ; ; ",
        "123-A Main St;                    123; A; ;  MAIN; ST; ; ; ",
        "123 1/2 Oak Ave;                  123; 1/2; ; OAK; AVE; ; ; ",
        "123½ Oak Ave;                     123; 1/2; ; OAK; AVE; ; ; ",
        "4500 El Camino Real;              4500; ; ; EL CAMINO REAL; ; ; ; ",
        "77 Avenue B;                      77; ; ;  AVENUE B; ; ; ; ",
        "77 Ave. B;                        77; ; ;  AVENUE B; ; ; ; ",
        "1 N 1st St Ste 200;               1; ; N;  1ST; ST; ; STE; 200",
        "1200 SW Martin Luther King Jr Blvd; 1200; ; SW; MARTIN LUTHER KING JR; BLVD; ; ; ",
        "0123 Main St;                     123; ; ; MAIN; ST; ; ; ",
        "123A Main St;                     123; A; ; MAIN; ST; ; ; ",
        "123 A Main St;                    123; A; ; MAIN; ST; ; ; ",
        "123 C St Apt 4;                   123; ; ; C; ST; ; APT; 4",
        "123-45 Roosevelt Ave;             123-45; ; ; ROOSEVELT; AVE; ; ; ",
        "123 Broadway;                     123; ; ; BROADWAY; ; ; ; ",
        "123 Calle Niño;                   123; ; ; CALLE NINO; ; ; ; ",
        "123 O'Farrell St;                 123; ; ; OFARRELL; ST; ; ; ",
        "123 St. Paul Ave;                 123; ; ; ST PAUL; AVE; ; ; ",
        "123 Saint Paul Ave;               123; ; ; ST PAUL; AVE; ; ; ",
        "123 Mount Vernon Ave;             123; ; ; MT VERNON; AVE; ; ; ",
        "123 Highway 101;                  123; ; ; HIGHWAY 101; ; ; ; ",
        "123 Hwy 101;                      123; ; ; HIGHWAY 101; ; ; ; ",
        "123 County Road 12;               123; ; ; COUNTY ROAD 12; ; ; ; ",
        "123 Via Roma;                     123; ; ; VIA ROMA; ; ; ; ",
        "123 Park Ave;                     123; ; ; PARK; AVE; ; ; ",
    })
    void parsesFreeTextLines(String line, String house, String suffix, String pre, String name,
            String type, String post, String unitType, String unitNumber) {
        assertParts(line, house, suffix, pre, name, type, post, unitType, unitNumber);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
        "123 North Main St;         N;  MAIN; ST; ",
        "123 Nrth Main St;          N;  MAIN; ST; ",
        "123 No. Main St;           N;  MAIN; ST; ",
        "123 S. Main St;            S;  MAIN; ST; ",
        "123 So Main St;            S;  MAIN; ST; ",
        "123 East Main St;          E;  MAIN; ST; ",
        "123 West Main St;          W;  MAIN; ST; ",
        "123 Northeast Main St;     NE; MAIN; ST; ",
        "123 North East Main St;    NE; MAIN; ST; ",
        "123 N.E. Main St;          NE; MAIN; ST; ",
        "123 N E Main St;           NE; MAIN; ST; ",
        "123 southwest Main St;     SW; MAIN; ST; ",
        "123 Main St North;         ;   MAIN; ST; N",
        "123 Main St N.W.;          ;   MAIN; ST; NW",
        "123 Main St North West;    ;   MAIN; ST; NW",
        "123 Main St SE;            ;   MAIN; ST; SE",
        "123 Broadway E;            ;   BROADWAY; ; E",
        "123 N Main St S;           N;  MAIN; ST; S",
        "123 North St;              ;   NORTH; ST; ",
        "123 N North St;            N;  NORTH; ST; ",
        "123 E St;                  ;   E; ST; ",
        "123 West Ave;              ;   WEST; AVE; ",
        "123 Avenue N;              ;   AVENUE N; ; ",
        "123 North;                 ;   NORTH; ; ",
    })
    void directionalsAreAbbreviatedUnlessTheyAreTheName(String line, String pre, String name, String type, String post) {
        assertParts(line, "123", null, pre, name, type, post, null, null);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "Street, ST", "Str, ST", "St., ST", "Strt, ST", "Avenue, AVE", "Av, AVE", "Ave, AVE", "Aven, AVE",
        "Boulevard, BLVD", "Blvd, BLVD", "Boul, BLVD", "Drive, DR", "Dr, DR", "Drv, DR",
        "Court, CT", "Ct, CT", "Lane, LN", "Ln, LN", "Road, RD", "Rd, RD", "Way, WAY",
        "Place, PL", "Pl, PL", "Circle, CIR", "Cir, CIR", "Crcl, CIR", "Parkway, PKWY", "Pkwy, PKWY",
        "Pky, PKWY", "Terrace, TER", "Terr, TER", "Ter, TER", "Highway, HWY", "Hwy, HWY",
        "Expressway, EXPY", "Expy, EXPY", "Freeway, FWY", "Loop, LOOP", "Square, SQ", "Sq, SQ",
        "Trail, TRL", "Trl, TRL", "Alley, ALY", "Aly, ALY", "Plaza, PLZ", "Crossing, XING",
        "Heights, HTS", "Center, CTR", "Centre, CTR", "Point, PT", "Ridge, RDG", "Grove, GRV",
        "Hollow, HOLW", "Turnpike, TPKE", "Mall, MALL", "Walk, WALK", "Row, ROW", "Run, RUN",
        "Path, PATH", "Pike, PIKE", "Crescent, CRES", "Causeway, CSWY", "Commons, CMNS",
        // light typos, in the suffix position only
        "Stret, ST", "Streeet, ST", "Steet, ST", "Avenu, AVE", "Avnue, AVE", "Avenuee, AVE",
        "Boulevrd, BLVD", "Bulevard, BLVD", "Terace, TER", "Drivee, DR", "Cirle, CIR",
        "Parkwya, PKWY", "Higway, HWY", "Hihgway, HWY", "Expresway, EXPY", "Squre, SQ", "Traill, TRL",
    })
    void suffixesBecomeUspsAbbreviations(String suffix, String expected) {
        assertParts("500 Oak " + suffix, "500", null, null, "OAK", expected, null, null, null);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
        "123 Ethan Allen;      ETHAN ALLEN",
        "123 Crystal Palace;   CRYSTAL PALACE",
        "123 Sir Lance;        SIR LANCE",
        "123 Stret Main;       STRET MAIN",
        "123 Jury Trial;       JURY TRIAL",
        "123 Oak Trai;         OAK TRAI",
        "123 Pine;             PINE",
    })
    void wordsNearASuffixStayNames(String line, String name) {
        assertParts(line, "123", null, null, name, null, null, null, null);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = ';', value = {
        "First; 1ST", "1st; 1ST", "1ST; 1ST", "1; 1ST", "Second; 2ND", "2nd; 2ND", "2d; 2ND",
        "Third; 3RD", "3rd; 3RD", "3d; 3RD", "Fourth; 4TH", "Fifth; 5TH", "Ninth; 9TH", "Nineth; 9TH",
        "Tenth; 10TH", "Eleventh; 11TH", "11th; 11TH", "11st; 11TH", "Twelfth; 12TH", "12; 12TH",
        "Thirteenth; 13TH", "Nineteenth; 19TH", "Twentieth; 20TH", "Twenty-First; 21ST",
        "Twenty First; 21ST", "Twentyfirst; 21ST", "21st; 21ST", "21; 21ST", "Twenty-Second; 22ND",
        "Thirty-Third; 33RD", "Forty-Second; 42ND", "Fourty Second; 42ND", "Fiftieth; 50TH",
        "Seventy-Seventh; 77TH", "Ninety-Ninth; 99TH", "99; 99TH", "100th; 100TH", "101; 101ST",
        "111th; 111TH", "112; 112TH", "113rd; 113TH", "122; 122ND",
    })
    void ordinalStreetNamesTakeOneForm(String name, String expected) {
        assertParts("40 W " + name + " St", "40", null, "W", expected, "ST", null, null, null);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
        "Apt 4; APT; 4", "Apartment 4; APT; 4", "Apt. 4; APT; 4", "Apt #4; APT; 4", "Apt. No. 4; APT; 4",
        "#4; #; 4", "# 4; #; 4", "#4B; #; 4B", "Unit 4B; UNIT; 4B", "Unit 4-B; UNIT; 4B", "Unit A; UNIT; A",
        "Ste 200; STE; 200", "Suite 200; STE; 200", "Spc 12; SPC; 12", "Space 12; SPC; 12",
        "Rm 5; RM; 5", "Room 5; RM; 5", "Fl 2; FL; 2", "Floor 2; FL; 2", "2nd Floor; FL; 2",
        "Bldg C; BLDG; C", "Building C; BLDG; C", "Lot 7; LOT; 7", "Trlr 3; TRLR; 3",
        "Trailer 3; TRLR; 3", "Dept 9; DEPT; 9", "Bldg 5 Apt 3; APT; 3", "Apt 4 Bldg; APT; 4", "4B; #; 4B", "Apt; APT; ",
        "Rear; REAR; ", "Basement; BSMT; ", "Frnt; FRNT; ", "Penthouse; PH; ", ", Apt 12; APT; 12",
    })
    void unitsAreSplitOutOfTheStreetLine(String unit, String type, String number) {
        assertParts("123 Main St " + unit, "123", null, null, "MAIN", "ST", null, type, number);
    }

    @Test
    void aDesignatorWordInsideTheStreetNameIsNoUnit() {
        assertParts("123 N Front St", "123", null, "N", "FRONT", "ST", null, null, null);
        assertParts("123 N Front", "123", null, "N", "FRONT", null, null, null, null);
        assertParts("123 Lot Ave", "123", null, null, "LOT", "AVE", null, null, null);
        assertParts("123 Space Center Dr", "123", null, null, "SPACE CENTER", "DR", null, null, null);
        assertParts("123 Main St N Rear", "123", null, null, "MAIN", "ST", "N", "REAR", null);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = ';', value = {
        "94110; 94110", "94110-1234; 94110", "941101234; 94110", "94110 1234; 94110",
        "'  94110  '; 94110", "02134; 02134", "9411; ", "941100; ", "ABCDE; ", "94110-12; ",
        "00000; ", "00000-0000; ", "'';  ", "94l10; ",
    })
    void zipsAreFiveDigitsOrNull(String zip, String expected) {
        assertEquals(expected, AddressNormalizer.zip5(zip));
        assertEquals(expected, AddressNormalizer.parseLine("1 Main St", zip).zip5());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
        "PO Box 1234; 1234", "P.O. BOX 55; 55", "p o box 55; 55", "POBox 55; 55", "POB 55; 55",
        "Post Office Box 55; 55", "Box 55; 55", "PO BOX #55; 55", "P.O. Box No. 7; 7", "PO Box; ",
    })
    void poBoxesAreFlagged(String line, String box) {
        NormalizedAddress a = AddressNormalizer.parseLine(line, "94110");
        assertTrue(a.isPoBox());
        assertEquals(NormalizedAddress.PO_BOX, a.problem());
        assertEquals("PO BOX", a.streetName());
        assertEquals(box, a.houseNumber());
        assertEquals("94110", a.zip5());
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   ", " , . ", "---"})
    void blankLinesAreEmpty(String line) {
        NormalizedAddress a = AddressNormalizer.parseLine(line, "94110");
        assertEquals(NormalizedAddress.EMPTY, a.problem());
        assertNull(a.key());
        assertNull(a.streetKey());
        assertEquals("94110", a.zip5());
    }

    @Test
    void noiseNeverThrows() {
        String[] words = {"123", "N", "NORTH", "ST", "APT", "#", "4B", "-", "/", "1/2", "½", "PO", "BOX",
            "FL", "2ND", "REAR", "AVE", "B", "TWENTY", "FIRST", "-A", "#4", "NO", "HWY", "é", ".", ",", "00000",
            "99999999999"};
        Random random = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder b = new StringBuilder();
            for (int k = random.nextInt(8); k > 0; k--) {
                b.append(words[random.nextInt(words.length)]).append(random.nextBoolean() ? " " : "");
            }
            String s = b.toString();
            NormalizedAddress a = AddressNormalizer.parseLine(s, s);
            a.key();
            a.line();
            AddressNormalizer.fromParts(s, s, s, s, s, s, s, s, s).key();
            AddressNormalizer.fromParts(s, null, null, s, null, null, null, s, null).key();
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "Main St; no_house_number", "1st St; no_house_number", "N Main St Apt 4; no_house_number",
        "One Main St; no_house_number", "123; no_street_name", "123 #4; no_street_name",
    })
    void problemsAreNamed(String line, String problem) {
        NormalizedAddress a = AddressNormalizer.parseLine(line, null);
        assertEquals(problem, a.problem());
        assertNull(a.key(), "an unusable address has no key");
    }
}
