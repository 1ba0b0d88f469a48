package dev.vireo.conf.model;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;
import java.util.ArrayList;
import java.util.List;

/** Guest NUMA topology: {@code <cpu><numa>}. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {"cells"})
public class CpuNuma {
    @XmlElement(name = "cell")
    private final List<NumaCell> cells = new ArrayList<>();

    /** The {@code <cell>} children, in document order; the list is live. */
    public List<NumaCell> getCells() {
        return cells;
    }
}
