package org.guanxi.integration.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import javax.xml.XMLConstants;
import javax.xml.transform.Source;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;

import org.apache.cxf.binding.soap.SoapFault;
import org.guanxi.integration.Xml;
import org.w3c.dom.Element;
import org.xml.sax.SAXException;

import jakarta.xml.ws.Provider;
import jakarta.xml.ws.Service;
import jakarta.xml.ws.ServiceMode;
import jakarta.xml.ws.WebServiceProvider;

/**
 * iDempiere's {@code compositeInterface} as the fake ERP offers it (contracts/idempiere/compositeInterface.wsdl,
 * {@code compositeOperation}): every request is validated against {@code idempiere-schema.xsd} and refused with a
 * client fault when it does not conform; a valid one gets a {@code StandardResponse} with a record id per operation,
 * as iDempiere answers. An order's {@code DocumentNo} seen before gets the same C_Order id back (CreateUpdate).
 */
@WebServiceProvider(serviceName = "compositeInterface", portName = "CompositeServiceImplPort", targetNamespace = IdempiereEndpoint.NAMESPACE)
@ServiceMode(Service.Mode.PAYLOAD)
public final class IdempiereEndpoint implements Provider<Source> {

    public static final String NAMESPACE = "http://idempiere.org/ADInterface/1_0";
    private static final Schema SCHEMA = schema();

    private final Map<String, Integer> orders = new ConcurrentHashMap<>();
    /** Business partners by search key (Value), as iDempiere's CreateUpdate finds an existing partner. */
    private final Map<String, Integer> partners = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong(1_000_000);
    private final List<String> received = Collections.synchronizedList(new ArrayList<>());

    /** The schema shipped with the route files; validation is what makes this fake worth testing against. */
    private static Schema schema() {
        URL xsd = IdempiereEndpoint.class.getResource("/routes/contracts/idempiere/idempiere-schema.xsd");
        if (xsd == null) {
            throw new IllegalStateException("idempiere-schema.xsd is missing from the integration bundle");
        }
        try (InputStream in = xsd.openStream()) {
            return SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI).newSchema(new StreamSource(in, xsd.toString()));
        } catch (IOException | SAXException e) {
            throw new IllegalStateException("Cannot read idempiere-schema.xsd", e);
        }
    }

    /** Validates one {@code CompositeRequest} element against the iDempiere schema; throws with the reason. */
    public static void validate(Element compositeRequest) throws SAXException, IOException {
        SCHEMA.newValidator().validate(new DOMSource(compositeRequest));
    }

    /** The requests received, as XML text, oldest first. */
    public List<String> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    @Override
    public Source invoke(Source request) {
        Element body = Soap.element(request);
        received.add(Soap.serialize(body));
        if (!"compositeOperation".equals(body.getLocalName()) || !NAMESPACE.equals(body.getNamespaceURI())) {
            throw new SoapFault("Unknown operation " + body.getLocalName(), SoapFault.FAULT_CODE_CLIENT);
        }
        Element composite = Xml.child(body, "CompositeRequest");
        if (composite == null) {
            throw new SoapFault("compositeOperation without CompositeRequest", SoapFault.FAULT_CODE_CLIENT);
        }
        try {
            validate(composite);
        } catch (SAXException | IOException e) {
            throw new SoapFault("Request does not conform to idempiere-schema.xsd: " + e.getMessage(), SoapFault.FAULT_CODE_CLIENT);
        }
        StringBuilder out = new StringBuilder("<ns1:compositeOperationResponse xmlns:ns1=\"" + NAMESPACE + "\"><CompositeResponses xmlns=\""
                + NAMESPACE + "\"><CompositeResponse>");
        for (Element operations : Xml.children(composite, "operations")) {
            for (Element op : Xml.children(operations, "operation")) {
                Element crud = Xml.child(op, "ModelCRUD");
                String error = null;
                int id;
                if (crud != null && "Read".equals(Xml.text(crud, "Action"))) {
                    String filter = Xml.text(crud, "Filter");
                    String docNo = filter == null ? "" : filter.replaceAll(".*DocumentNo\\s*=\\s*'([^']*)'.*", "$1");
                    Integer known = orders.get(docNo);
                    id = known == null ? 0 : known;
                    if (known == null) {
                        error = "No C_Order with DocumentNo " + docNo;
                    }
                } else if (crud != null && "C_Order".equals(Xml.text(crud, "TableName"))) {
                    String docNo = field(crud, "DocumentNo");
                    id = orders.computeIfAbsent(docNo == null ? "" : docNo, k -> (int) ids.incrementAndGet());
                } else if (crud != null && "C_BPartner".equals(Xml.text(crud, "TableName"))) {
                    String value = field(crud, "Value");
                    id = partners.computeIfAbsent(value == null ? "" : value, k -> (int) ids.incrementAndGet());
                } else if (crud != null && "C_OrderLine".equals(Xml.text(crud, "TableName"))) {
                    id = (int) ids.incrementAndGet();
                    String product = field(crud, "M_Product_ID");
                    if (product == null || product.isBlank()) {
                        error = "No product on order line";
                    }
                } else {
                    id = (int) ids.incrementAndGet();
                }
                out.append("<StandardResponse RecordID=\"").append(id).append('"');
                if (error != null) {
                    out.append(" IsError=\"true\" IsRolledBack=\"true\"><Error>").append(Soap.escape(error)).append("</Error></StandardResponse>");
                    break;
                }
                out.append("/>");
            }
        }
        out.append("</CompositeResponse></CompositeResponses></ns1:compositeOperationResponse>");
        return Soap.source(out.toString());
    }

    /** A DataRow field's value or, for a lookup by name, its {@code lval}; null when the row has no such field. */
    private static String field(Element crud, String column) {
        Element row = Xml.child(crud, "DataRow");
        if (row != null) {
            for (Element f : Xml.children(row, "field")) {
                if (column.equals(f.getAttribute("column"))) {
                    return f.hasAttribute("lval") ? f.getAttribute("lval") : Xml.text(f, "val");
                }
            }
        }
        return null;
    }
}
