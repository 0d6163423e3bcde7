package city.beacon.infra.cap;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.util.StreamReaderDelegate;
import java.time.Clock;
import java.time.Instant;

/**
 * Stops reading a document that costs more than {@link XmlLimits} allow: too deep, too many elements or attributes,
 * a text too long, or too much time. The checks run as each event is read, so the refusal comes after at most the
 * limit's worth of work, whatever the document's size. Depth matters most: Xerces' schema validator grows its
 * per-depth stacks a few slots at a time, so deep nesting under a lax wildcard (ds:Signature) costs O(depth²).
 */
final class BoundedXmlReader extends StreamReaderDelegate {
    private final XmlLimits limits;
    private final Clock clock;
    private final Instant deadline;
    private int depth;
    private int elements;
    private int textLength;

    BoundedXmlReader(XMLStreamReader reader, XmlLimits limits, Clock clock) {
        super(reader);
        this.limits = limits;
        this.clock = clock;
        this.deadline = clock.instant().plus(limits.timeBudget());
    }

    @Override
    public int next() throws XMLStreamException {
        int event = super.next();
        switch (event) {
            case START_ELEMENT -> started();
            case END_ELEMENT -> {
                depth--;
                textLength = 0;
            }
            case CHARACTERS, CDATA, SPACE -> {
                textLength += getTextLength();
                refuseIf(textLength > limits.maxTextLength(), "a text longer than " + limits.maxTextLength()
                        + " characters");
            }
            default -> { }
        }
        refuseIf(clock.instant().isAfter(deadline), "reading took longer than " + limits.timeBudget().toMillis()
                + " ms");
        return event;
    }

    private void started() throws XMLStreamException {
        depth++;
        elements++;
        textLength = 0;
        refuseIf(depth > limits.maxDepth(), "elements nested deeper than " + limits.maxDepth());
        refuseIf(elements > limits.maxElements(), "more than " + limits.maxElements() + " elements");
        int attributes = getAttributeCount();
        refuseIf(attributes > limits.maxAttributes(), "an element with more than " + limits.maxAttributes()
                + " attributes");
        for (int i = 0; i < attributes; i++) {
            refuseIf(getAttributeValue(i).length() > limits.maxTextLength(), "an attribute longer than "
                    + limits.maxTextLength() + " characters");
        }
    }

    private static void refuseIf(boolean over, String what) throws XMLStreamException {
        if (over) {
            throw new LimitExceeded(what);
        }
    }

    /** Distinguishes "too costly" from "not well-formed" for the caller. */
    static final class LimitExceeded extends XMLStreamException {
        LimitExceeded(String what) {
            super("the document has " + what + " (Beacon's limit for a CAP alert)");
        }
    }
}
