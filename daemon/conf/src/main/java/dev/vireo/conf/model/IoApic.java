package dev.vireo.conf.model;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;
import jakarta.xml.bind.annotation.adapters.XmlJavaTypeAdapter;

/** Where the I/O APIC is emulated: {@code <features><ioapic driver>}. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {})
public class IoApic {
    @XmlAttribute(name = "driver")
    @XmlJavaTypeAdapter(IoApicDriver.Adapter.class)
    private IoApicDriver driver;

    /** {@code @driver}, or {@code null} when absent. */
    public IoApicDriver getDriver() {
        return driver;
    }

    public void setDriver(IoApicDriver driver) {
        this.driver = driver;
    }
}
