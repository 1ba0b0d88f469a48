package dev.vireo.conf.model;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;
import jakarta.xml.bind.annotation.adapters.XmlJavaTypeAdapter;

/** The memory balloon: {@code <memballoon>}. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {"stats", "alias", "address"})
public class Memballoon extends Device {
    @XmlAttribute(name = "model")
    @XmlJavaTypeAdapter(MemballoonModel.Adapter.class)
    private MemballoonModel model;

    @XmlElement(name = "stats")
    private MemballoonStats stats;

    @XmlAttribute(name = "autodeflate")
    @XmlJavaTypeAdapter(OnOffAdapter.class)
    private Boolean autodeflate;

    @XmlAttribute(name = "freePageReporting")
    @XmlJavaTypeAdapter(OnOffAdapter.class)
    private Boolean freePageReporting;

    /** {@code @model}, or {@code null} when absent. */
    public MemballoonModel getModel() {
        return model;
    }

    public void setModel(MemballoonModel model) {
        this.model = model;
    }

    /** {@code <stats>}, or {@code null} when absent. */
    public MemballoonStats getStats() {
        return stats;
    }

    public void setStats(MemballoonStats stats) {
        this.stats = stats;
    }

    /** {@code @autodeflate}, or {@code null} when absent. */
    public Boolean getAutodeflate() {
        return autodeflate;
    }

    public void setAutodeflate(Boolean autodeflate) {
        this.autodeflate = autodeflate;
    }

    /** {@code @freePageReporting}, or {@code null} when absent. */
    public Boolean getFreePageReporting() {
        return freePageReporting;
    }

    public void setFreePageReporting(Boolean freePageReporting) {
        this.freePageReporting = freePageReporting;
    }
}
