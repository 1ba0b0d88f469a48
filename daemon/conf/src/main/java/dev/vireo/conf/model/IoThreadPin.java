package dev.vireo.conf.model;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/** Host CPUs an I/O thread runs on: {@code <cputune><iothreadpin iothread cpuset>}. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {})
public class IoThreadPin {
    @XmlAttribute(name = "iothread")
    private Integer iothread;

    @XmlAttribute(name = "cpuset")
    private String cpuset;

    /** {@code @iothread}, or {@code null} when absent. */
    public Integer getIothread() {
        return iothread;
    }

    public void setIothread(Integer iothread) {
        this.iothread = iothread;
    }

    /** {@code @cpuset}, or {@code null} when absent. */
    public String getCpuset() {
        return cpuset;
    }

    public void setCpuset(String cpuset) {
        this.cpuset = cpuset;
    }
}
