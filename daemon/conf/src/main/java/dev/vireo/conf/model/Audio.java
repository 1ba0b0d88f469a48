package dev.vireo.conf.model;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;
import jakarta.xml.bind.annotation.adapters.XmlJavaTypeAdapter;

/** A host audio backend that sound devices play through: {@code <audio id type>}. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {"input", "output"})
public class Audio {
    @XmlAttribute(name = "id")
    private Integer id;

    @XmlAttribute(name = "type")
    @XmlJavaTypeAdapter(AudioType.Adapter.class)
    private AudioType type;

    @XmlAttribute(name = "timerPeriod")
    private Long timerPeriod;

    @XmlAttribute(name = "serverName")
    private String serverName;

    @XmlAttribute(name = "path")
    private String path;

    @XmlAttribute(name = "driver")
    private String driver;

    @XmlAttribute(name = "tryMMap")
    @XmlJavaTypeAdapter(YesNoAdapter.class)
    private Boolean tryMMap;

    @XmlAttribute(name = "exclusive")
    @XmlJavaTypeAdapter(YesNoAdapter.class)
    private Boolean exclusive;

    @XmlAttribute(name = "dspPolicy")
    private Integer dspPolicy;

    @XmlElement(name = "input")
    private AudioDirection input;

    @XmlElement(name = "output")
    private AudioDirection output;

    /** {@code @id}, referred to by {@code <sound><audio id>}, or {@code null} when absent. */
    public Integer getId() {
        return id;
    }

    public void setId(Integer id) {
        this.id = id;
    }

    /** {@code @type}, or {@code null} when absent. */
    public AudioType getType() {
        return type;
    }

    public void setType(AudioType type) {
        this.type = type;
    }

    /** {@code @timerPeriod} in microseconds, or {@code null} when absent. */
    public Long getTimerPeriod() {
        return timerPeriod;
    }

    public void setTimerPeriod(Long timerPeriod) {
        this.timerPeriod = timerPeriod;
    }

    /** {@code @serverName} (pulseaudio), or {@code null} when absent. */
    public String getServerName() {
        return serverName;
    }

    public void setServerName(String serverName) {
        this.serverName = serverName;
    }

    /** {@code @path} (file), or {@code null} when absent. */
    public String getPath() {
        return path;
    }

    public void setPath(String path) {
        this.path = path;
    }

    /** {@code @driver} (sdl), or {@code null} when absent. */
    public String getDriver() {
        return driver;
    }

    public void setDriver(String driver) {
        this.driver = driver;
    }

    /** {@code @tryMMap} (oss), or {@code null} when absent. */
    public Boolean getTryMMap() {
        return tryMMap;
    }

    public void setTryMMap(Boolean tryMMap) {
        this.tryMMap = tryMMap;
    }

    /** {@code @exclusive} (oss), or {@code null} when absent. */
    public Boolean getExclusive() {
        return exclusive;
    }

    public void setExclusive(Boolean exclusive) {
        this.exclusive = exclusive;
    }

    /** {@code @dspPolicy} (oss), or {@code null} when absent. */
    public Integer getDspPolicy() {
        return dspPolicy;
    }

    public void setDspPolicy(Integer dspPolicy) {
        this.dspPolicy = dspPolicy;
    }

    /** {@code <input>}, or {@code null} when absent. */
    public AudioDirection getInput() {
        return input;
    }

    public void setInput(AudioDirection input) {
        this.input = input;
    }

    /** {@code <output>}, or {@code null} when absent. */
    public AudioDirection getOutput() {
        return output;
    }

    public void setOutput(AudioDirection output) {
        this.output = output;
    }
}
