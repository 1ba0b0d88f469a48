package dev.vireo.conf.model;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;
import jakarta.xml.bind.annotation.adapters.XmlJavaTypeAdapter;

/** A TPM backend: {@code <tpm><backend>}: the host TPM (passthrough) or swtpm (emulator). */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {"device"})
public class TpmBackend {
    @XmlAttribute(name = "type")
    @XmlJavaTypeAdapter(TpmBackendType.Adapter.class)
    private TpmBackendType type;

    @XmlAttribute(name = "version")
    @XmlJavaTypeAdapter(TpmVersion.Adapter.class)
    private TpmVersion version;

    @XmlAttribute(name = "persistent_state")
    @XmlJavaTypeAdapter(YesNoAdapter.class)
    private Boolean persistentState;

    @XmlElement(name = "device")
    private TpmDevice device;

    /** {@code @type}, or {@code null} when absent. */
    public TpmBackendType getType() {
        return type;
    }

    public void setType(TpmBackendType type) {
        this.type = type;
    }

    /** {@code @version}, or {@code null} when absent. */
    public TpmVersion getVersion() {
        return version;
    }

    public void setVersion(TpmVersion version) {
        this.version = version;
    }

    /** {@code @persistent_state}: keep the emulator state on undefine, or {@code null} when absent. */
    public Boolean getPersistentState() {
        return persistentState;
    }

    public void setPersistentState(Boolean persistentState) {
        this.persistentState = persistentState;
    }

    /** {@code <device>}, or {@code null} when absent. */
    public TpmDevice getDevice() {
        return device;
    }

    public void setDevice(TpmDevice device) {
        this.device = device;
    }
}
