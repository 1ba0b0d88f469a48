/**
 * The domain model: one class per element of libvirt's domain XML, bound with Jakarta XML Binding.
 *
 * <p>Classes use private fields with getters and setters, and JAXB reads the fields directly
 * ({@code XmlAccessType.FIELD}). JAXB needs mutable classes with no-argument constructors, so records
 * are out; fields rather than JAXB properties keep the binding annotations next to the data, and the
 * accessors give callers (the command-line builder, the daemon) a stable API whose names follow the
 * XML ({@code disk.getDriver().getCache()}). Fixed value sets are enums implementing {@link
 * dev.vireo.conf.model.XmlSpelled}; optional numbers are {@code Integer}/{@code Long}; {@code null}
 * always means "absent in the document". Element order is each class's {@code propOrder}, which
 * follows libvirt's formatter; attributes have no order.
 */
@XmlSchema(namespace = "", elementFormDefault = XmlNsForm.UNSET,
        xmlns = @XmlNs(prefix = "qemu", namespaceURI = QemuNamespace.URI))
package dev.vireo.conf.model;

import jakarta.xml.bind.annotation.XmlNs;
import jakarta.xml.bind.annotation.XmlNsForm;
import jakarta.xml.bind.annotation.XmlSchema;
