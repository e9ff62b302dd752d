package org.equitylake.cli;

import java.util.List;

/**
 * Commands from a module built on top of this one (serve-sql from serving), found with
 * {@link java.util.ServiceLoader} when that module is on the classpath. Keeps the heavier module's
 * dependencies (Hive) out of the jobs and their cluster jar.
 */
public interface CommandPlugin {
    /** Picocli command objects, each annotated with {@code @Command}. */
    List<Object> commands();
}
