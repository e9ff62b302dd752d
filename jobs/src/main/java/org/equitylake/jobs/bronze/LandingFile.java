package org.equitylake.jobs.bronze;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A file (or, for a shapefile, its set of sidecar files) found in the landing zone.
 * {@code relativePath} is relative to the landing root and always uses '/'.
 */
public record LandingFile(String path, String relativePath, long bytes, String contentHash, List<String> parts)
        implements Serializable {

    private static final Pattern EXPORT_DATE = Pattern.compile("^(\\d{4}-\\d{2}-\\d{2})_");
    private static final Pattern YEAR = Pattern.compile("(?<!\\d)((?:19|20)\\d{2})(?!\\d)");

    public String fileName() {
        return relativePath.substring(relativePath.lastIndexOf('/') + 1);
    }

    /** The export day a program file carries in its name ({@code yyyy-mm-dd_...}). */
    public Optional<LocalDate> exportDate() {
        return exportDateOf(relativePath);
    }

    /** {@link #exportDate()} of a path, before the file is read. */
    public static Optional<LocalDate> exportDateOf(String path) {
        Matcher m = EXPORT_DATE.matcher(path.substring(path.lastIndexOf('/') + 1));
        if (!m.find()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(m.group(1)));
        } catch (java.time.format.DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** The year the file speaks of: its export year, else the first year in its name (ACSDT5Y2019, tl_2019_...). */
    public Optional<Integer> fileYear() {
        Optional<LocalDate> date = exportDate();
        if (date.isPresent()) {
            return Optional.of(date.get().getYear());
        }
        Matcher m = YEAR.matcher(fileName());
        return m.find() ? Optional.of(Integer.parseInt(m.group(1))) : Optional.empty();
    }
}
