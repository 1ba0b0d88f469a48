package dev.vireo.conf;

import dev.vireo.conf.model.Domain;
import dev.vireo.conf.model.LiveOnly;
import dev.vireo.conf.model.RngBackend;
import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Marshaller;
import jakarta.xml.bind.UnmarshalException;
import jakarta.xml.bind.Unmarshaller;
import jakarta.xml.bind.ValidationEvent;
import java.util.List;
import javax.xml.stream.XMLStreamReader;

/**
 * Binds domain XML to the model and back with one {@link JAXBContext}, created once (~200 ms).
 * Unmarshallers and marshallers are not thread-safe and cost tens of microseconds to create and
 * configure, a third of a format call, so each thread keeps one of each per mode.
 */
final class DomainBinder {
    private static final JAXBContext CONTEXT = createContext();
    private static final ThreadLocal<Unmarshaller> LIVE_READER = ThreadLocal.withInitial(() -> unmarshaller(true));
    private static final ThreadLocal<Unmarshaller> INACTIVE_READER = ThreadLocal.withInitial(() -> unmarshaller(false));
    private static final ThreadLocal<Marshaller> LIVE_WRITER = ThreadLocal.withInitial(() -> marshaller(true));
    private static final ThreadLocal<Marshaller> INACTIVE_WRITER = ThreadLocal.withInitial(() -> marshaller(false));

    private DomainBinder() {
    }

    private static JAXBContext createContext() {
        try {
            // the registry declares the elements of RngBackend's mixed content
            return JAXBContext.newInstance(Domain.class, RngBackend.Children.class);
        } catch (JAXBException e) {
            throw new IllegalStateException("the domain model cannot be bound: " + e, e);
        }
    }

    /**
     * Reads a {@code <domain>} from {@code reader}. A value the model cannot hold (an unknown enum
     * spelling, a number that is not one) is added to {@code problems} with its line, column and element
     * path, and binding goes on so that every such problem is reported at once.
     *
     * @param live keep runtime-only state (id, aliases...), as when reloading a running domain
     * @param positions receives where each bound object's element started, for later problems
     * @return the domain, or {@code null} when the document could not be bound at all
     */
    static Domain unmarshal(XMLStreamReader reader, boolean live, List<XmlProblem> problems, SourcePositions positions) {
        ElementPathReader tracked = new ElementPathReader(reader);
        Unmarshaller u = null;
        try {
            u = (live ? LIVE_READER : INACTIVE_READER).get();
            u.setListener(new Unmarshaller.Listener() {
                @Override
                public void beforeUnmarshal(Object target, Object parent) {
                    positions.record(target, tracked);
                    UnboundAttributes.check(target, tracked, problems);
                }
            });
            u.setEventHandler(event -> {
                problems.add(problem(event, tracked.path()));
                return true;
            });
            Object root = u.unmarshal(tracked);
            if (root instanceof Domain d) return d;
            problems.add(new XmlProblem(0, 0, "/", "the root element must be <domain>"));
            return null;
        } catch (UnmarshalException e) {
            if (problems.isEmpty()) problems.add(new XmlProblem(0, 0, tracked.path(), describe(e)));
            return null;
        } catch (NumberFormatException e) {
            // JAXB lets a malformed number in an attribute escape instead of reporting it as an event
            var at = tracked.getLocation();
            problems.add(new XmlProblem(at.getLineNumber(), at.getColumnNumber(), tracked.path(), notANumber(e)));
            return null;
        } catch (JAXBException e) {
            throw new IllegalStateException("binding failed: " + e, e);
        } finally {
            // the unmarshaller outlives this call; it must not keep this document's objects alive
            if (u != null) release(u);
        }
    }

    static String marshal(Domain domain, boolean live) {
        try {
            Marshaller m = (live ? LIVE_WRITER : INACTIVE_WRITER).get();
            StringBuilder out = new StringBuilder(4096);
            LibvirtStyleWriter writer = new LibvirtStyleWriter(out, domain.getQemuCommandline() != null);
            m.marshal(domain, writer);
            writer.writeEndDocument();
            return out.toString();
        } catch (JAXBException e) {
            throw new IllegalStateException("formatting failed: " + e, e);
        }
    }

    private static void release(Unmarshaller u) {
        u.setListener(null);
        try {
            u.setEventHandler(null);
        } catch (JAXBException e) {
            throw new IllegalStateException("cannot reset the unmarshaller: " + e, e);
        }
    }

    private static Unmarshaller unmarshaller(boolean live) {
        try {
            Unmarshaller u = CONTEXT.createUnmarshaller();
            for (LiveOnly<?> adapter : LiveOnly.all(live)) u.setAdapter(adapter);
            return u;
        } catch (JAXBException e) {
            throw new IllegalStateException("cannot create an unmarshaller: " + e, e);
        }
    }

    private static Marshaller marshaller(boolean live) {
        try {
            Marshaller m = CONTEXT.createMarshaller();
            for (LiveOnly<?> adapter : LiveOnly.all(live)) m.setAdapter(adapter);
            m.setProperty(Marshaller.JAXB_FRAGMENT, Boolean.TRUE);
            return m;
        } catch (JAXBException e) {
            throw new IllegalStateException("cannot create a marshaller: " + e, e);
        }
    }

    private static XmlProblem problem(ValidationEvent event, String path) {
        var where = event.getLocator();
        int line = where == null ? 0 : Math.max(0, where.getLineNumber());
        int column = where == null ? 0 : Math.max(0, where.getColumnNumber());
        Throwable cause = event.getLinkedException();
        while (cause != null && cause.getCause() != null && cause.getCause() != cause) cause = cause.getCause();
        String message = cause != null && cause.getMessage() != null ? cause.getMessage() : event.getMessage();
        return new XmlProblem(line, column, path, readable(message));
    }

    private static final java.util.regex.Pattern UNEXPECTED =
            java.util.regex.Pattern.compile("unexpected element \\(uri:\"[^\"]*\", local:\"([^\"]+)\"\\)\\. Expected elements are (.*)");

    /** JAXB's "unexpected element (uri:..., local:...)" in the words the rest of the messages use. */
    private static String readable(String message) {
        var m = UNEXPECTED.matcher(message);
        if (!m.find()) return message;
        String allowed = m.group(2).replaceAll("<\\{[^}]*\\}([^>]+)>", "$1");
        return "element <" + m.group(1) + "> is not supported here by Vireo and would be lost; allowed: " + allowed;
    }

    private static String notANumber(NumberFormatException e) {
        String m = String.valueOf(e.getMessage());
        int quote = m.indexOf('"');
        String value = quote >= 0 ? m.substring(quote) : m.replace("Not a number: ", "'") + "'";
        return "an attribute value " + value + " is not a number";
    }

    private static String describe(UnmarshalException e) {
        Throwable cause = e.getLinkedException() != null ? e.getLinkedException() : e;
        return cause.getMessage() != null ? cause.getMessage() : cause.toString();
    }
}
