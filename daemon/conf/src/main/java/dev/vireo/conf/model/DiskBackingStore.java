package dev.vireo.conf.model;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;
import jakarta.xml.bind.annotation.adapters.XmlJavaTypeAdapter;

/**
 * One layer of the image chain below a disk's image, as a running domain reports it:
 * {@code <backingStore>}, nested once per layer. An empty element marks the end of the chain.
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {"format", "source", "backingStore"})
public class DiskBackingStore {
    @XmlAttribute(name = "type")
    @XmlJavaTypeAdapter(DiskType.Adapter.class)
    private DiskType type;

    @XmlAttribute(name = "index")
    private Integer index;

    @XmlElement(name = "format")
    private BackingFormat format;

    @XmlElement(name = "source")
    private DiskSource source;

    @XmlElement(name = "backingStore")
    private DiskBackingStore backingStore;

    /** {@code @type}, or {@code null} on the empty element that ends the chain. */
    public DiskType getType() {
        return type;
    }

    public void setType(DiskType type) {
        this.type = type;
    }

    /** {@code @index}: the layer's number in the chain, or {@code null}. */
    public Integer getIndex() {
        return index;
    }

    public void setIndex(Integer index) {
        this.index = index;
    }

    /** {@code <format type>}, or {@code null}. */
    public BackingFormat getFormat() {
        return format;
    }

    public void setFormat(BackingFormat format) {
        this.format = format;
    }

    /** {@code <source>}, or {@code null}. */
    public DiskSource getSource() {
        return source;
    }

    public void setSource(DiskSource source) {
        this.source = source;
    }

    /** The next layer down, or {@code null}. */
    public DiskBackingStore getBackingStore() {
        return backingStore;
    }

    public void setBackingStore(DiskBackingStore backingStore) {
        this.backingStore = backingStore;
    }
}
