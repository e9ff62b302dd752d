package org.equitylake.serving;

import java.util.List;
import org.equitylake.cli.CommandPlugin;

/** Adds serve-sql to the equity-lake command when this module is on the classpath (bin/equity-lake). */
public final class ServingCommands implements CommandPlugin {
    @Override
    public List<Object> commands() {
        return List.of(new ServeSqlCommand());
    }
}
