package org.equitylake.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class NamesTest {
    @ParameterizedTest
    @CsvSource({
        "José, JOSE",
        "Nguyễn, NGUYEN",
        "Đặng, DANG",
        "Müller, MULLER",
        "Strauß, STRAUSS",
        "Søren, SOREN",
        "Łukasz, LUKASZ",
        "Zoë, ZOE",
        "Peña, PENA",
        "François, FRANCOIS",
        "Ærø, AERO",
        "O'Brien, OBRIEN",
        "O’Brien, OBRIEN",
        "García-López, GARCIA LOPEZ",
        "'  mary   ann ', MARY ANN",
        "St. John, ST JOHN",
        "'Smith, Jr.', SMITH JR",
        "de la Cruz, DE LA CRUZ",
        "ANNA, ANNA",
    })
    void normalizeStripsAccentsCaseAndPunctuation(String raw, String expected) {
        assertEquals(expected, Names.normalize(raw));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   ", "--", "'.'", "\t"})
    void normalizeIsNullWhenNothingIsLeft(String raw) {
        assertNull(Names.normalize(raw));
    }

    @Test
    void asciiIsReturnedWithoutCopying() {
        String s = "Plain Ascii";
        assertSame(s, Names.stripAccents(s));
        assertEquals("Jose Nguyen", Names.stripAccents("José Nguyễn"));
    }

    @ParameterizedTest
    @CsvSource({
        "Bob, ROBERT", "Bobby, ROBERT", "Rob, ROBERT", "Robert, ROBERT",
        "Bill, WILLIAM", "Will, WILLIAM", "Billy, WILLIAM",
        "Liz, ELIZABETH", "Beth, ELIZABETH", "Betty, ELIZABETH", "Elisabeth, ELIZABETH",
        "Kate, KATHERINE", "Katie, KATHERINE", "Catherine, KATHERINE", "Kathryn, KATHERINE",
        "Jim, JAMES", "Jimmy, JAMES", "Mike, MICHAEL", "Dick, RICHARD", "Rick, RICHARD",
        "Tom, THOMAS", "Joe, JOSEPH", "Dan, DANIEL", "Dave, DAVID", "Steve, STEVEN", "Stephen, STEVEN",
        "Tony, ANTHONY", "Chris, CHRISTOPHER", "Matt, MATTHEW", "Nick, NICHOLAS", "Andy, ANDREW",
        "Ed, EDWARD", "Ted, EDWARD", "Chuck, CHARLES", "Hank, HENRY", "Jack, JOHN", "Larry, LAWRENCE",
        "Jerry, GERALD", "Peggy, MARGARET", "Maggie, MARGARET", "Molly, MARY", "Jenny, JENNIFER",
        "Becky, REBECCA", "Sandy, SANDRA", "Sue, SUSAN", "Patty, PATRICIA", "Pat, PATRICK",
        "Pepe, JOSE", "Paco, FRANCISCO", "Pancho, FRANCISCO", "Lupe, GUADALUPE", "Lupita, GUADALUPE",
        "Chuy, JESUS", "Chucho, JESUS", "Jesús, JESUS", "José, JOSE", "Nacho, IGNACIO", "Lalo, EDUARDO",
        "Memo, GUILLERMO", "Toño, ANTONIO", "Kike, ENRIQUE", "Quique, ENRIQUE", "Lola, DOLORES",
        "Concha, CONCEPCION", "Charo, ROSARIO", "Chayo, ROSARIO", "Manolo, MANUEL", "Rafa, RAFAEL",
        "Tere, TERESA", "Theresa, TERESA", "Chela, GRACIELA", "Poncho, ALFONSO", "Beto, ALBERTO",
        "'  bOB ', ROBERT", "Xiomara, XIOMARA", "Bob Lee, ROBERT LEE", "Mary Jane, MARY JANE",
    })
    void canonicalFirstNameResolvesNicknames(String name, String formal) {
        assertEquals(formal, Names.canonicalFirstName(name));
    }

    @Test
    void theNicknameTableIsLargeAndOneToOne() {
        // Nicknames throws at class load if a nickname had two formal names.
        assertTrue(Nicknames.size() >= 80, "nicknames: " + Nicknames.size());
        assertNull(Names.canonicalFirstName("  "));
    }

    @ParameterizedTest
    @CsvSource({
        "Robert, R163", "Rupert, R163", "Rubin, R150", "Ashcraft, A261", "Tymczak, T522",
        "Pfister, P236", "Honeyman, H555", "Lee, L000", "Núñez, N520", "O'Hara, O600",
    })
    void soundexFollowsTheAmericanRules(String name, String code) {
        assertEquals(code, Names.soundex(name));
    }

    @Test
    void soundexOfNothingIsNull() {
        assertNull(Names.soundex(null));
        assertNull(Names.soundex("123"));
    }
}
