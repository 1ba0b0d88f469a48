package dev.vireo.daemon.lifecycle;

import dev.vireo.conf.model.Domain;
import dev.vireo.conf.model.Graphics;
import dev.vireo.conf.model.GraphicsType;
import dev.vireo.monitor.Monitor;

import java.io.IOException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * A VNC or SPICE display with {@code passwd} gets {@code ,password} (VNC) or ticketing (SPICE) on
 * the command line, which only says a password is needed; the password itself is set over the
 * monitor before the guest runs, as libvirt does: {@code set_password}, then {@code
 * expire_password} at {@code passwdValidTo} (UTC when it names no zone) or never. Without it the
 * display would accept no one.
 */
final class GraphicsPasswords {
    private GraphicsPasswords() {
    }

    static void set(Domain live, Monitor monitor) throws IOException {
        if (live.getDevices() == null) return;
        for (Graphics g : live.getDevices().getGraphics()) {
            if (g.getPasswd() == null || (g.getType() != GraphicsType.VNC && g.getType() != GraphicsType.SPICE)) continue;
            String protocol = g.getType().xml();
            monitor.setPassword(protocol, g.getPasswd());
            monitor.expirePassword(protocol, g.getPasswdValidTo() == null ? "never" : Long.toString(epochSeconds(g.getPasswdValidTo())));
        }
    }

    private static long epochSeconds(String validTo) throws IOException {
        try {
            return OffsetDateTime.parse(validTo).toEpochSecond();
        } catch (DateTimeParseException noZone) {
            try {
                return LocalDateTime.parse(validTo).toEpochSecond(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                throw new IOException("passwdValidTo='" + validTo + "' is not a date and time such as 2030-01-31T12:00:00", e);
            }
        }
    }
}
