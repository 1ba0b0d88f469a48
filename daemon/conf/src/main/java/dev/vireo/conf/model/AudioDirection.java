package dev.vireo.conf.model;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;
import jakarta.xml.bind.annotation.adapters.XmlJavaTypeAdapter;

/** Settings of one direction of an audio backend: {@code <audio><input>} or {@code <output>}; which attributes apply depends on the backend type. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {"settings"})
public class AudioDirection {
    @XmlAttribute(name = "mixingEngine")
    @XmlJavaTypeAdapter(YesNoAdapter.class)
    private Boolean mixingEngine;

    @XmlAttribute(name = "fixedSettings")
    @XmlJavaTypeAdapter(YesNoAdapter.class)
    private Boolean fixedSettings;

    @XmlAttribute(name = "voices")
    private Long voices;

    @XmlAttribute(name = "bufferLength")
    private Long bufferLength;

    @XmlAttribute(name = "dev")
    private String dev;

    @XmlAttribute(name = "bufferCount")
    private Long bufferCount;

    @XmlAttribute(name = "tryPoll")
    @XmlJavaTypeAdapter(YesNoAdapter.class)
    private Boolean tryPoll;

    @XmlAttribute(name = "name")
    private String name;

    @XmlAttribute(name = "streamName")
    private String streamName;

    @XmlAttribute(name = "latency")
    private Long latency;

    @XmlAttribute(name = "serverName")
    private String serverName;

    @XmlAttribute(name = "clientName")
    private String clientName;

    @XmlAttribute(name = "connectPorts")
    private String connectPorts;

    @XmlAttribute(name = "exactName")
    @XmlJavaTypeAdapter(YesNoAdapter.class)
    private Boolean exactName;

    @XmlElement(name = "settings")
    private AudioSettings settings;

    /** {@code @mixingEngine}, or {@code null} when absent. */
    public Boolean getMixingEngine() {
        return mixingEngine;
    }

    public void setMixingEngine(Boolean mixingEngine) {
        this.mixingEngine = mixingEngine;
    }

    /** {@code @fixedSettings}, or {@code null} when absent. */
    public Boolean getFixedSettings() {
        return fixedSettings;
    }

    public void setFixedSettings(Boolean fixedSettings) {
        this.fixedSettings = fixedSettings;
    }

    /** {@code @voices}, or {@code null} when absent. */
    public Long getVoices() {
        return voices;
    }

    public void setVoices(Long voices) {
        this.voices = voices;
    }

    /** {@code @bufferLength} in microseconds, or {@code null} when absent. */
    public Long getBufferLength() {
        return bufferLength;
    }

    public void setBufferLength(Long bufferLength) {
        this.bufferLength = bufferLength;
    }

    /** {@code @dev} (alsa, oss), or {@code null} when absent. */
    public String getDev() {
        return dev;
    }

    public void setDev(String dev) {
        this.dev = dev;
    }

    /** {@code @bufferCount} (coreaudio, oss, sdl), or {@code null} when absent. */
    public Long getBufferCount() {
        return bufferCount;
    }

    public void setBufferCount(Long bufferCount) {
        this.bufferCount = bufferCount;
    }

    /** {@code @tryPoll} (oss), or {@code null} when absent. */
    public Boolean getTryPoll() {
        return tryPoll;
    }

    public void setTryPoll(Boolean tryPoll) {
        this.tryPoll = tryPoll;
    }

    /** {@code @name} (pulseaudio), or {@code null} when absent. */
    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    /** {@code @streamName} (pulseaudio), or {@code null} when absent. */
    public String getStreamName() {
        return streamName;
    }

    public void setStreamName(String streamName) {
        this.streamName = streamName;
    }

    /** {@code @latency} (pulseaudio), or {@code null} when absent. */
    public Long getLatency() {
        return latency;
    }

    public void setLatency(Long latency) {
        this.latency = latency;
    }

    /** {@code @serverName} (jack), or {@code null} when absent. */
    public String getServerName() {
        return serverName;
    }

    public void setServerName(String serverName) {
        this.serverName = serverName;
    }

    /** {@code @clientName} (jack), or {@code null} when absent. */
    public String getClientName() {
        return clientName;
    }

    public void setClientName(String clientName) {
        this.clientName = clientName;
    }

    /** {@code @connectPorts} (jack), or {@code null} when absent. */
    public String getConnectPorts() {
        return connectPorts;
    }

    public void setConnectPorts(String connectPorts) {
        this.connectPorts = connectPorts;
    }

    /** {@code @exactName} (jack), or {@code null} when absent. */
    public Boolean getExactName() {
        return exactName;
    }

    public void setExactName(Boolean exactName) {
        this.exactName = exactName;
    }

    /** {@code <settings>}, or {@code null} when absent. */
    public AudioSettings getSettings() {
        return settings;
    }

    public void setSettings(AudioSettings settings) {
        this.settings = settings;
    }
}
