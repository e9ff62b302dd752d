package org.equitylake.sample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/** Helpers shared by the program exports: rows broken on purpose, files delivered twice, which files get planted. */
final class ExportFiles {
    private ExportFiles() {}

    /** The CSV line of a record, broken the way its malformation says (see {@link Submission#malformation}). */
    static String csvLine(CsvWriter w, String[] values, int malformation, int streetColumn, SplittableRandom r) {
        switch (malformation) {
            case 1 -> {
                int keep = Math.max(2, values.length - 1 - r.nextInt(3));
                String[] cut = new String[keep];
                System.arraycopy(values, 0, cut, 0, keep);
                return w.join(cut);
            }
            case 2, 3 -> {
                String street = values[streetColumn].replace("\"", "");
                int space = street.indexOf(' ');
                String broken = malformation == 2
                        ? (space < 0 ? street + ", " : street.substring(0, space) + "," + street.substring(space))
                        : (space < 0 ? street + w.lineEnd() : street.substring(0, space) + w.lineEnd() + street.substring(space + 1));
                StringBuilder line = new StringBuilder();
                for (int i = 0; i < values.length; i++) {
                    if (i > 0) {
                        line.append(',');
                    }
                    line.append(i == streetColumn ? broken : w.field(values[i]));
                }
                return line.toString();
            }
            default -> {
                return w.join(values);
            }
        }
    }

    /** Copies an export under the next free day's name: the same bytes delivered twice. */
    static Path deliverAgain(Path original, LocalDate date, String suffix, Set<LocalDate> taken) {
        LocalDate again = date.plusDays(1);
        while (taken.contains(again) && again.getYear() == date.getYear()) {
            again = again.plusDays(1);
        }
        Path copy = original.resolveSibling(again + suffix);
        try {
            Files.copy(original, copy);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + original, e);
        }
        taken.add(again);
        return copy;
    }

    /** {@code count} distinct export slots (year * 1000 + index within the year), chosen away from the first and last export. */
    static Set<Integer> pickSlots(SplittableRandom r, List<Integer> candidates, int count, Set<Integer> excluded) {
        List<Integer> pool = new ArrayList<>(candidates);
        pool.removeAll(excluded);
        Set<Integer> chosen = new HashSet<>();
        while (chosen.size() < count && !pool.isEmpty()) {
            chosen.add(pool.remove(r.nextInt(pool.size())));
        }
        return chosen;
    }
}
