package dev.vireo.conf.model;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;
import jakarta.xml.bind.annotation.adapters.XmlJavaTypeAdapter;
import java.util.ArrayList;
import java.util.List;

/** A guest definition: the root {@code <domain>} element. */
@XmlRootElement(name = "domain")
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {"name", "uuid", "title", "description", "metadata", "memory", "currentMemory", "blkiotune", "memtune", "memoryBacking", "vcpu", "iothreads", "iothreadids", "cputune", "numatune", "resource", "sysinfo", "bootloader", "bootloaderArgs", "os", "features", "cpu", "clock", "onPoweroff", "onReboot", "onCrash", "onLockfailure", "pm", "devices", "seclabels", "qemuCommandline"})
public class Domain {
    @XmlAttribute(name = "type")
    @XmlJavaTypeAdapter(DomainVirtType.Adapter.class)
    private DomainVirtType type;

    @XmlAttribute(name = "id")
    @XmlJavaTypeAdapter(LiveOnly.OfInteger.class)
    private Integer id;

    @XmlElement(name = "name")
    private String name;

    @XmlElement(name = "uuid")
    private String uuid;

    @XmlElement(name = "title")
    private String title;

    @XmlElement(name = "description")
    private String description;

    @XmlElement(name = "memory")
    private MemoryAmount memory;

    @XmlElement(name = "currentMemory")
    private MemoryAmount currentMemory;

    @XmlElement(name = "blkiotune")
    private BlkioTune blkiotune;

    @XmlElement(name = "memtune")
    private MemTune memtune;

    @XmlElement(name = "memoryBacking")
    private MemoryBacking memoryBacking;

    @XmlElement(name = "vcpu")
    private Vcpu vcpu;

    @XmlElement(name = "cputune")
    private CpuTune cputune;

    @XmlElement(name = "numatune")
    private NumaTune numatune;

    @XmlElement(name = "sysinfo")
    private SysInfo sysinfo;

    @XmlElement(name = "bootloader")
    private String bootloader;

    @XmlElement(name = "bootloader_args")
    private String bootloaderArgs;

    @XmlElement(name = "os")
    private Os os;

    @XmlElement(name = "features")
    private Features features;

    @XmlElement(name = "cpu")
    private Cpu cpu;

    @XmlElement(name = "clock")
    private Clock clock;

    @XmlElement(name = "on_poweroff")
    @XmlJavaTypeAdapter(LifecycleAction.Adapter.class)
    private LifecycleAction onPoweroff;

    @XmlElement(name = "on_reboot")
    @XmlJavaTypeAdapter(LifecycleAction.Adapter.class)
    private LifecycleAction onReboot;

    @XmlElement(name = "on_crash")
    @XmlJavaTypeAdapter(CrashAction.Adapter.class)
    private CrashAction onCrash;

    @XmlElement(name = "pm")
    private PowerManagement pm;

    @XmlElement(name = "devices")
    private Devices devices;

    @XmlElement(name = "seclabel")
    private final List<SecLabel> seclabels = new ArrayList<>();

    @XmlElement(name = "commandline", namespace = QemuNamespace.URI)
    private QemuCommandline qemuCommandline;

    @XmlElement(name = "metadata")
    private Metadata metadata;

    @XmlElement(name = "resource")
    private Resource resource;

    @XmlElement(name = "on_lockfailure")
    private String onLockfailure;

    @XmlElement(name = "iothreads")
    private Integer iothreads;

    @XmlElement(name = "iothreadids")
    private IoThreadIds iothreadids;

    /** {@code @type}, or {@code null} when absent. */
    public DomainVirtType getType() {
        return type;
    }

    public void setType(DomainVirtType type) {
        this.type = type;
    }

    /** {@code @id}, or {@code null} when absent. */
    public Integer getId() {
        return id;
    }

    public void setId(Integer id) {
        this.id = id;
    }

    /** {@code <name>}, or {@code null} when absent. */
    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    /** {@code <uuid>}, or {@code null} when absent. */
    public String getUuid() {
        return uuid;
    }

    public void setUuid(String uuid) {
        this.uuid = uuid;
    }

    /** {@code <title>}, or {@code null} when absent. */
    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    /** {@code <description>}, or {@code null} when absent. */
    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    /** {@code <memory>}, or {@code null} when absent. */
    public MemoryAmount getMemory() {
        return memory;
    }

    public void setMemory(MemoryAmount memory) {
        this.memory = memory;
    }

    /** {@code <currentMemory>}, or {@code null} when absent. */
    public MemoryAmount getCurrentMemory() {
        return currentMemory;
    }

    public void setCurrentMemory(MemoryAmount currentMemory) {
        this.currentMemory = currentMemory;
    }

    /** {@code <blkiotune>}, or {@code null} when absent. */
    public BlkioTune getBlkiotune() {
        return blkiotune;
    }

    public void setBlkiotune(BlkioTune blkiotune) {
        this.blkiotune = blkiotune;
    }

    /** {@code <memtune>}, or {@code null} when absent. */
    public MemTune getMemtune() {
        return memtune;
    }

    public void setMemtune(MemTune memtune) {
        this.memtune = memtune;
    }

    /** {@code <memoryBacking>}, or {@code null} when absent. */
    public MemoryBacking getMemoryBacking() {
        return memoryBacking;
    }

    public void setMemoryBacking(MemoryBacking memoryBacking) {
        this.memoryBacking = memoryBacking;
    }

