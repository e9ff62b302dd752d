package org.equitylake.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StreetWordsTest {
    @Test
    void tokenizeDropsPunctuationAndKeepsHouseNumberMarks() {
        assertEquals(List.of("123", "N", "1ST", "ST", "#", "4"), StreetWords.tokenize("123 N. 1st St.,#4"));
        assertEquals(List.of("PO", "BOX", "55"), StreetWords.tokenize("P.O. Box 55"));
        assertEquals(List.of("123-A", "OFARRELL", "ST"), StreetWords.tokenize("123-A O'Farrell St"));
        assertEquals(List.of("123", "1/2", "OAK"), StreetWords.tokenize("123½ Oak"));
        assertEquals(List.of("CALLE", "NINO"), StreetWords.tokenize("  calle   niño "));
        assertEquals(List.of("4", "B"), StreetWords.tokenize("-4- (B)"));
        assertEquals(List.of(), StreetWords.tokenize(null));
        assertEquals(List.of(), StreetWords.tokenize(" .,;- "));
    }

    @Test
    void splitDashesBreaksWordsAfterTheHouseNumber() {
        List<String> t = List.of("123-A", "TWENTY-FIRST", "ST", "4/B");
        assertEquals(List.of("TWENTY", "FIRST", "ST", "4", "B"), StreetWords.splitDashes(t, 1));
    }

    @Test
    void ordinalSuffixesFollowEnglish() {
        for (int n = 1; n <= 250; n++) {
            String suffix = (n % 100 >= 11 && n % 100 <= 13) ? "TH"
                    : n % 10 == 1 ? "ST" : n % 10 == 2 ? "ND" : n % 10 == 3 ? "RD" : "TH";
            assertEquals(n + suffix, StreetWords.ordinal(n));
        }
    }

    @ParameterizedTest
    @CsvSource({
        "FIRST, 1ST", "SECOND, 2ND", "THIRD, 3RD", "TWELFTH, 12TH", "TWENTIETH, 20TH",
        "TWENTYFIRST, 21ST", "NINETYNINTH, 99TH", "FOURTYSECOND, 42ND", "1ST, 1ST", "1TH, 1ST",
        "2D, 2ND", "3D, 3RD", "11ST, 11TH", "101ST, 101ST", "112ND, 112TH",
    })
    void ordinalWords(String word, String expected) {
        assertEquals(expected, StreetWords.ordinalWord(word));
    }

    @ParameterizedTest
    @CsvSource({"MAIN", "1", "1A", "4B", "TWENTY", "1234567TH", "ST", "FIRSTS"})
    void notOrdinalWords(String word) {
        assertNull(StreetWords.ordinalWord(word));
    }

    @ParameterizedTest
    @CsvSource({
        "STRET, ST", "STREEET, ST", "STEET, ST", "AVENU, AVE", "AVNUE, AVE", "BOULEVRD, BLVD",
        "BOLEVARD, BLVD", "DRIVVE, DR", "COURTT, CT", "TERACE, TER", "HIGWAY, HWY", "PARWAY, PKWY",
        "PARKWYA, PKWY", "SQUAR, SQ", "EXPRESWAY, EXPY", "CIRLE, CIR", "TERRANCE, TER",
    })
    void suffixTyposAreCorrected(String typo, String expected) {
        assertEquals(expected, StreetWords.correctSuffixTypo(typo));
    }

    @ParameterizedTest
    @CsvSource({"ALLEN", "PALACE", "LANCE", "TRIAL", "SQAURE", "STRAW", "DRIV", "AVE1", "FAIRWAY", "MIDWAY", "GRAND"})
    void wordsTooFarOrTooShortAreNotCorrected(String word) {
        assertNull(StreetWords.correctSuffixTypo(word));
    }

    @Test
    void nameWordsTakeOneForm() {
        assertEquals("21ST", StreetWords.name(List.of("TWENTY", "FIRST"), 0, 2, true));
        assertEquals("ST PAUL", StreetWords.name(List.of("SAINT", "PAUL"), 0, 2, true));
        assertEquals("FT WORTH", StreetWords.name(List.of("FORT", "WORTH"), 0, 2, false));
        assertEquals("AVENUE OF THE AMERICAS", StreetWords.name(List.of("AVE", "OF", "THE", "AMERICAS"), 0, 4, false));
        assertEquals("DR MARTIN LUTHER KING", StreetWords.name(List.of("DR", "MARTIN", "LUTHER", "KING"), 0, 4, false));
        assertEquals("5TH", StreetWords.name(List.of("5"), 0, 1, true));
        assertEquals("5", StreetWords.name(List.of("5"), 0, 1, false));
        assertNull(StreetWords.name(List.of("X"), 1, 1, true));
    }

    @Test
    void smallHelpers() {
        assertEquals("123", StreetWords.stripZeros("000123"));
        assertEquals("0", StreetWords.stripZeros("000"));
        assertEquals("4B", StreetWords.alphanumeric("#4-B"));
        assertNull(StreetWords.alphanumeric("#-"));
        assertEquals(true, StreetWords.isFraction("1/2"));
        assertEquals(false, StreetWords.isFraction("1/"));
    }
}
