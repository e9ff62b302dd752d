package org.equitylake.serving;

import com.typesafe.config.Config;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.equitylake.config.Settings;
import org.equitylake.config.SettingsException;

/** The {@code equity-lake.sql} section: where the endpoint listens and which metastore holds its catalog. */
public record SqlSettings(String host, int port, Metastore metastore, String derbyDir, String metastoreUri,
                          Duration refreshInterval, List<String> hiddenTables) {

    public enum Metastore { DERBY, HIVE, GLUE }

    public static SqlSettings of(Settings settings) {
        Config c = settings.config().getConfig(Settings.ROOT + ".sql");
        int port = c.getInt("port");
        if (port < 1 || port > 65535) {
            throw new SettingsException(Settings.ROOT + ".sql.port must be 1-65535, was " + port);
        }
        String type = c.getString("metastore.type").trim().toUpperCase(Locale.ROOT);
        Metastore metastore;
        try {
            metastore = Metastore.valueOf(type);
        } catch (IllegalArgumentException e) {
            throw new SettingsException(Settings.ROOT + ".sql.metastore.type must be derby, hive or glue, was " + type.toLowerCase(Locale.ROOT));
        }
        String uri = c.getString("metastore.uri").trim();
        if (metastore == Metastore.HIVE && uri.isEmpty()) {
            throw new SettingsException(Settings.ROOT + ".sql.metastore.uri is empty: a hive metastore needs thrift://host:port");
        }
        String derbyDir = c.getString("metastore.derby-dir").trim();
        if (metastore == Metastore.DERBY && derbyDir.isEmpty()) {
            if (settings.lakeRoot().contains("://") && !settings.lakeRoot().startsWith("file:")) {
                throw new SettingsException(Settings.ROOT + ".sql.metastore.derby-dir is empty and the lake is not local ("
                        + settings.lakeRoot() + "): set a local folder, or use a hive or glue metastore");
            }
            derbyDir = Path.of(settings.lakeRoot().replaceFirst("^file:", ""), "_metastore").toString();
        }
        return new SqlSettings(c.getString("host"), port, metastore,
                derbyDir.isEmpty() ? "" : Path.of(derbyDir).toAbsolutePath().normalize().toString(),
                uri, c.getDuration("refresh-interval"), List.copyOf(c.getStringList("hidden-tables")));
    }

    public String jdbcUrl(String schema) {
        return "jdbc:hive2://" + host + ":" + port + "/" + schema;
    }
}
