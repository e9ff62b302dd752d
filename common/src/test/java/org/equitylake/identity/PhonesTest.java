package org.equitylake.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class PhonesTest {
    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "(415) 555-0134; 4155550134",
        "415-555-0134; 4155550134",
        "415.555.0134; 4155550134",
        "4155550134; 4155550134",
        "+1 (415) 555-0134; 4155550134",
        "1-415-555-0134; 4155550134",
        "14155550134; 4155550134",
        "'  415 555 0134  '; 4155550134",
        "Tel: 415/555-0134; 4155550134",
        "415-555-0134 x12; 4155550134",
        "415-555-0134 ext. 7; 4155550134",
        "415-555-0134, 415-555-0199; 4155550134",
        "415-555-0134 / 415-555-0199; 4155550134",
    })
    void normalizeToTenDigits(String raw, String expected) {
        assertEquals(expected, Phones.normalize(raw));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {
        "", "   ", "n/a", "555-0134", "415-555-013", "415-555-01345", "24155550134",
        "(015) 555-0134", "(115) 555-0134", "(911) 555-0134", "(415) 155-0134", "(415) 055-0134",
        "(415) 411-0134", "0000000000", "2222222222", "1-800-FLOWERS", "+44 20 7946 0958",
        "4155550134415"})
    void invalidNumbersAreNull(String raw) {
        assertNull(Phones.normalize(raw));
    }
}
