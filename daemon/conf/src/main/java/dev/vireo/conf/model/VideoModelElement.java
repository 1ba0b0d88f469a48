package dev.vireo.conf.model;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;
import jakarta.xml.bind.annotation.adapters.XmlJavaTypeAdapter;

/** Video card model and memory: {@code <video><model>}; memory in KiB. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {"acceleration", "resolution"})
public class VideoModelElement {
    @XmlAttribute(name = "type")
    @XmlJavaTypeAdapter(VideoModel.Adapter.class)
    private VideoModel type;

    @XmlAttribute(name = "ram")
    private Integer ram;

    @XmlAttribute(name = "vram")
    private Integer vram;

    @XmlAttribute(name = "vgamem")
    private Integer vgamem;

    @XmlAttribute(name = "heads")
    private Integer heads;

    @XmlAttribute(name = "primary")
    @XmlJavaTypeAdapter(YesNoAdapter.class)
    private Boolean primary;

    @XmlElement(name = "acceleration")
    private VideoAcceleration acceleration;

    @XmlElement(name = "resolution")
    private VideoResolution resolution;

    /** {@code @vgamem} in KiB (QXL's VGA-mode memory), or {@code null} when absent. */
    public Integer getVgamem() {
        return vgamem;
    }

    public void setVgamem(Integer vgamem) {
        this.vgamem = vgamem;
    }

    /** {@code <resolution>}: the guest's initial mode, or {@code null} when absent. */
    public VideoResolution getResolution() {
        return resolution;
    }

    public void setResolution(VideoResolution resolution) {
        this.resolution = resolution;
    }

    /** {@code @type}, or {@code null} when absent. */
    public VideoModel getType() {
        return type;
    }

    public void setType(VideoModel type) {
        this.type = type;
    }

    /** {@code @ram}, or {@code null} when absent. */
    public Integer getRam() {
        return ram;
    }

    public void setRam(Integer ram) {
        this.ram = ram;
    }

    /** {@code @vram}, or {@code null} when absent. */
    public Integer getVram() {
        return vram;
    }

    public void setVram(Integer vram) {
        this.vram = vram;
    }

    /** {@code @heads}, or {@code null} when absent. */
    public Integer getHeads() {
        return heads;
    }

    public void setHeads(Integer heads) {
        this.heads = heads;
    }

    /** {@code @primary}, or {@code null} when absent. */
    public Boolean getPrimary() {
        return primary;
    }

    public void setPrimary(Boolean primary) {
        this.primary = primary;
    }

    /** {@code <acceleration>}, or {@code null} when absent. */
    public VideoAcceleration getAcceleration() {
        return acceleration;
    }

    public void setAcceleration(VideoAcceleration acceleration) {
        this.acceleration = acceleration;
    }
}
