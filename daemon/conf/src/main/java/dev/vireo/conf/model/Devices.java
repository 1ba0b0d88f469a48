package dev.vireo.conf.model;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;
import java.util.ArrayList;
import java.util.List;

/** The guest's devices: {@code <devices>}; each kind in its own list, formatted in libvirt's order. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {"emulator", "disks", "controllers", "leases", "filesystems", "interfaces", "smartcards", "serials", "parallels", "consoles", "channels", "inputs", "tpms", "graphics", "sounds", "audios", "videos", "hostdevs", "redirdevs", "redirfilter", "hubs", "watchdog", "memballoon", "rngs", "panics", "vsock"})
public class Devices {
    @XmlElement(name = "emulator")
    private String emulator;

    @XmlElement(name = "disk")
    private final List<Disk> disks = new ArrayList<>();

    @XmlElement(name = "controller")
    private final List<Controller> controllers = new ArrayList<>();

    @XmlElement(name = "lease")
    private final List<Lease> leases = new ArrayList<>();

    @XmlElement(name = "filesystem")
    private final List<Filesystem> filesystems = new ArrayList<>();

    @XmlElement(name = "interface")
    private final List<NetInterface> interfaces = new ArrayList<>();

    @XmlElement(name = "smartcard")
    private final List<Smartcard> smartcards = new ArrayList<>();

    @XmlElement(name = "serial")
    private final List<CharDevice> serials = new ArrayList<>();

    @XmlElement(name = "parallel")
    private final List<CharDevice> parallels = new ArrayList<>();

    @XmlElement(name = "console")
    private final List<CharDevice> consoles = new ArrayList<>();

    @XmlElement(name = "channel")
    private final List<CharDevice> channels = new ArrayList<>();

    @XmlElement(name = "input")
    private final List<Input> inputs = new ArrayList<>();

    @XmlElement(name = "tpm")
    private final List<Tpm> tpms = new ArrayList<>();

    @XmlElement(name = "graphics")
    private final List<Graphics> graphics = new ArrayList<>();

    @XmlElement(name = "sound")
    private final List<Sound> sounds = new ArrayList<>();

    @XmlElement(name = "audio")
    private final List<Audio> audios = new ArrayList<>();

    @XmlElement(name = "video")
    private final List<Video> videos = new ArrayList<>();

    @XmlElement(name = "hostdev")
    private final List<Hostdev> hostdevs = new ArrayList<>();

    @XmlElement(name = "redirdev")
    private final List<Redirdev> redirdevs = new ArrayList<>();

    @XmlElement(name = "redirfilter")
    private RedirFilter redirfilter;

    @XmlElement(name = "hub")
    private final List<Hub> hubs = new ArrayList<>();

    @XmlElement(name = "watchdog")
    private Watchdog watchdog;

    @XmlElement(name = "memballoon")
    private Memballoon memballoon;

    @XmlElement(name = "rng")
    private final List<Rng> rngs = new ArrayList<>();

    @XmlElement(name = "panic")
    private final List<Panic> panics = new ArrayList<>();

    @XmlElement(name = "vsock")
    private Vsock vsock;

    /** {@code <emulator>}, or {@code null} when absent. */
    public String getEmulator() {
        return emulator;
    }

    public void setEmulator(String emulator) {
        this.emulator = emulator;
    }

    /** The {@code <disk>} children, in document order; the list is live. */
    public List<Disk> getDisks() {
        return disks;
    }

    /** The {@code <controller>} children, in document order; the list is live. */
    public List<Controller> getControllers() {
        return controllers;
    }

    /** The {@code <lease>} children, in document order; the list is live. */
    public List<Lease> getLeases() {
        return leases;
    }

    /** The {@code <filesystem>} children, in document order; the list is live. */
    public List<Filesystem> getFilesystems() {
        return filesystems;
    }

    /** The {@code <interface>} children, in document order; the list is live. */
    public List<NetInterface> getInterfaces() {
        return interfaces;
    }

    /** The {@code <smartcard>} children, in document order; the list is live. */
    public List<Smartcard> getSmartcards() {
        return smartcards;
    }

    /** The {@code <serial>} children, in document order; the list is live. */
    public List<CharDevice> getSerials() {
        return serials;
    }

    /** The {@code <parallel>} children, in document order; the list is live. */
    public List<CharDevice> getParallels() {
        return parallels;
    }

    /**
     * The {@code <console>} children; the list is live. For an HVM guest a {@code consoles[0]} of target
     * type serial is a view of {@code serials[0]} (libvirt prints it so), not a device of its own: a
     * command-line builder must skip it.
     */
    public List<CharDevice> getConsoles() {
        return consoles;
    }

    /** The {@code <channel>} children, in document order; the list is live. */
    public List<CharDevice> getChannels() {
        return channels;
    }

    /** The {@code <input>} children, in document order; the list is live. */
    public List<Input> getInputs() {
        return inputs;
    }

    /** The {@code <graphics>} children, in document order; the list is live. */
    public List<Graphics> getGraphics() {
        return graphics;
    }

    /** The {@code <sound>} children, in document order; the list is live. */
    public List<Sound> getSounds() {
        return sounds;
    }

    /** The {@code <video>} children, in document order; the list is live. */
    public List<Video> getVideos() {
        return videos;
    }

    /** The {@code <hostdev>} children, in document order; the list is live. */
    public List<Hostdev> getHostdevs() {
        return hostdevs;
    }

    /** The {@code <redirdev>} children, in document order; the list is live. */
    public List<Redirdev> getRedirdevs() {
        return redirdevs;
    }

    /** {@code <redirfilter>}, or {@code null} when absent. */
    public RedirFilter getRedirfilter() {
        return redirfilter;
    }

    public void setRedirfilter(RedirFilter redirfilter) {
        this.redirfilter = redirfilter;
    }

    /** The {@code <hub>} children, in document order; the list is live. */
    public List<Hub> getHubs() {
        return hubs;
    }

    /** {@code <watchdog>}, or {@code null} when absent. */
    public Watchdog getWatchdog() {
        return watchdog;
    }

    public void setWatchdog(Watchdog watchdog) {
        this.watchdog = watchdog;
    }

    /** The {@code <tpm>} children, in document order; the list is live. */
    public List<Tpm> getTpms() {
        return tpms;
    }

    /** The {@code <audio>} backends, in document order; the list is live. */
    public List<Audio> getAudios() {
        return audios;
    }

    /** The {@code <rng>} children, in document order; the list is live. */
    public List<Rng> getRngs() {
        return rngs;
    }

    /** The {@code <panic>} children, in document order; the list is live. */
    public List<Panic> getPanics() {
        return panics;
    }

    /** {@code <vsock>}, or {@code null} when absent. */
    public Vsock getVsock() {
        return vsock;
    }

    public void setVsock(Vsock vsock) {
        this.vsock = vsock;
    }

    /** {@code <memballoon>}, or {@code null} when absent. */
    public Memballoon getMemballoon() {
        return memballoon;
    }

    public void setMemballoon(Memballoon memballoon) {
        this.memballoon = memballoon;
    }

    /** Every device that can carry an {@code <address>}, kind by kind in libvirt's order (a new list). */
    public List<Device> all() {
        List<Device> all = new ArrayList<>();
        all.addAll(disks);
        all.addAll(controllers);
        all.addAll(filesystems);
        all.addAll(interfaces);
        all.addAll(smartcards);
        all.addAll(serials);
        all.addAll(parallels);
        all.addAll(consoles);
        all.addAll(channels);
        all.addAll(inputs);
        all.addAll(sounds);
        all.addAll(videos);
        all.addAll(hostdevs);
        all.addAll(redirdevs);
        all.addAll(hubs);
        if (watchdog != null) all.add(watchdog);
        if (memballoon != null) all.add(memballoon);
        all.addAll(tpms);
        all.addAll(rngs);
        all.addAll(panics);
        if (vsock != null) all.add(vsock);
        return all;
    }
}
