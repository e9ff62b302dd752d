package org.equitylake.jobs.bronze;

import java.util.Locale;

/** Landing headers carry spaces and punctuation that Delta column names may not: bronze uses snake_case. */
public final class BronzeColumns {
    private BronzeColumns() {}

    public static String of(String landingName) {
        String snake = landingName.trim()
                .replaceAll("([a-z])([A-Z])", "$1_$2")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "_")
                .replaceAll("^_+|_+$", "");
        return snake.isEmpty() ? "column" : Character.isDigit(snake.charAt(0)) ? "c_" + snake : snake;
    }
}
