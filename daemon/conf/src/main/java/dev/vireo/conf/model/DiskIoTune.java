package dev.vireo.conf.model;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

/** I/O throttling of a disk: {@code <iotune>}. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {"totalBytesSec", "readBytesSec", "writeBytesSec", "totalIopsSec", "readIopsSec", "writeIopsSec"})
public class DiskIoTune {
    @XmlElement(name = "total_bytes_sec")
    private Long totalBytesSec;

    @XmlElement(name = "read_bytes_sec")
    private Long readBytesSec;

    @XmlElement(name = "write_bytes_sec")
    private Long writeBytesSec;

    @XmlElement(name = "total_iops_sec")
    private Long totalIopsSec;

    @XmlElement(name = "read_iops_sec")
    private Long readIopsSec;

    @XmlElement(name = "write_iops_sec")
    private Long writeIopsSec;

    /** {@code <total_bytes_sec>}, or {@code null} when absent. */
    public Long getTotalBytesSec() {
        return totalBytesSec;
    }

    public void setTotalBytesSec(Long totalBytesSec) {
        this.totalBytesSec = totalBytesSec;
    }

    /** {@code <read_bytes_sec>}, or {@code null} when absent. */
    public Long getReadBytesSec() {
        return readBytesSec;
    }

    public void setReadBytesSec(Long readBytesSec) {
        this.readBytesSec = readBytesSec;
    }

    /** {@code <write_bytes_sec>}, or {@code null} when absent. */
    public Long getWriteBytesSec() {
        return writeBytesSec;
    }

    public void setWriteBytesSec(Long writeBytesSec) {
        this.writeBytesSec = writeBytesSec;
    }

    /** {@code <total_iops_sec>}, or {@code null} when absent. */
    public Long getTotalIopsSec() {
        return totalIopsSec;
    }

    public void setTotalIopsSec(Long totalIopsSec) {
        this.totalIopsSec = totalIopsSec;
    }

    /** {@code <read_iops_sec>}, or {@code null} when absent. */
    public Long getReadIopsSec() {
        return readIopsSec;
    }

    public void setReadIopsSec(Long readIopsSec) {
        this.readIopsSec = readIopsSec;
    }

    /** {@code <write_iops_sec>}, or {@code null} when absent. */
    public Long getWriteIopsSec() {
        return writeIopsSec;
    }

    public void setWriteIopsSec(Long writeIopsSec) {
        this.writeIopsSec = writeIopsSec;
    }
}
