package city.beacon.infra.cap;

import city.beacon.infra.cap.xml.Alert;
import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Marshaller;
import jakarta.xml.bind.UnmarshalException;
import org.xml.sax.SAXException;

import javax.xml.XMLConstants;
import javax.xml.namespace.QName;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.util.StreamReaderDelegate;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * CAP 1.2 alerts to and from XML, validated against the OASIS schema both ways. Parsing refuses DTDs and external
 * entities (no XXE, no entity expansion); a violation names the element at fault by its path below {@code alert}.
 * CAP 1.1 messages are read as 1.2 (the namespace is mapped; the 1.2 schema then judges them). Reading is bounded
 * by {@link XmlLimits}; XML-DSig signatures are skipped unread (docs/cap.md).
 */
public class CapCodec {
    public static final String CAP_12 = "urn:oasis:names:tc:emergency:cap:1.2";
    static final String CAP_11 = "urn:oasis:names:tc:emergency:cap:1.1";
    private final JAXBContext context;
    private final Schema schema;
    private final XMLInputFactory inputs;
    private final XmlLimits limits;
    private final Clock clock;

    public CapCodec() {
        this(XmlLimits.CAP, Clock.systemUTC());
    }

    public CapCodec(XmlLimits limits, Clock clock) {
        this.limits = limits;
        this.clock = clock;
        try {
            context = JAXBContext.newInstance(Alert.class);
            var factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            schema = factory.newSchema(CapCodec.class.getResource("/cap/CAP-v1.2.xsd"));
        } catch (JAXBException | SAXException e) {
            throw new IllegalStateException("CAP 1.2 schema or binding unusable", e);
        }
        inputs = XMLInputFactory.newFactory();
        inputs.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        inputs.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        inputs.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        jdkLimit("jdk.xml.maxElementDepth", limits.maxDepth() + 1);   // the JDK parser's own guard, where supported
        jdkLimit("jdk.xml.elementAttributeLimit", limits.maxAttributes());
    }

    private void jdkLimit(String property, int value) {
        try {
            inputs.setProperty(property, String.valueOf(value));
        } catch (IllegalArgumentException unsupported) {
            // another StAX implementation: BoundedXmlReader enforces the same limit
        }
    }

    /** @throws IllegalStateException if Beacon built an alert the schema refuses: a bug, never sent out */
    public String write(Alert alert) {
        try {
            var marshaller = context.createMarshaller();
            marshaller.setSchema(schema);
            marshaller.setProperty(Marshaller.JAXB_FORMATTED_OUTPUT, true);
            marshaller.setProperty(Marshaller.JAXB_ENCODING, "UTF-8");
            var out = new StringWriter();
            marshaller.marshal(alert, out);
            return out.toString();
        } catch (JAXBException e) {
            throw new IllegalStateException("exported CAP alert is not valid CAP 1.2: " + cause(e), e);
        }
    }

    /** Text already decoded; an encoding declaration in it is ignored. */
    public Alert read(String xml) {
        try {
            return read(inputs.createXMLStreamReader(new StringReader(xml)));
        } catch (XMLStreamException e) {
            throw new CapViolation(null, "not well-formed XML: " + e.getMessage());
        }
    }

    /** Bytes as received: the parser honours a byte-order mark and the encoding declaration (e.g. ISO-8859-1). */
    public Alert read(byte[] xml) {
        try {
            return read(inputs.createXMLStreamReader(new ByteArrayInputStream(xml)));
        } catch (XMLStreamException e) {
            throw new CapViolation(null, "not well-formed XML: " + e.getMessage());
        }
    }

    private Alert read(XMLStreamReader raw) {
        var reader = new PathTrackingReader(new SignatureSkippingReader(new BoundedXmlReader(raw, limits, clock)));
        var unmarshaller = createUnmarshaller();
        var fault = new String[2];
        try {
            unmarshaller.setSchema(schema);
            unmarshaller.setEventHandler(event -> {
                fault[0] = reader.path();
                fault[1] = event.getMessage();
                return false;   // the first violation is enough
            });
            var root = unmarshaller.unmarshal(reader, Alert.class);
            return root.getValue();
        } catch (JAXBException e) {
            var limit = limitExceeded(e);
            if (limit != null) {
                throw new CapViolation(reader.path(), limit.getMessage());
            }
            if (e instanceof UnmarshalException && fault[1] != null) {
                throw new CapViolation(fault[0], fault[1]);
            }
            throw new CapViolation(reader.path(), "not a readable CAP message: " + cause(e));
        } finally {
            try {
                raw.close();
            } catch (XMLStreamException ignored) {
                // nothing held open beyond the bytes in memory
            }
        }
    }

    private jakarta.xml.bind.Unmarshaller createUnmarshaller() {
        try {
            return context.createUnmarshaller();
        } catch (JAXBException e) {
            throw new IllegalStateException(e);
        }
    }

    private static BoundedXmlReader.LimitExceeded limitExceeded(Throwable e) {
        for (var cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof BoundedXmlReader.LimitExceeded limit) {
                return limit;
            }
        }
        return null;
    }

    private static String cause(Throwable e) {
        var root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.toString() : root.getMessage();
    }

    /**
     * Keeps the path of the element being read, for naming the element a violation is about. An end tag is popped
     * only when the next event is read, because the validator reports "the value of element X is not valid" while
     * X's end tag is being processed. Also reads CAP 1.1's namespace as 1.2's.
     */
    static final class PathTrackingReader extends StreamReaderDelegate {
        private final Deque<String> path = new ArrayDeque<>();
        private boolean popPending;

        PathTrackingReader(XMLStreamReader reader) {
            super(reader);
        }

        @Override
        public int next() throws XMLStreamException {
            if (popPending) {
                path.pollLast();
                popPending = false;
            }
            int event = super.next();
            if (event == START_ELEMENT) {
                path.addLast(getLocalName());
            } else if (event == END_ELEMENT) {
                popPending = true;
            } else if (event == DTD) {
                throw new XMLStreamException("DTDs and entity declarations are not allowed");
            }
            return event;
        }

        @Override
        public String getNamespaceURI() {
            return map(super.getNamespaceURI());
        }

        @Override
        public String getNamespaceURI(String prefix) {
            return map(super.getNamespaceURI(prefix));
        }

        @Override
        public String getNamespaceURI(int index) {
            return map(super.getNamespaceURI(index));
        }

        @Override
        public QName getName() {
            var name = super.getName();
            return CAP_11.equals(name.getNamespaceURI()) ? new QName(CAP_12, name.getLocalPart(), name.getPrefix()) : name;
        }

        String path() {
            var parts = new java.util.ArrayList<>(path);
            if (!parts.isEmpty() && parts.get(0).equals("alert")) {
                parts.remove(0);
            }
            return parts.isEmpty() ? null : String.join("/", parts);
        }

        private static String map(String namespace) {
            return CAP_11.equals(namespace) ? CAP_12 : namespace;
        }
    }
}
