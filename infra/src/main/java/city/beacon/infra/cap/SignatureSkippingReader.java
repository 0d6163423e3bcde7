package city.beacon.infra.cap;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.util.StreamReaderDelegate;

/**
 * Leaves out an alert's XML-DSig elements (the schema's optional {@code ds:*} wildcard at the end of {@code alert}):
 * Beacon does not verify signatures and treats every alert as unsigned (docs/cap.md), so neither the schema
 * validator nor the binding spends work on them. The skipped events still pass through the reader below, which
 * bounds them.
 */
final class SignatureSkippingReader extends StreamReaderDelegate {
    static final String XML_DSIG = "http://www.w3.org/2000/09/xmldsig#";

    private int depth;

    SignatureSkippingReader(XMLStreamReader reader) {
        super(reader);
    }

    /** Only a child of the root is skipped: a ds element anywhere else stays for the schema to refuse. */
    @Override
    public int next() throws XMLStreamException {
        int event = super.next();
        while (event == START_ELEMENT && depth == 1 && XML_DSIG.equals(getNamespaceURI())) {
            skipElement();
            event = super.next();
        }
        if (event == START_ELEMENT) {
            depth++;
        } else if (event == END_ELEMENT) {
            depth--;
        }
        return event;
    }

    private void skipElement() throws XMLStreamException {
        int open = 1;
        while (open > 0) {
            int event = super.next();
            if (event == START_ELEMENT) {
                open++;
            } else if (event == END_ELEMENT) {
                open--;
            }
        }
    }
}
