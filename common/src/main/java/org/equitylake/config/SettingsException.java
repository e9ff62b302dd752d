package org.equitylake.config;

/** A configuration problem, said in one line that names the key and where it came from. */
public final class SettingsException extends RuntimeException {
    public SettingsException(String message) {
        super(message);
    }
}
