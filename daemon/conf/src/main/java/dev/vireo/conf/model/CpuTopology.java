package dev.vireo.conf.model;

import jakarta.xml.bind.annotation.adapters.XmlJavaTypeAdapter;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/** Sockets, cores and threads: {@code <topology>}. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {})
public class CpuTopology {
    @XmlAttribute(name = "sockets")
    private Integer sockets;

    @XmlAttribute(name = "cores")
    private Integer cores;

    @XmlAttribute(name = "threads")
    private Integer threads;

    @XmlAttribute(name = "dies")
    private Integer dies;

    /** {@code @sockets}, or {@code null} when absent. */
    public Integer getSockets() {
        return sockets;
    }

    public void setSockets(Integer sockets) {
        this.sockets = sockets;
    }

    /** {@code @cores}, or {@code null} when absent. */
    public Integer getCores() {
        return cores;
    }

    public void setCores(Integer cores) {
        this.cores = cores;
    }

    /** {@code @threads}, or {@code null} when absent. */
    public Integer getThreads() {
        return threads;
    }

    public void setThreads(Integer threads) {
        this.threads = threads;
    }

    /** {@code @dies} per socket, or {@code null} when absent. */
    public Integer getDies() {
        return dies;
    }

    public void setDies(Integer dies) {
        this.dies = dies;
    }
}
