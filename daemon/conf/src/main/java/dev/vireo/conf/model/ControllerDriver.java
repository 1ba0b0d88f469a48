package dev.vireo.conf.model;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;
import jakarta.xml.bind.annotation.adapters.XmlJavaTypeAdapter;

/**
 * {@code <driver>} of a controller (libvirt 9): the virtqueues of a virtio-scsi or virtio-serial
 * controller, the SCSI queue depth and request size, ioeventfd, and the I/O thread serving it.
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {})
public class ControllerDriver {
    @XmlAttribute(name = "queues")
    private Integer queues;

    @XmlAttribute(name = "cmd_per_lun")
    private Integer cmdPerLun;

    @XmlAttribute(name = "max_sectors")
    private Integer maxSectors;

    @XmlAttribute(name = "ioeventfd")
    @XmlJavaTypeAdapter(OnOffAdapter.class)
    private Boolean ioeventfd;

    @XmlAttribute(name = "iothread")
    private Integer iothread;

    public Integer getQueues() {
        return queues;
    }

    public void setQueues(Integer queues) {
        this.queues = queues;
    }

    public Integer getCmdPerLun() {
        return cmdPerLun;
    }

    public void setCmdPerLun(Integer cmdPerLun) {
        this.cmdPerLun = cmdPerLun;
    }

    public Integer getMaxSectors() {
        return maxSectors;
    }

    public void setMaxSectors(Integer maxSectors) {
        this.maxSectors = maxSectors;
    }

    public Boolean getIoeventfd() {
        return ioeventfd;
    }

    public void setIoeventfd(Boolean ioeventfd) {
        this.ioeventfd = ioeventfd;
    }

    public Integer getIothread() {
        return iothread;
    }

    public void setIothread(Integer iothread) {
        this.iothread = iothread;
    }
}
