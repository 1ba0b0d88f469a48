package dev.vireo.conf.validate;

import java.net.URL;
import java.util.EnumMap;
import java.util.Map;
import javax.xml.stream.XMLStreamException;
import org.codehaus.stax2.validation.XMLValidationSchema;
import org.codehaus.stax2.validation.XMLValidationSchemaFactory;

/**
 * Each schema compiled once, on first use (MSV grammars are immutable and shared by every
 * reader), with its index for messages. Compiling costs about a second on a cold JVM, so a
 * process that never reads snapshots never pays for that schema. A schema that does not compile
 * is a build defect: it fails loudly rather than passing documents unchecked.
 */
final class CompiledSchemas {
    record Compiled(XMLValidationSchema schema, ProblemTranslator translator) {
    }

    private static final Map<SchemaKind, Compiled> SCHEMAS = new EnumMap<>(SchemaKind.class);

    private CompiledSchemas() {
    }

    static Compiled of(SchemaKind kind) {
        synchronized (SCHEMAS) {
            return SCHEMAS.computeIfAbsent(kind, CompiledSchemas::compile);
        }
    }

    private static Compiled compile(SchemaKind kind) {
        URL url = CompiledSchemas.class.getResource(kind.resource());
        if (url == null) throw new IllegalStateException("schema resource missing: " + kind.resource());
        try {
            XMLValidationSchemaFactory factory =
                    XMLValidationSchemaFactory.newInstance(XMLValidationSchema.SCHEMA_ID_RELAXNG);
            XMLValidationSchema schema = factory.createSchema(url);
            SchemaIndex index = SchemaIndex.load(kind.resource());
            return new Compiled(schema, new ProblemTranslator(index, kind.rootElement()));
        } catch (XMLStreamException e) {
            throw new IllegalStateException("schema " + kind.resource() + " does not compile: " + e.getMessage(), e);
        }
    }
}
