package org.equitylake.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class SimilarityTest {
    private static final double EPS = 0.001;

    // Reference values: Winkler's census examples as tabulated in the Jaro-Winkler literature.
    @ParameterizedTest
    @CsvSource({
        "MARTHA, MARHTA, 0.944, 0.961",
        "DWAYNE, DUANE, 0.822, 0.840",
        "DIXON, DICKSONX, 0.767, 0.813",
        "CRATE, TRACE, 0.733, 0.733",
        "JELLYFISH, SMELLYFISH, 0.896, 0.896",
        "JONES, JOHNSON, 0.790, 0.832",
        "ABC, XYZ, 0.0, 0.0",
        "SAME, SAME, 1.0, 1.0",
        "A, A, 1.0, 1.0",
    })
    void jaroAndJaroWinklerMatchReferenceValues(String a, String b, double jaro, double jaroWinkler) {
        assertEquals(jaro, Similarity.jaro(a, b), EPS);
        assertEquals(jaroWinkler, Similarity.jaroWinkler(a, b), EPS);
        assertEquals(jaroWinkler, Similarity.jaroWinkler(b, a), EPS, "symmetric");
    }

    @Test
    void emptyAndNullStrings() {
        assertEquals(1.0, Similarity.jaroWinkler("", ""));
        assertEquals(1.0, Similarity.jaroWinkler(null, null));
        assertEquals(0.0, Similarity.jaroWinkler("", "ABC"));
        assertEquals(0.0, Similarity.jaroWinkler("ABC", null));
        assertEquals(0.0, Similarity.jaro(null, "ABC"));
    }

    @Test
    void thePrefixBoostStopsAtFourChars() {
        double j = Similarity.jaro("ABCDEFX", "ABCDEFY");
        assertEquals(j + 4 * 0.1 * (1 - j), Similarity.jaroWinkler("ABCDEFX", "ABCDEFY"), 1e-12);
    }

    @ParameterizedTest
    @CsvSource({
        "KITTEN, SITTING, 3",
        "SATURDAY, SUNDAY, 3",
        "FLAW, LAWN, 2",
        "STRET, STREET, 1",
        "ABC, ABC, 0",
        "'', ABC, 3",
        "ABC, '', 3",
        "'', '', 0",
        "AB, BA, 2",
    })
    void levenshteinDistances(String a, String b, int expected) {
        assertEquals(expected, Similarity.levenshtein(a, b));
        assertEquals(expected, Similarity.levenshtein(b, a));
    }

    @ParameterizedTest
    @CsvSource({
        "KITTEN, SITTING, 3, 3",
        "KITTEN, SITTING, 2, 3",
        "KITTEN, SITTING, 1, 2",
        "KITTEN, SITTING, 0, 1",
        "ABC, ABCDEFGH, 2, 3",
        "AVENU, AVENUE, 1, 1",
        "XXXXXXXX, AVENUE, 1, 2",
    })
    void boundedLevenshteinReturnsMaxPlusOneBeyondTheBound(String a, String b, int max, int expected) {
        assertEquals(expected, Similarity.levenshtein(a, b, max));
    }

    @Test
    void nullIsTheEmptyStringAndANegativeBoundIsRejected() {
        assertEquals(3, Similarity.levenshtein(null, "ABC"));
        assertThrows(IllegalArgumentException.class, () -> Similarity.levenshtein("A", "B", -1));
    }
}
