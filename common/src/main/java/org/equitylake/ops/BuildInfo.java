package org.equitylake.ops;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** Version and commit this build was made from, and when it was built (filled in by Maven resource filtering). */
public record BuildInfo(String version, String commit, String built) {
    public static BuildInfo current() {
        Properties p = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream("/equity-lake-build.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException ignored) {
            // An unreadable build stamp must not stop a run; "unknown" says so in ops.job_runs.
        }
        return new BuildInfo(clean(p.getProperty("version")), clean(p.getProperty("commit")), clean(p.getProperty("built")));
    }

    private static String clean(String value) {
        return value == null || value.isBlank() || value.startsWith("${") ? "unknown" : value;
    }
}
