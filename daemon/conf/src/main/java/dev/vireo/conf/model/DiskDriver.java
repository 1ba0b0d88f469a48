package dev.vireo.conf.model;

import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;
import jakarta.xml.bind.annotation.adapters.XmlJavaTypeAdapter;

/** How the emulator opens a disk: {@code <disk><driver>}. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {})
public class DiskDriver {
    @XmlAttribute(name = "name")
    private String name;

    @XmlAttribute(name = "type")
    private String type;

    @XmlAttribute(name = "cache")
    @XmlJavaTypeAdapter(DiskCache.Adapter.class)
    private DiskCache cache;

    @XmlAttribute(name = "error_policy")
    @XmlJavaTypeAdapter(DiskErrorPolicy.Adapter.class)
    private DiskErrorPolicy errorPolicy;

    @XmlAttribute(name = "rerror_policy")
    @XmlJavaTypeAdapter(DiskErrorPolicy.Adapter.class)
    private DiskErrorPolicy rerrorPolicy;

    @XmlAttribute(name = "io")
    @XmlJavaTypeAdapter(DiskIo.Adapter.class)
    private DiskIo io;

    @XmlAttribute(name = "ioeventfd")
    @XmlJavaTypeAdapter(OnOffAdapter.class)
    private Boolean ioeventfd;

    @XmlAttribute(name = "event_idx")
    @XmlJavaTypeAdapter(OnOffAdapter.class)
    private Boolean eventIdx;

    @XmlAttribute(name = "copy_on_read")
    @XmlJavaTypeAdapter(OnOffAdapter.class)
    private Boolean copyOnRead;

    @XmlAttribute(name = "discard")
    @XmlJavaTypeAdapter(DiskDiscard.Adapter.class)
    private DiskDiscard discard;

    @XmlAttribute(name = "iothread")
    private Integer iothread;

    @XmlAttribute(name = "detect_zeroes")
    @XmlJavaTypeAdapter(DetectZeroes.Adapter.class)
    private DetectZeroes detectZeroes;

    @XmlAttribute(name = "queues")
    private Integer queues;

    @XmlAttribute(name = "queue_size")
    private Integer queueSize;

    /** {@code @name}, or {@code null} when absent. */
    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    /** {@code @type}, or {@code null} when absent. */
    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    /** {@code @cache}, or {@code null} when absent. */
    public DiskCache getCache() {
        return cache;
    }

    public void setCache(DiskCache cache) {
        this.cache = cache;
    }

    /** {@code @error_policy}, or {@code null} when absent. */
    public DiskErrorPolicy getErrorPolicy() {
        return errorPolicy;
    }

    public void setErrorPolicy(DiskErrorPolicy errorPolicy) {
        this.errorPolicy = errorPolicy;
    }

    /** {@code @rerror_policy}, or {@code null} when absent. */
    public DiskErrorPolicy getRerrorPolicy() {
        return rerrorPolicy;
    }

    public void setRerrorPolicy(DiskErrorPolicy rerrorPolicy) {
        this.rerrorPolicy = rerrorPolicy;
    }

    /** {@code @io}, or {@code null} when absent. */
    public DiskIo getIo() {
        return io;
    }

    public void setIo(DiskIo io) {
        this.io = io;
    }

    /** {@code @ioeventfd}, or {@code null} when absent. */
    public Boolean getIoeventfd() {
        return ioeventfd;
    }

    public void setIoeventfd(Boolean ioeventfd) {
        this.ioeventfd = ioeventfd;
    }

    /** {@code @event_idx}, or {@code null} when absent. */
    public Boolean getEventIdx() {
        return eventIdx;
    }

    public void setEventIdx(Boolean eventIdx) {
        this.eventIdx = eventIdx;
    }

    /** {@code @copy_on_read}, or {@code null} when absent. */
    public Boolean getCopyOnRead() {
        return copyOnRead;
    }

    public void setCopyOnRead(Boolean copyOnRead) {
        this.copyOnRead = copyOnRead;
    }

    /** {@code @discard}, or {@code null} when absent. */
    public DiskDiscard getDiscard() {
        return discard;
    }

    public void setDiscard(DiskDiscard discard) {
        this.discard = discard;
    }

    /** {@code @iothread}: the I/O thread (by id) that serves the disk, or {@code null} when absent. */
    public Integer getIothread() {
        return iothread;
    }

    public void setIothread(Integer iothread) {
        this.iothread = iothread;
    }

    /** {@code @detect_zeroes}, or {@code null} when absent. */
    public DetectZeroes getDetectZeroes() {
        return detectZeroes;
    }

    public void setDetectZeroes(DetectZeroes detectZeroes) {
        this.detectZeroes = detectZeroes;
    }

    /** {@code @queues} (virtio), or {@code null} when absent. */
    public Integer getQueues() {
        return queues;
    }

    public void setQueues(Integer queues) {
        this.queues = queues;
    }

    /** {@code @queue_size} (virtio), or {@code null} when absent. */
    public Integer getQueueSize() {
        return queueSize;
    }

    public void setQueueSize(Integer queueSize) {
        this.queueSize = queueSize;
    }
}
