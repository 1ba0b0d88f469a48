package dev.vireo.protocol;

/**
 * {@code version}: the daemon's version and the default emulator's.
 *
 * @param hypervisorVersion major*1000000 + minor*1000 + micro, or 0 when no emulator was found
 */
public record VersionInfo(String daemonVersion, String hypervisor, long hypervisorVersion) {
}
