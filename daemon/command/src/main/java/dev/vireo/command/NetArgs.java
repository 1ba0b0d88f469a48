package dev.vireo.command;

import dev.vireo.caps.Capability;
import dev.vireo.conf.model.InterfaceType;
import dev.vireo.conf.model.NetDriver;
import dev.vireo.conf.model.NetInterface;
import dev.vireo.conf.model.NetSource;
import dev.vireo.conf.model.NetTxMode;
import java.util.List;
import java.util.Locale;

/**
 * Network cards. Three generations of syntax, newest first when the emulator has it:
 * {@code -netdev user,id=hostnet0 -device e1000,netdev=hostnet0}, then
 * {@code -device e1000,vlan=0 -net user,vlan=0}, then {@code -net nic,vlan=0 -net user,vlan=0}.
 */
final class NetArgs {

    private NetArgs() {
    }

    static void write(BuildContext ctx, ArgvWriter out) throws UnsupportedConfigurationException {
        List<NetInterface> nets = ctx.devices().getInterfaces();
        if (nets.isEmpty()) {
            // With -device, -nodefaults already removed the default card.
            if (!ctx.usesDevice()) {
                out.option("-net", "none");
            }
            return;
        }
        boolean netdev = ctx.has(Capability.NETDEV) && ctx.usesDevice();
        int bootNetwork = ctx.boot().firstNetwork();
        for (int i = 0; i < nets.size(); i++) {
            NetInterface net = nets.get(i);
            if (InterfaceHostdevs.isHostdev(net)) {
                continue; // written with the host devices; its index still counts for vlans and names
            }
            int bootindex = bootNetwork;
            bootNetwork = 0;
            if (bootindex == 0 && ctx.boot().emitBootindex() && net.getBoot() != null && net.getBoot().getOrder() != null) {
                bootindex = net.getBoot().getOrder();
            }
            // -netdev backends are joined to their card by id; older syntax joins them by vlan number.
            int vlan = netdev ? -1 : i;
            String alias = hasAlias(ctx) ? ctx.alias(net) : null;
            String owner = "interface " + (alias == null ? "#" + i : alias);
            if (netdev) {
                out.option("-netdev", host(net, vlan, alias, owner));
            }
            if (ctx.usesDevice()) {
                out.option("-device", card(ctx, net, vlan, bootindex));
            } else {
                out.option("-net", nic(net, vlan, alias));
            }
            if (!netdev) {
                out.option("-net", host(net, vlan, alias, owner));
            }
        }
    }

    /** Cards are named only when QEMU can take names (0.10 and later) or -device is used. */
    private static boolean hasAlias(BuildContext ctx) {
        return ctx.has(Capability.QEMU_0_10) || ctx.usesDevice();
    }

    private static String mac(NetInterface net) throws UnsupportedConfigurationException {
        if (net.getMac() == null || net.getMac().getAddress() == null) {
            throw new UnsupportedConfigurationException("an interface has no <mac address='...'/>");
        }
        return net.getMac().getAddress().toLowerCase(Locale.ROOT);
    }

    private static String model(NetInterface net) {
        return net.getModel() == null ? null : net.getModel().getType();
    }

    private static String nic(NetInterface net, int vlan, String alias) throws UnsupportedConfigurationException {
        OptionString o = new OptionString("nic").add("macaddr", mac(net)).add("vlan", vlan);
        if (model(net) != null) {
            o.add("model", model(net));
        }
        if (alias != null) {
            o.add("name", alias);
        }
        return o.toString();
    }

    private static String card(BuildContext ctx, NetInterface net, int vlan, int bootindex) throws UnsupportedConfigurationException {
        String model = model(net);
        boolean virtio = "virtio".equals(model);
        String device;
        if (model == null) {
            device = "rtl8139";
        } else if (virtio) {
            device = ctx.onS390VirtioBus(net) ? "virtio-net-s390" : "virtio-net-pci";
        } else {
            device = model;
        }
        OptionString o = new OptionString(device);
        NetDriver driver = net.getDriver();
        String alias = ctx.alias(net);
        if (driver != null) {
            virtioProperties(ctx, driver, virtio, alias, o);
        }
        if (vlan < 0) {
            o.add("netdev", "host" + alias);
        } else {
            o.add("vlan", vlan);
        }
        o.add("id", alias).add("mac", mac(net));
        DeviceAddressOption.append(ctx, o, net);
        if (net.getRom() != null) {
            RomOption.append(ctx, o, net.getRom(), "interface " + alias);
        }
        if (bootindex > 0 && ctx.has(Capability.BOOT_INDEX)) {
            o.add("bootindex", bootindex);
        }
        return o.toString();
    }

