package dev.vireo.command;

import dev.vireo.caps.Capability;
import dev.vireo.conf.model.RedirFilter;
import dev.vireo.conf.model.RedirFilterUsbDev;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The {@code filter=} value of {@code usb-redir}: the {@code <redirfilter>} rules as
 * {@code class:vendor:product:version:allow} joined by {@code |}, numbers in hex ({@code 0x08},
 * {@code 0x15E1}, version {@code 1.10} as the BCD {@code 0x0110}) and {@code -1} for "any", as
 * libvirt writes them. Every redirected device gets the same filter.
 */
final class UsbRedirFilter {

    private UsbRedirFilter() {
    }

    /** The value, or null when the domain has no rules. */
    static String of(BuildContext ctx) throws UnsupportedConfigurationException {
        RedirFilter filter = ctx.devices().getRedirfilter();
        if (filter == null || filter.getUsbdevs().isEmpty()) {
            return null;
        }
        if (!ctx.has(Capability.USB_REDIR_FILTER)) {
            throw new UnsupportedConfigurationException("<redirfilter>: USB redirection filters are not supported by "
                    + "this QEMU binary (capability 'usb-redir.filter')");
        }
        List<String> rules = new ArrayList<>();
        for (RedirFilterUsbDev rule : filter.getUsbdevs()) {
            rules.add(hex(rule.getUsbClass(), 2, "class") + ":" + hex(rule.getVendor(), 4, "vendor") + ":"
                    + hex(rule.getProduct(), 4, "product") + ":" + version(rule.getVersion()) + ":"
                    + (Boolean.TRUE.equals(rule.getAllow()) ? 1 : 0));
        }
        return String.join("|", rules);
    }

    private static String hex(String value, int digits, String what) throws UnsupportedConfigurationException {
        if (value == null || value.strip().equals("-1")) {
            return "-1";
        }
        String v = value.strip();
        if (v.startsWith("0x") || v.startsWith("0X")) {
            v = v.substring(2);
        }
        try {
            return String.format(Locale.ROOT, "0x%0" + digits + "X", Integer.parseInt(v, 16));
        } catch (NumberFormatException e) {
            throw new UnsupportedConfigurationException("<redirfilter><usbdev " + what + "='" + value + "'>: not a hex "
                    + "number; allowed: -1 or a number such as 0x" + "0".repeat(digits));
        }
    }

    /** {@code major.minor}, each part read in hex as USB's BCD release numbers are. */
    private static String version(String value) throws UnsupportedConfigurationException {
        if (value == null || value.strip().equals("-1")) {
            return "-1";
        }
        String[] parts = value.strip().split("\\.");
        try {
            if (parts.length != 2) {
                throw new NumberFormatException();
            }
            int major = Integer.parseInt(parts[0], 16);
            int minor = Integer.parseInt(parts[1], 16);
            return String.format(Locale.ROOT, "0x%04X", (major << 8) | minor);
        } catch (NumberFormatException e) {
            throw new UnsupportedConfigurationException("<redirfilter><usbdev version='" + value + "'>: allowed: -1 or "
                    + "major.minor such as 1.10");
        }
    }
}
