package dev.vireo.conf;

/** Small domain documents for tests, built around a device section. */
final class Domains {

    private Domains() {
    }

    /** A minimal QEMU guest whose {@code <devices>} hold {@code devices}. */
    static String withDevices(String devices) {
        return withDevices("", devices);
    }

    /** As {@link #withDevices(String)}, with extra top-level elements after {@code <currentMemory>}. */
    static String withDevices(String extraTop, String devices) {
        return """
                <domain type='qemu'>
                  <name>test</name>
                  <uuid>c7a5fdbd-edaf-9455-926a-d65c16db1809</uuid>
                  <memory unit='MiB'>256</memory>
                  %s
                  <os>
                    <type arch='x86_64' machine='pc'>hvm</type>
                  </os>
                  <devices>
                    <emulator>/usr/bin/qemu-system-x86_64</emulator>
                    %s
                  </devices>
                </domain>
                """.formatted(extraTop, devices);
    }
}