    private static void virtioProperties(BuildContext ctx, NetDriver driver, boolean virtio, String alias, OptionString o)
            throws UnsupportedConfigurationException {
        boolean any = driver.getTxmode() != null || driver.getIoeventfd() != null || driver.getEventIdx() != null;
        if (any && !virtio) {
            throw new UnsupportedConfigurationException("interface " + alias + ": <driver txmode/ioeventfd/event_idx> "
                    + "only applies to model 'virtio'");
        }
        if (driver.getTxmode() != null) {
            if (!ctx.has(Capability.VIRTIO_TX_ALG)) {
                throw new UnsupportedConfigurationException("interface " + alias + ": virtio-net-pci 'tx' option is not "
                        + "supported by this QEMU binary (capability 'virtio-tx-alg')");
            }
            o.add("tx", driver.getTxmode() == NetTxMode.IOTHREAD ? "bh" : "timer");
        }
        // These two are tuning hints for the host side: libvirt leaves them out, without an error,
        // when QEMU lacks them (the card works the same).
        if (driver.getIoeventfd() != null && ctx.has(Capability.VIRTIO_BLK_PCI_IOEVENTFD)) {
            o.add("ioeventfd", driver.getIoeventfd() ? "on" : "off");
        }
        if (driver.getEventIdx() != null && ctx.has(Capability.VIRTIO_NET_PCI_EVENT_IDX)) {
            o.add("event_idx", driver.getEventIdx() ? "on" : "off");
        }
    }

    /**
     * The host end of the card. With {@code -netdev} it is named {@code hostnetN}; with the old
     * syntax it joins the card's vlan and, when named, is called {@code hostnetN} too.
     */
    private static String host(NetInterface net, int vlan, String alias, String owner) throws UnsupportedConfigurationException {
        InterfaceType type = net.getType() == null ? InterfaceType.USER : net.getType();
        NetSource source = net.getSource() == null ? new NetSource() : net.getSource();
        OptionString o;
        boolean tap = false;
        switch (type) {
            case USER -> o = new OptionString("user");
            case ETHERNET -> {
                o = new OptionString("tap");
                if (net.getTarget() != null && net.getTarget().getDev() != null) {
                    o.add("ifname", net.getTarget().getDev());
                }
                if (net.getScript() != null && net.getScript().getPath() != null) {
                    o.add("script", net.getScript().getPath());
                }
                tap = true;
            }
            case CLIENT -> o = new OptionString("socket").add("connect", endpoint(source, owner));
            case SERVER -> o = new OptionString("socket").add("listen", endpoint(source, owner));
            case MCAST -> o = new OptionString("socket").add("mcast", endpoint(source, owner));
            default -> throw new UnsupportedConfigurationException(owner + " of type '" + type.xml() + "' needs a tap or macvtap device opened by the daemon, which this "
                    + "command line builder cannot express; allowed here: user, ethernet, client, server, mcast");
        }
        if (vlan >= 0) {
            o.add("vlan", vlan);
            if (alias != null) {
                o.add("name", "host" + alias);
            }
        } else {
            o.add("id", "host" + alias);
        }
        if (tap && net.getTune() != null && net.getTune().getSndbuf() != null) {
            o.add("sndbuf", net.getTune().getSndbuf());
        }
        return o.toString();
    }

    private static String endpoint(NetSource source, String owner) throws UnsupportedConfigurationException {
        if (source.getPort() == null) {
            throw new UnsupportedConfigurationException(owner + " needs <source address='...' port='...'/>");
        }
        return (source.getAddress() == null ? "" : source.getAddress()) + ":" + source.getPort();
    }
}
