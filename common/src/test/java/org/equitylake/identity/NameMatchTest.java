package org.equitylake.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NameMatchTest {
    private static final double EPS = 1e-9;

    @ParameterizedTest(name = "{0} {1} = {2} {3}")
    @CsvSource({
        "Maria, Garcia, Maria, Garcia",
        "Maria, Garcia, Garcia, Maria",
        "MARIA, GARCIA, maria, garcia",
        "José, Pérez, Jose, Perez",
        "Nguyễn, Văn, NGUYEN, VAN",
        "Bob, Smith, Robert, Smith",
        "Liz, Jones, Elizabeth, Jones",
        "Pepe, Hernández, José, Hernandez",
        "Lupe, Ramírez, Guadalupe, Ramirez",
        "Chuy, Ortega, Jesús, Ortega",
        "Paco, Ruiz, Francisco, Ruiz",
        "Smith, Bob, Robert, Smith",
        "Mary-Ann, O'Brien, Mary Ann, OBrien",
    })
    void theSamePersonWrittenDifferentlyScoresOne(String f1, String l1, String f2, String l2) {
        assertEquals(1.0, NameMatch.score(f1, l1, f2, l2), EPS);
        assertEquals(1.0, NameMatch.score(f2, l2, f1, l1), EPS);
    }

    @ParameterizedTest(name = "{0} {1} ~ {2} {3}")
    @CsvSource(nullValues = "null", value = {
        "José, Pérez, Jose, Perez",
        "Smith, Bob, Robert, Smith",
        "J, Smith, James, Smith",
        "Maria, Garcia Lopez, Maria, Garcia",
        "Mary-Ann, O'Brien, Marianne, Obrian",
        "null, Tran, Linh, Tran",
    })
    void namesNormalizedOnceScoreAsNamesNormalizedPerPair(String f1, String l1, String f2, String l2) {
        assertEquals(NameMatch.score(f1, l1, f2, l2),
                NameMatch.scoreNormalized(Names.normalize(f1), Names.normalize(l1), Names.normalize(f2), Names.normalize(l2)));
    }

    @Test
    void anInitialScoresBelowTheFullName() {
        assertEquals(0.4 * 0.9 + 0.6, NameMatch.score("J", "Smith", "James", "Smith"), EPS);
    }

    @Test
    void aDroppedSecondSurnameIsLikelyTheSamePerson() {
        assertEquals(0.4 + 0.6 * 0.95, NameMatch.score("Ana", "García López", "Ana", "Garcia"), EPS);
        assertEquals(1.0, NameMatch.score("Ana", "Garcia Lopez", "Ana", "Lopez Garcia"), EPS);
    }

    @ParameterizedTest(name = "{0} {1} ~ {2} {3} > {4}")
    @CsvSource({
        "Jonathan, Smith, Jonathon, Smith, 0.95",
        "Katherine, Johnson, Katharine, Jonson, 0.95",
        "Martha, Garcia, Marhta, Garcia, 0.95",
        "Maria, Gonzalez, Maria, Gonzales, 0.95",
        "Jose, Hernandez, Jose, Hernandes, 0.95",
    })
    void typosScoreHigh(String f1, String l1, String f2, String l2, double atLeast) {
        double s = NameMatch.score(f1, l1, f2, l2);
        assertTrue(s > atLeast && s < 1.0, "score " + s);
    }

    @ParameterizedTest(name = "{0} {1} vs {2} {3} < {4}")
    @CsvSource({
        "Maria, Garcia, John, Smith, 0.6",
        "Maria, Garcia, Jose, Garcia, 0.85",
        "Ana, Lopez, Ana, Kim, 0.75",
        "Robert, Smith, Roberta, Smythe, 0.95",
    })
    void differentPeopleScoreLower(String f1, String l1, String f2, String l2, double below) {
        double s = NameMatch.score(f1, l1, f2, l2);
        assertTrue(s < below, "score " + s);
    }

    @Test
    void aMissingPartIsDisagreementNotAMatch() {
        assertEquals(0.6, NameMatch.score(null, "Garcia", "Maria", "Garcia"), EPS);
        assertTrue(NameMatch.score("Maria", "  ", "Maria", "Garcia") < 0.6);
        assertEquals(0.0, NameMatch.score(null, null, null, null), EPS);
        assertEquals(0.0, NameMatch.score("", "", "", ""), EPS);
    }

    @Test
    void scoresStayInTheUnitIntervalAndAreSymmetric() {
        String[][] names = {
            {"Maria", "Garcia"}, {"José", "Pérez"}, {"Bob", "Smith"}, {"Ana", "García López"},
            {"J", "Smith"}, {null, "Lee"}, {"Nguyễn", "Văn"}, {"Xiomara", "De La Cruz"}};
        for (String[] a : names) {
            for (String[] b : names) {
                double ab = NameMatch.score(a[0], a[1], b[0], b[1]);
                double ba = NameMatch.score(b[0], b[1], a[0], a[1]);
                assertTrue(ab >= 0.0 && ab <= 1.0, "score " + ab);
                assertEquals(ab, ba, EPS, a[0] + " " + a[1] + " / " + b[0] + " " + b[1]);
            }
        }
    }
}
