package dev.vireo.conf.model;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;
import java.util.ArrayList;
import java.util.List;

/** One SMBIOS table of {@code <sysinfo>}: {@code <bios>} or {@code <system>}. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {"entries"})
public class SysInfoBlock {
    @XmlElement(name = "entry")
    private final List<SysInfoEntry> entries = new ArrayList<>();

    /** The {@code <entry>} children, in document order; the list is live. */
    public List<SysInfoEntry> getEntries() {
        return entries;
    }
}