    /** {@code <vcpu>}, or {@code null} when absent. */
    public Vcpu getVcpu() {
        return vcpu;
    }

    public void setVcpu(Vcpu vcpu) {
        this.vcpu = vcpu;
    }

    /** {@code <cputune>}, or {@code null} when absent. */
    public CpuTune getCputune() {
        return cputune;
    }

    public void setCputune(CpuTune cputune) {
        this.cputune = cputune;
    }

    /** {@code <numatune>}, or {@code null} when absent. */
    public NumaTune getNumatune() {
        return numatune;
    }

    public void setNumatune(NumaTune numatune) {
        this.numatune = numatune;
    }

    /** {@code <sysinfo>}, or {@code null} when absent. */
    public SysInfo getSysinfo() {
        return sysinfo;
    }

    public void setSysinfo(SysInfo sysinfo) {
        this.sysinfo = sysinfo;
    }

    /** {@code <bootloader>}, or {@code null} when absent. */
    public String getBootloader() {
        return bootloader;
    }

    public void setBootloader(String bootloader) {
        this.bootloader = bootloader;
    }

    /** {@code <bootloader_args>}, or {@code null} when absent. */
    public String getBootloaderArgs() {
        return bootloaderArgs;
    }

    public void setBootloaderArgs(String bootloaderArgs) {
        this.bootloaderArgs = bootloaderArgs;
    }

    /** {@code <os>}, or {@code null} when absent. */
    public Os getOs() {
        return os;
    }

    public void setOs(Os os) {
        this.os = os;
    }

    /** {@code <features>}, or {@code null} when absent. */
    public Features getFeatures() {
        return features;
    }

    public void setFeatures(Features features) {
        this.features = features;
    }

    /** {@code <cpu>}, or {@code null} when absent. */
    public Cpu getCpu() {
        return cpu;
    }

    public void setCpu(Cpu cpu) {
        this.cpu = cpu;
    }

    /** {@code <clock>}, or {@code null} when absent. */
    public Clock getClock() {
        return clock;
    }

    public void setClock(Clock clock) {
        this.clock = clock;
    }

    /** {@code <on_poweroff>}, or {@code null} when absent. */
    public LifecycleAction getOnPoweroff() {
        return onPoweroff;
    }

    public void setOnPoweroff(LifecycleAction onPoweroff) {
        this.onPoweroff = onPoweroff;
    }

    /** {@code <on_reboot>}, or {@code null} when absent. */
    public LifecycleAction getOnReboot() {
        return onReboot;
    }

    public void setOnReboot(LifecycleAction onReboot) {
        this.onReboot = onReboot;
    }

    /** {@code <on_crash>}, or {@code null} when absent. */
    public CrashAction getOnCrash() {
        return onCrash;
    }

    public void setOnCrash(CrashAction onCrash) {
        this.onCrash = onCrash;
    }

    /** {@code <pm>}, or {@code null} when absent. */
    public PowerManagement getPm() {
        return pm;
    }

    public void setPm(PowerManagement pm) {
        this.pm = pm;
    }

    /** {@code <devices>}, or {@code null} when absent. */
    public Devices getDevices() {
        return devices;
    }

    public void setDevices(Devices devices) {
        this.devices = devices;
    }

    /** The {@code <seclabel>} children, in document order; the list is live. */
    public List<SecLabel> getSeclabels() {
        return seclabels;
    }

    /** {@code <qemu:commandline>}, or {@code null} when absent. */
    public QemuCommandline getQemuCommandline() {
        return qemuCommandline;
    }

    public void setQemuCommandline(QemuCommandline qemuCommandline) {
        this.qemuCommandline = qemuCommandline;
    }

    /** {@code <metadata>}: other applications' data, kept as written; or {@code null}. */
    public Metadata getMetadata() {
        return metadata;
    }

    public void setMetadata(Metadata metadata) {
        this.metadata = metadata;
    }

    /** {@code <resource>}, or {@code null} when absent. */
    public Resource getResource() {
        return resource;
    }

    public void setResource(Resource resource) {
        this.resource = resource;
    }

    /** {@code <on_lockfailure>}, or {@code null} when absent. */
    public String getOnLockfailure() {
        return onLockfailure;
    }

    public void setOnLockfailure(String onLockfailure) {
        this.onLockfailure = onLockfailure;
    }

    /** {@code <iothreads>}: how many I/O threads, or {@code null} when absent. */
    public Integer getIothreads() {
        return iothreads;
    }

    public void setIothreads(Integer iothreads) {
        this.iothreads = iothreads;
    }

    /** {@code <iothreadids>}, or {@code null} when absent. */
    public IoThreadIds getIothreadids() {
        return iothreadids;
    }

    public void setIothreadids(IoThreadIds iothreadids) {
        this.iothreadids = iothreadids;
    }

    /**
     * The ids of the guest's I/O threads (QEMU's {@code iothreadN}): those listed in
     * {@code <iothreadids>}, else 1 to {@code <iothreads>}; empty when it has none.
     */
    public List<Integer> iothreadIds() {
        List<Integer> ids = new ArrayList<>();
        if (iothreadids != null && !iothreadids.getIothreads().isEmpty()) {
            for (IoThreadId t : iothreadids.getIothreads()) {
                if (t.getId() != null) ids.add(t.getId());
            }
        } else if (iothreads != null) {
            for (int i = 1; i <= iothreads; i++) ids.add(i);
        }
        return ids;
    }
}
