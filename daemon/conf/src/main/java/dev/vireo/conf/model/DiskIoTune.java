package dev.vireo.conf.model;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

/**
 * I/O throttling of a disk: {@code <iotune>}, every element libvirt 9 knows, in its order. A
 * value of 0 (or an absent element) means no limit.
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {"totalBytesSec", "readBytesSec", "writeBytesSec", "totalIopsSec", "readIopsSec", "writeIopsSec", "totalBytesSecMax", "readBytesSecMax", "writeBytesSecMax", "totalIopsSecMax", "readIopsSecMax", "writeIopsSecMax", "sizeIopsSec", "groupName", "totalBytesSecMaxLength", "readBytesSecMaxLength", "writeBytesSecMaxLength", "totalIopsSecMaxLength", "readIopsSecMaxLength", "writeIopsSecMaxLength"})
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

    @XmlElement(name = "total_bytes_sec_max")
    private Long totalBytesSecMax;

    @XmlElement(name = "read_bytes_sec_max")
    private Long readBytesSecMax;

    @XmlElement(name = "write_bytes_sec_max")
    private Long writeBytesSecMax;

    @XmlElement(name = "total_iops_sec_max")
    private Long totalIopsSecMax;

    @XmlElement(name = "read_iops_sec_max")
    private Long readIopsSecMax;

    @XmlElement(name = "write_iops_sec_max")
    private Long writeIopsSecMax;

    @XmlElement(name = "size_iops_sec")
    private Long sizeIopsSec;

    @XmlElement(name = "group_name")
    private String groupName;

    @XmlElement(name = "total_bytes_sec_max_length")
    private Long totalBytesSecMaxLength;

    @XmlElement(name = "read_bytes_sec_max_length")
    private Long readBytesSecMaxLength;

    @XmlElement(name = "write_bytes_sec_max_length")
    private Long writeBytesSecMaxLength;

    @XmlElement(name = "total_iops_sec_max_length")
    private Long totalIopsSecMaxLength;

    @XmlElement(name = "read_iops_sec_max_length")
    private Long readIopsSecMaxLength;

    @XmlElement(name = "write_iops_sec_max_length")
    private Long writeIopsSecMaxLength;

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

    /** {@code <total_bytes_sec_max>}, or {@code null} when absent. */
    public Long getTotalBytesSecMax() {
        return totalBytesSecMax;
    }

    public void setTotalBytesSecMax(Long totalBytesSecMax) {
        this.totalBytesSecMax = totalBytesSecMax;
    }

    /** {@code <read_bytes_sec_max>}, or {@code null} when absent. */
    public Long getReadBytesSecMax() {
        return readBytesSecMax;
    }

    public void setReadBytesSecMax(Long readBytesSecMax) {
        this.readBytesSecMax = readBytesSecMax;
    }

    /** {@code <write_bytes_sec_max>}, or {@code null} when absent. */
    public Long getWriteBytesSecMax() {
        return writeBytesSecMax;
    }

    public void setWriteBytesSecMax(Long writeBytesSecMax) {
        this.writeBytesSecMax = writeBytesSecMax;
    }

    /** {@code <total_iops_sec_max>}, or {@code null} when absent. */
    public Long getTotalIopsSecMax() {
        return totalIopsSecMax;
    }

    public void setTotalIopsSecMax(Long totalIopsSecMax) {
        this.totalIopsSecMax = totalIopsSecMax;
    }

    /** {@code <read_iops_sec_max>}, or {@code null} when absent. */
    public Long getReadIopsSecMax() {
        return readIopsSecMax;
    }

    public void setReadIopsSecMax(Long readIopsSecMax) {
        this.readIopsSecMax = readIopsSecMax;
    }

    /** {@code <write_iops_sec_max>}, or {@code null} when absent. */
    public Long getWriteIopsSecMax() {
        return writeIopsSecMax;
    }

    public void setWriteIopsSecMax(Long writeIopsSecMax) {
        this.writeIopsSecMax = writeIopsSecMax;
    }

    /** {@code <size_iops_sec>}, or {@code null} when absent. */
    public Long getSizeIopsSec() {
        return sizeIopsSec;
    }

    public void setSizeIopsSec(Long sizeIopsSec) {
        this.sizeIopsSec = sizeIopsSec;
    }

    /** {@code <group_name>}, or {@code null} when absent. */
    public String getGroupName() {
        return groupName;
    }

    public void setGroupName(String groupName) {
        this.groupName = groupName;
    }

    /** {@code <total_bytes_sec_max_length>}, or {@code null} when absent. */
    public Long getTotalBytesSecMaxLength() {
        return totalBytesSecMaxLength;
    }

    public void setTotalBytesSecMaxLength(Long totalBytesSecMaxLength) {
        this.totalBytesSecMaxLength = totalBytesSecMaxLength;
    }

    /** {@code <read_bytes_sec_max_length>}, or {@code null} when absent. */
    public Long getReadBytesSecMaxLength() {
        return readBytesSecMaxLength;
    }

    public void setReadBytesSecMaxLength(Long readBytesSecMaxLength) {
        this.readBytesSecMaxLength = readBytesSecMaxLength;
    }

    /** {@code <write_bytes_sec_max_length>}, or {@code null} when absent. */
    public Long getWriteBytesSecMaxLength() {
        return writeBytesSecMaxLength;
    }

    public void setWriteBytesSecMaxLength(Long writeBytesSecMaxLength) {
        this.writeBytesSecMaxLength = writeBytesSecMaxLength;
    }

    /** {@code <total_iops_sec_max_length>}, or {@code null} when absent. */
    public Long getTotalIopsSecMaxLength() {
        return totalIopsSecMaxLength;
    }

    public void setTotalIopsSecMaxLength(Long totalIopsSecMaxLength) {
        this.totalIopsSecMaxLength = totalIopsSecMaxLength;
    }

    /** {@code <read_iops_sec_max_length>}, or {@code null} when absent. */
    public Long getReadIopsSecMaxLength() {
        return readIopsSecMaxLength;
    }

    public void setReadIopsSecMaxLength(Long readIopsSecMaxLength) {
        this.readIopsSecMaxLength = readIopsSecMaxLength;
    }

    /** {@code <write_iops_sec_max_length>}, or {@code null} when absent. */
    public Long getWriteIopsSecMaxLength() {
        return writeIopsSecMaxLength;
    }

    public void setWriteIopsSecMaxLength(Long writeIopsSecMaxLength) {
        this.writeIopsSecMaxLength = writeIopsSecMaxLength;
    }
}
