package dev.vireo.protocol;

/**
 * {@code dominfo}: what virsh shows.
 *
 * @param id             the running domain's id, or null
 * @param cpuTimeSeconds CPU time used by a running domain's emulator, or null when not running
 */
public record DomainInfo(Integer id, String name, String uuid, String osType, String state,
                         int vcpus, long maxMemoryKiB, long usedMemoryKiB, boolean persistent,
                         boolean autostart, Double cpuTimeSeconds) {
}
