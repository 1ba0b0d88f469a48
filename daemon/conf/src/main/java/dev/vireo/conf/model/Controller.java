package dev.vireo.conf.model;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;
import jakarta.xml.bind.annotation.adapters.XmlJavaTypeAdapter;

/** A bus controller: {@code <controller>}. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {"pciModel", "target", "driver", "alias", "master", "address"})
public class Controller extends Device {
    @XmlAttribute(name = "type")
    @XmlJavaTypeAdapter(ControllerType.Adapter.class)
    private ControllerType type;

    @XmlAttribute(name = "index")
    private Integer index;

    @XmlAttribute(name = "model")
    private String model;

    @XmlAttribute(name = "ports")
    private Integer ports;

    @XmlAttribute(name = "vectors")
    private Integer vectors;

    @XmlElement(name = "master")
    private UsbMaster master;

    /** {@code <model name>}: the QEMU device implementing a PCI controller model. */
    @XmlElement(name = "model")
    private NamedModel pciModel;

    @XmlElement(name = "target")
    private PciControllerTarget target;

    @XmlElement(name = "driver")
    private ControllerDriver driver;

    /** {@code <driver>} (queues, I/O thread, ...), or {@code null} when absent. */
    public ControllerDriver getDriver() {
        return driver;
    }

    public void setDriver(ControllerDriver driver) {
        this.driver = driver;
    }

    /** {@code <model name>} of a PCI controller, or {@code null} when absent. */
    public NamedModel getPciModel() {
        return pciModel;
    }

    public void setPciModel(NamedModel pciModel) {
        this.pciModel = pciModel;
    }

    /** {@code <target>} of a PCI controller, or {@code null} when absent. */
    public PciControllerTarget getTarget() {
        return target;
    }

    public void setTarget(PciControllerTarget target) {
        this.target = target;
    }

    /** {@code @type}, or {@code null} when absent. */
    public ControllerType getType() {
        return type;
    }

    public void setType(ControllerType type) {
        this.type = type;
    }

    /** {@code @index}, or {@code null} when absent. */
    public Integer getIndex() {
        return index;
    }

    public void setIndex(Integer index) {
        this.index = index;
    }

    /** {@code @model}, or {@code null} when absent. */
    public String getModel() {
        return model;
    }

    public void setModel(String model) {
        this.model = model;
    }

    /** {@code @ports}, or {@code null} when absent. */
    public Integer getPorts() {
        return ports;
    }

    public void setPorts(Integer ports) {
        this.ports = ports;
    }

    /** {@code @vectors}, or {@code null} when absent. */
    public Integer getVectors() {
        return vectors;
    }

    public void setVectors(Integer vectors) {
        this.vectors = vectors;
    }

    /** {@code <master>}, or {@code null} when absent. */
    public UsbMaster getMaster() {
        return master;
    }

    public void setMaster(UsbMaster master) {
        this.master = master;
    }
}
