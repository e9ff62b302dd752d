package org.equitylake.cli;

import org.equitylake.ops.BuildInfo;
import picocli.CommandLine;

final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        BuildInfo build = BuildInfo.current();
        return new String[] {"equity-lake " + build.version() + " (" + build.commit() + ")"};
    }
}
