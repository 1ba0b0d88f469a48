package dev.vireo.conf.model;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

/** Traffic shaping of an interface: {@code <bandwidth>}. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {"inbound", "outbound"})
public class Bandwidth {
    @XmlElement(name = "inbound")
    private BandwidthRate inbound;

    @XmlElement(name = "outbound")
    private BandwidthRate outbound;

    /** {@code <inbound>}, or {@code null} when absent. */
    public BandwidthRate getInbound() {
        return inbound;
    }

    public void setInbound(BandwidthRate inbound) {
        this.inbound = inbound;
    }

    /** {@code <outbound>}, or {@code null} when absent. */
    public BandwidthRate getOutbound() {
        return outbound;
    }

    public void setOutbound(BandwidthRate outbound) {
        this.outbound = outbound;
    }
}
