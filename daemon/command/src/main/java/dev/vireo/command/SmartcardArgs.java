package dev.vireo.command;

import dev.vireo.caps.Capability;
import dev.vireo.conf.model.Address;
import dev.vireo.conf.model.AddressType;
import dev.vireo.conf.model.Smartcard;
import dev.vireo.conf.model.SmartcardMode;
import java.util.List;

/** A smartcard on the USB CCID controller (whose {@code usb-ccid} device the controllers section made). */
final class SmartcardArgs {

    /** NSS database the emulated card reads certificates from when none is named. */
    private static final String DEFAULT_DATABASE = "/etc/pki/nssdb";

    private SmartcardArgs() {
    }

    static void write(BuildContext ctx, ArgvWriter out) throws UnsupportedConfigurationException {
        List<Smartcard> cards = ctx.devices().getSmartcards();
        if (cards.isEmpty()) {
            return;
        }
        Smartcard card = cards.getFirst();
        Address a = card.getAddress();
        boolean firstSlot = a == null || (a.getType() == AddressType.CCID && DiskNames.orZero(a.getController()) == 0
                && DiskNames.orZero(a.getSlot()) == 0);
        if (cards.size() > 1 || !firstSlot) {
            throw new UnsupportedConfigurationException("<smartcard>: this QEMU binary supports one smartcard, in slot 0 "
                    + "of CCID controller 0");
        }
        String alias = ctx.alias(card);
        SmartcardMode mode = card.getMode() == null ? SmartcardMode.HOST : card.getMode();
        OptionString o = switch (mode) {
            case HOST -> {
                require(ctx, Capability.CCID_EMULATED, "host");
                yield new OptionString("ccid-card-emulated").add("backend", "nss-emulated");
            }
            case HOST_CERTIFICATES -> {
                require(ctx, Capability.CCID_EMULATED, "host-certificates");
                if (card.getCertificates().size() != 3) {
                    throw new UnsupportedConfigurationException("<smartcard mode='host-certificates'> needs exactly three "
                            + "<certificate> elements, not " + card.getCertificates().size());
                }
                OptionString emulated = new OptionString("ccid-card-emulated").add("backend", "certificates");
                for (int i = 0; i < 3; i++) {
                    emulated.addEscaped("cert" + (i + 1), card.getCertificates().get(i));
                }
                // QEMU's property is db=; libvirt 0.10.2 wrote database=, kept for an unknown binary.
                String key = ctx.qemuAtLeast(15_000) ? "db" : "database";
                yield emulated.addEscaped(key, card.getDatabase() == null ? DEFAULT_DATABASE : card.getDatabase());
            }
            case PASSTHROUGH -> {
                require(ctx, Capability.CCID_PASSTHRU, "passthrough");
                CharBackend backend = CharBackend.of("smartcard " + alias, card.getType(), card.getSources(),
                        card.getProtocol(), "smartcard");
                out.option("-chardev", backend.chardev(ctx, alias, false));
                yield new OptionString("ccid-card-passthru").add("chardev", "char" + alias);
            }
        };
        o.add("id", alias).add("bus", "ccid0.0");
        out.option("-device", o.toString());
    }

    private static void require(BuildContext ctx, Capability capability, String mode) throws UnsupportedConfigurationException {
        if (!ctx.has(Capability.CHARDEV) || !ctx.has(capability)) {
            throw new UnsupportedConfigurationException("<smartcard mode='" + mode + "'>: this QEMU binary lacks smartcard "
                    + mode + " mode support (capabilities 'chardev' and '" + capability.flagName() + "')");
        }
    }
}
