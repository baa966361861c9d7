package org.guanxi.integration;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.List;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.guanxi.core.service.InventoryService.StockReport;

/**
 * Reads an SCM inventory file in XML: {@code <Inventory><Stock sku="…" warehouse="…" onHand="…" reserved="…"/>…
 * </Inventory>} in any namespace, in the encoding its declaration names (UTF-8 by default). Read as a stream
 * (a large file costs no tree in memory), with DTDs and external entities refused; a problem names the line.
 */
public final class InventoryXml {

    private static final XMLInputFactory FACTORY = XMLInputFactory.newFactory();

    static {
        FACTORY.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        FACTORY.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        FACTORY.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
    }

    private InventoryXml() {
    }

    public static List<StockReport> parse(String fileName, byte[] content) {
        return parse(fileName, new ByteArrayInputStream(content));
    }

    /** Streams the file: it is never held in memory whole. */
    public static List<StockReport> parse(String fileName, InputStream content) {
        StockRows rows = new StockRows();
        try {
            XMLStreamReader r = FACTORY.createXMLStreamReader(content);
            try {
                boolean root = true;
                while (r.hasNext() && !rows.full()) {
                    if (r.next() != XMLStreamConstants.START_ELEMENT) {
                        continue;
                    }
                    long line = r.getLocation().getLineNumber();
                    if (root) {
                        root = false;
                        if (!"Inventory".equals(r.getLocalName())) {
                            rows.problem(line, "", FileRejectedException.TEXTS.get("reason.xmlRoot", r.getLocalName()));
                            break;
                        }
                    } else if ("Stock".equals(r.getLocalName())) {
                        rows.add(line, r.getAttributeValue(null, "sku"), r.getAttributeValue(null, "warehouse"),
                                r.getAttributeValue(null, "onHand"), r.getAttributeValue(null, "reserved"));
                    } else {
                        rows.problem(line, r.getLocalName(), FileRejectedException.TEXTS.get("reason.xmlElement", r.getLocalName()));
                    }
                }
            } finally {
                r.close();
            }
        } catch (XMLStreamException e) {
            long line = e.getLocation() == null ? 0 : e.getLocation().getLineNumber();
            rows.problem(Math.max(0, line), "", FileRejectedException.TEXTS.get("reason.xml", e.getMessage()));
        }
        return rows.result(fileName);
    }
}
