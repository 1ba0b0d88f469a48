package dev.vireo.conf.model;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;
import jakarta.xml.bind.annotation.adapters.XmlJavaTypeAdapter;
import java.util.ArrayList;
import java.util.List;

/** Guest CPU model and topology: {@code <cpu>}. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {"model", "vendor", "topology", "cache", "features", "numa"})
public class Cpu {
    @XmlAttribute(name = "mode")
    @XmlJavaTypeAdapter(CpuMode.Adapter.class)
    private CpuMode mode;

    @XmlAttribute(name = "match")
    @XmlJavaTypeAdapter(CpuMatch.Adapter.class)
    private CpuMatch match;

    @XmlElement(name = "model")
    private CpuModel model;

    @XmlElement(name = "vendor")
    private String vendor;

    @XmlElement(name = "topology")
    private CpuTopology topology;

    @XmlElement(name = "feature")
    private final List<CpuFeature> features = new ArrayList<>();

    @XmlElement(name = "numa")
    private CpuNuma numa;

    @XmlAttribute(name = "check")
    @XmlJavaTypeAdapter(CpuCheck.Adapter.class)
    private CpuCheck check;

    @XmlAttribute(name = "migratable")
    @XmlJavaTypeAdapter(OnOffAdapter.class)
    private Boolean migratable;

    @XmlElement(name = "cache")
    private CpuCache cache;

    /** {@code @mode}, or {@code null} when absent. */
    public CpuMode getMode() {
        return mode;
    }

    public void setMode(CpuMode mode) {
        this.mode = mode;
    }

    /** {@code @match}, or {@code null} when absent. */
    public CpuMatch getMatch() {
        return match;
    }

    public void setMatch(CpuMatch match) {
        this.match = match;
    }

    /** {@code <model>}, or {@code null} when absent. */
    public CpuModel getModel() {
        return model;
    }

    public void setModel(CpuModel model) {
        this.model = model;
    }

    /** {@code <vendor>}, or {@code null} when absent. */
    public String getVendor() {
        return vendor;
    }

    public void setVendor(String vendor) {
        this.vendor = vendor;
    }

    /** {@code <topology>}, or {@code null} when absent. */
    public CpuTopology getTopology() {
        return topology;
    }

    public void setTopology(CpuTopology topology) {
        this.topology = topology;
    }

    /** The {@code <feature>} children, in document order; the list is live. */
    public List<CpuFeature> getFeatures() {
        return features;
    }

    /** {@code <numa>}, or {@code null} when absent. */
    public CpuNuma getNuma() {
        return numa;
    }

    public void setNuma(CpuNuma numa) {
        this.numa = numa;
    }

    /** {@code @check}, or {@code null} when absent. */
    public CpuCheck getCheck() {
        return check;
    }

    public void setCheck(CpuCheck check) {
        this.check = check;
    }

    /** {@code @migratable} (host-passthrough), or {@code null} when absent. */
    public Boolean getMigratable() {
        return migratable;
    }

    public void setMigratable(Boolean migratable) {
        this.migratable = migratable;
    }

    /** {@code <cache>}, or {@code null} when absent. */
    public CpuCache getCache() {
        return cache;
    }

    public void setCache(CpuCache cache) {
        this.cache = cache;
    }
}
