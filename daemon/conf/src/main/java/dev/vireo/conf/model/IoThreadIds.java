package dev.vireo.conf.model;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;
import java.util.ArrayList;
import java.util.List;

/** The ids of the I/O threads: {@code <iothreadids>}. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {"iothreads"})
public class IoThreadIds {
    @XmlElement(name = "iothread")
    private final List<IoThreadId> iothreads = new ArrayList<>();

    /** The {@code <iothread>} children, in document order; the list is live. */
    public List<IoThreadId> getIothreads() {
        return iothreads;
    }
}
