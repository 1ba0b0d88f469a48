package dev.vireo.cli;

import dev.vireo.client.Version;
import picocli.CommandLine;

/** {@code vireo --version}: the client's own version (the daemon's is {@code vireo version}). */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[]{"vireo " + Version.VALUE};
    }
}
