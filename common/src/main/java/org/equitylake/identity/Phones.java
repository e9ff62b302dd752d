package org.equitylake.identity;

/** US phone numbers. Stateless and thread-safe. */
public final class Phones {
    private Phones() {}

    /**
     * The ten digits of a North American (NANP) number, or null. Accepts any punctuation and a
     * leading country code 1 ("+1 (415) 555-0134", "415.555.0134", "14155550134"); reading stops
     * at an extension ("x12", "ext 3"), a ',' or ';', or any separator after a complete number
     * ("415-555-0134 / 415-555-0199" is the first). Null unless the area
     * code and the exchange both start with 2-9 and neither is an N11 service code, and for a
     * filler number of one repeated digit.
     */
    public static String normalize(String s) {
        if (s == null) {
            return null;
        }
        char[] digits = new char[11];
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                if (n == digits.length) {
                    return null;
                }
                digits[n++] = c;
            } else if (n > 0 && (Character.isLetter(c) || c == ',' || c == ';' || isComplete(digits, n))) {
                break;
            }
        }
        int start = 0;
        if (n == 11 && digits[0] == '1') {
            start = 1;
        } else if (n != 10) {
            return null;
        }
        String number = new String(digits, start, 10);
        if (!isValidCode(number, 0) || !isValidCode(number, 3) || isOneDigit(number)) {
            return null;
        }
        return number;
    }

    /** Ten digits not starting with the country code, or eleven: whatever follows is not this number. */
    private static boolean isComplete(char[] digits, int n) {
        return (n == 10 && digits[0] != '1') || n == 11;
    }

    private static boolean isValidCode(String number, int at) {
        char first = number.charAt(at);
        boolean serviceCode = number.charAt(at + 1) == '1' && number.charAt(at + 2) == '1';
        return first >= '2' && !serviceCode;
    }

    private static boolean isOneDigit(String number) {
        for (int i = 1; i < number.length(); i++) {
            if (number.charAt(i) != number.charAt(0)) {
                return false;
            }
        }
        return true;
    }
}
