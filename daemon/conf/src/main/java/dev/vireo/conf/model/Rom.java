package dev.vireo.conf.model;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;
import jakarta.xml.bind.annotation.adapters.XmlJavaTypeAdapter;

/** PCI ROM of a device: {@code <rom bar file>}. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {})
public class Rom {
    @XmlAttribute(name = "bar")
    @XmlJavaTypeAdapter(OnOffAdapter.class)
    private Boolean bar;

    @XmlAttribute(name = "file")
    private String file;

    /** {@code @bar}, or {@code null} when absent. */
    public Boolean getBar() {
        return bar;
    }

    public void setBar(Boolean bar) {
        this.bar = bar;
    }

    /** {@code @file}, or {@code null} when absent. */
    public String getFile() {
        return file;
    }

    public void setFile(String file) {
        this.file = file;
    }
}
