package org.guanxi.core;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.LocalDate;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes the canonical documents Guanxi puts in its outbox (orders, customers). StAX rather than string building,
 * so that names like "Smith & Sons" or "<无>" are always escaped.
 */
public final class XmlDocuments {

    private static final XMLOutputFactory XML = XMLOutputFactory.newFactory();

    /** The content of a document below its XML declaration. */
    @FunctionalInterface
    public interface Content {
        void write(XMLStreamWriter w) throws XMLStreamException;
    }

    private XmlDocuments() {
    }

    /** A UTF-8 document; {@code what} names it in the error should writing fail. */
    public static String write(String what, Content content) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter w = XML.createXMLStreamWriter(out);
            w.writeStartDocument("UTF-8", "1.0");
            content.write(w);
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Cannot write the document of " + what, e);
        }
        return out.toString();
    }

    /** An element with the value's text; nothing at all for a null value. */
    public static void text(XMLStreamWriter w, String name, Object value) throws XMLStreamException {
        if (value == null) {
            return;
        }
        w.writeStartElement(name);
        w.writeCharacters(value instanceof BigDecimal d ? d.toPlainString()
                : value instanceof LocalDate day ? day.toString() : value.toString());
        w.writeEndElement();
    }
}
