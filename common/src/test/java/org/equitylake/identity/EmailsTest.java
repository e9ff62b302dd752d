package org.equitylake.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class EmailsTest {
    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "jane.doe@example.com; jane.doe@example.com",
        "'  Jane.Doe@Example.COM  '; jane.doe@example.com",
        "MAILTO:jane@example.org; jane@example.org",
        "<jane@example.org>; jane@example.org",
        "j.doe+kids@gmail.com; j.doe+kids@gmail.com",
        "o'brien@example.co; o'brien@example.co",
        "user_1@mail.sub.example.org; user_1@mail.sub.example.org",
        "a@b-c.io; a@b-c.io",
    })
    void normalizeTrimsAndLowerCases(String raw, String expected) {
        assertEquals(expected, Emails.normalize(raw));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {
        "", "  ", "jane", "jane@", "@example.com", "jane@@example.com", "ja@ne@example.com",
        "jane@example", "jane@example.c", "jane@example.c0m", "jane doe@example.com",
        "jane..doe@example.com", ".jane@example.com", "jane.@example.com", "jane@-example.com",
        "jane@example-.com", "jane@example..com", "jane@.example.com", "josé@example.com",
        "jane@exa_mple.com", "n/a", "none@none", "jane(at)example.com"})
    void invalidAddressesAreNull(String raw) {
        assertNull(Emails.normalize(raw));
    }
}
