package dev.vireo.caps;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The device models an emulator lists ({@code -device help}) and the properties it listed for some of
 * them ({@code -device NAME,help}). Built up from several outputs; a later listing of the same device
 * adds to the earlier one.
 */
public final class DeviceCatalog {

    private final Set<String> devices = new LinkedHashSet<>();
    private final Map<String, Set<String>> properties = new HashMap<>();

    void addDevice(String device) {
        devices.add(device);
    }

    void addProperty(String device, String property) {
        propertiesListed(device).add(property);
    }

    /** Records that the properties of {@code device} were listed, even if it turned out to have none. */
    Set<String> propertiesListed(String device) {
        return properties.computeIfAbsent(device, d -> new LinkedHashSet<>());
    }

    public boolean hasDevice(String device) {
        return devices.contains(device);
    }

    /** Whether properties of {@code device} were listed at all (so asking again would add nothing). */
    public boolean hasPropertiesOf(String device) {
        return properties.containsKey(device);
    }

    public boolean hasProperty(String device, String property) {
        return properties.getOrDefault(device, Set.of()).contains(property);
    }

    /** Whether any listed device has {@code property}. */
    public boolean anyDeviceHasProperty(String property) {
        return properties.values().stream().anyMatch(p -> p.contains(property));
    }
}
