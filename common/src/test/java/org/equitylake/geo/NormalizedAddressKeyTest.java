package org.equitylake.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The match keys: one address written many ways gives one key, different addresses different keys. */
class NormalizedAddressKeyTest {
    private static NormalizedAddress parse(String line) {
        return AddressNormalizer.parseLine(line, "94110-1234");
    }

    @Test
    void keyFormats() {
        NormalizedAddress a = parse("123 N. First Street Apt 4");
        assertEquals("123||N|1ST|ST||4|94110", a.key());
        assertEquals("123||N|1ST|ST||94110", a.keyWithoutUnit());
        assertEquals("N|1ST|ST|", a.streetKey());
        assertEquals("123 N 1ST ST APT 4", a.line());
        NormalizedAddress b = AddressNormalizer.parseLine("123 1/2 Oak Ave SE Rear", null);
        assertEquals("123|1/2||OAK|AVE|SE|REAR|", b.key());
        assertEquals("123 1/2 OAK AVE SE REAR", b.line());
        NormalizedAddress box = AddressNormalizer.parseLine("P.O. Box 55", "94110");
        assertEquals("55|||PO BOX||||94110", box.key());
        assertEquals("PO BOX 55", box.line());
    }

    static Stream<Arguments> sameAddressWrittenManyWays() {
        return Stream.of(
                Arguments.of(List.of("123 N. First Street Apt 4", "123 north 1st st #4", "123 N 1ST ST., Unit 4",
                        "  123  n 1st   STREET  apartment 4 ", "123 Nrth First St Ste 4", "0123 N 1 St # 4",
                        "123 N FIRST STRET APT. 4", "123 n. 1st st., apt #4")),
                Arguments.of(List.of("1200 SW Martin Luther King Jr Blvd", "1200 S.W. Martin Luther King Jr. Blvd.",
                        "1200 Southwest Martin Luther King Jr Boulevard", "1200 south west martin luther king jr boulevrd")),
                Arguments.of(List.of("77 Avenue B", "77 Ave B", "77 Av. B", "77 avenue b")),
                Arguments.of(List.of("123-A Main St", "123A Main St", "123 A Main Street")),
                Arguments.of(List.of("55 W Twenty-First St", "55 West 21st Street", "55 W 21 St", "55 w twentyfirst st")),
                Arguments.of(List.of("9 Calle Niño", "9 CALLE NINO", "9 calle niño")),
                Arguments.of(List.of("500 Main St NE", "500 Main Street North East", "500 Main St. N.E.")),
                Arguments.of(List.of("PO Box 1234", "P.O. BOX 1234", "POBox 1234", "Post Office Box 1234")));
    }

    @ParameterizedTest
    @MethodSource("sameAddressWrittenManyWays")
    void theSameAddressWrittenManyWaysHasOneKey(List<String> lines) {
        String expected = parse(lines.get(0)).key();
        for (String line : lines) {
            assertEquals(expected, parse(line).key(), line);
        }
    }

    @ParameterizedTest(name = "{0} / {1}")
    @CsvSource(delimiter = ';', value = {
        "123 N 1st St; 124 N 1st St",
        "123 N 1st St; 123 S 1st St",
        "123 N 1st St; 123 N 2nd St",
        "123 N 1st St; 123 N 1st Ave",
        "123 N 1st St; 123 1st St N",
        "123 Main St; 123A Main St",
        "123 Main St; 123 1/2 Main St",
        "123 Main St Apt 4; 123 Main St Apt 5",
        "123 Main St Apt 4; 123 Main St",
        "123 Main St; 123 Maine St",
        "21 W 21st St; 21 W 22nd St",
        "77 Avenue B; 77 Avenue C",
    })
    void differentAddressesHaveDifferentKeys(String a, String b) {
        assertNotEquals(parse(a).key(), parse(b).key());
    }

    @Test
    void theUnitIsComparedByNumberOnly() {
        assertEquals(parse("10 Elm St Apt 4B").key(), parse("10 Elm St Unit 4B").key());
        assertEquals(parse("10 Elm St Apt 4B").key(), parse("10 Elm St #4B").key());
        assertEquals(parse("10 Elm St Apt 4").keyWithoutUnit(), parse("10 Elm St Apt 5").keyWithoutUnit());
        assertEquals(parse("10 Elm St Apt 4").keyWithoutUnit(), parse("10 Elm St").keyWithoutUnit());
        assertEquals(parse("10 N Elm St").streetKey(), parse("99 North Elm Street Apt 2").streetKey());
    }

    @Test
    void theZipIsPartOfTheKeyButNotOfTheStreetKey() {
        NormalizedAddress a = AddressNormalizer.parseLine("1 Main St", "94110");
        NormalizedAddress b = AddressNormalizer.parseLine("1 Main St", "94112");
        assertNotEquals(a.key(), b.key());
        assertEquals(a.streetKey(), b.streetKey());
        assertEquals("1|||MAIN|ST|||", AddressNormalizer.parseLine("1 Main St", "bad").key());
    }

    @Test
    void unusableAddressesHaveNoKeySoTheyNeverJoin() {
        assertNull(parse("Main St").key());
        assertNull(parse("Main St").keyWithoutUnit());
        assertEquals("|MAIN|ST|", parse("Main St").streetKey());
        assertNull(parse("").streetKey());
        assertNull(parse("123").key());
    }

    @Test
    void survivesJavaSerialization() throws IOException, ClassNotFoundException {
        NormalizedAddress a = parse("123 N 1st St Apt 4");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(a);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertEquals(a, in.readObject());
        }
    }

    @Test
    void parallelCallsAgreeWithSequentialOnes() {
        List<String> lines = IntStream.range(0, 2000)
                .mapToObj(i -> i + (i % 2 == 0 ? " N First Street Apt " : " south 42nd ave #") + (i % 7))
                .collect(Collectors.toList());
        List<String> sequential = lines.stream().map(l -> parse(l).key()).collect(Collectors.toList());
        List<String> parallel = lines.parallelStream().map(l -> parse(l).key()).collect(Collectors.toList());
        assertEquals(sequential, parallel);
    }
}
