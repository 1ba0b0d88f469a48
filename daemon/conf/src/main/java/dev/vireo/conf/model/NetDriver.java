package dev.vireo.conf.model;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;
import jakarta.xml.bind.annotation.adapters.XmlJavaTypeAdapter;

/** virtio-net driver options: {@code <interface><driver>}. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {})
public class NetDriver {
    @XmlAttribute(name = "name")
    @XmlJavaTypeAdapter(NetBackend.Adapter.class)
    private NetBackend name;

    @XmlAttribute(name = "txmode")
    @XmlJavaTypeAdapter(NetTxMode.Adapter.class)
    private NetTxMode txmode;

    @XmlAttribute(name = "ioeventfd")
    @XmlJavaTypeAdapter(OnOffAdapter.class)
    private Boolean ioeventfd;

    @XmlAttribute(name = "event_idx")
    @XmlJavaTypeAdapter(OnOffAdapter.class)
    private Boolean eventIdx;

    /** {@code @name}, or {@code null} when absent. */
    public NetBackend getName() {
        return name;
    }

    public void setName(NetBackend name) {
        this.name = name;
    }

    /** {@code @txmode}, or {@code null} when absent. */
    public NetTxMode getTxmode() {
        return txmode;
    }

    public void setTxmode(NetTxMode txmode) {
        this.txmode = txmode;
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
}
