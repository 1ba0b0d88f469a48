package dev.vireo.conf.model;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;
import jakarta.xml.bind.annotation.adapters.XmlJavaTypeAdapter;
import java.util.ArrayList;
import java.util.List;

/** A network interface: {@code <interface>}. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {"mac", "source", "ips", "vlan", "virtualport", "script", "target", "model", "driver", "filterref", "tune", "link", "bandwidth", "boot", "alias", "rom", "address"})
public class NetInterface extends Device {
    @XmlAttribute(name = "type")
    @XmlJavaTypeAdapter(InterfaceType.Adapter.class)
    private InterfaceType type;

    @XmlElement(name = "mac")
    private MacAddress mac;

    @XmlElement(name = "source")
    private NetSource source;

    @XmlElement(name = "ip")
    private final List<NetIp> ips = new ArrayList<>();

    @XmlElement(name = "vlan")
    private Vlan vlan;

    @XmlElement(name = "virtualport")
    private VirtualPort virtualport;

    @XmlElement(name = "script")
    private NetScript script;

    @XmlElement(name = "target")
    private NetTarget target;

    @XmlElement(name = "model")
    private NetModel model;

    @XmlElement(name = "driver")
    private NetDriver driver;

    @XmlElement(name = "filterref")
    private FilterRef filterref;

    @XmlElement(name = "tune")
    private NetTune tune;

    @XmlElement(name = "link")
    private NetLink link;

    @XmlElement(name = "bandwidth")
    private Bandwidth bandwidth;

    @XmlElement(name = "boot")
    private BootOrder boot;

    @XmlElement(name = "rom")
    private Rom rom;

    @XmlAttribute(name = "managed")
    @XmlJavaTypeAdapter(YesNoAdapter.class)
    private Boolean managed;

    /** {@code @type}, or {@code null} when absent. */
    public InterfaceType getType() {
        return type;
    }

    public void setType(InterfaceType type) {
        this.type = type;
    }

    /** {@code <mac>}, or {@code null} when absent. */
    public MacAddress getMac() {
        return mac;
    }

    public void setMac(MacAddress mac) {
        this.mac = mac;
    }

    /** {@code <source>}, or {@code null} when absent. */
    public NetSource getSource() {
        return source;
    }

    public void setSource(NetSource source) {
        this.source = source;
    }

    /** The {@code <ip>} addresses, in document order; the list is live. */
    public List<NetIp> getIps() {
        return ips;
    }

    /** {@code <vlan>}, or {@code null} when absent. */
    public Vlan getVlan() {
        return vlan;
    }

    public void setVlan(Vlan vlan) {
        this.vlan = vlan;
    }

    /** {@code <virtualport>}, or {@code null} when absent. */
    public VirtualPort getVirtualport() {
        return virtualport;
    }

    public void setVirtualport(VirtualPort virtualport) {
        this.virtualport = virtualport;
    }

    /** {@code <script>}, or {@code null} when absent. */
    public NetScript getScript() {
        return script;
    }

    public void setScript(NetScript script) {
        this.script = script;
    }

    /** {@code <target>}, or {@code null} when absent. */
    public NetTarget getTarget() {
        return target;
    }

    public void setTarget(NetTarget target) {
        this.target = target;
    }

    /** {@code <model>}, or {@code null} when absent. */
    public NetModel getModel() {
        return model;
    }

    public void setModel(NetModel model) {
        this.model = model;
    }

    /** {@code <driver>}, or {@code null} when absent. */
    public NetDriver getDriver() {
        return driver;
    }

    public void setDriver(NetDriver driver) {
        this.driver = driver;
    }

    /** {@code <filterref>}, or {@code null} when absent. */
    public FilterRef getFilterref() {
        return filterref;
    }

    public void setFilterref(FilterRef filterref) {
        this.filterref = filterref;
    }

    /** {@code <tune>}, or {@code null} when absent. */
    public NetTune getTune() {
        return tune;
    }

    public void setTune(NetTune tune) {
        this.tune = tune;
    }

    /** {@code <link>}, or {@code null} when absent. */
    public NetLink getLink() {
        return link;
    }

    public void setLink(NetLink link) {
        this.link = link;
    }

    /** {@code <bandwidth>}, or {@code null} when absent. */
    public Bandwidth getBandwidth() {
        return bandwidth;
    }

    public void setBandwidth(Bandwidth bandwidth) {
        this.bandwidth = bandwidth;
    }

    /** {@code <boot>}, or {@code null} when absent. */
    public BootOrder getBoot() {
        return boot;
    }

    public void setBoot(BootOrder boot) {
        this.boot = boot;
    }

    /** {@code <rom>}, or {@code null} when absent. */
    public Rom getRom() {
        return rom;
    }

    public void setRom(Rom rom) {
        this.rom = rom;
    }

    /** {@code @managed} of a {@code type='hostdev'} interface: whether the host driver is detached and reattached. */
    public Boolean getManaged() {
        return managed;
    }

    public void setManaged(Boolean managed) {
        this.managed = managed;
    }
}
