package org.guanxi.integration.simulator;

import java.io.StringReader;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.Source;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMResult;
import javax.xml.transform.stream.StreamSource;

import org.apache.cxf.binding.soap.SoapFault;
import org.guanxi.integration.Xml;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Small DOM and SOAP helpers shared by the simulators. */
final class Soap {

    private static final TransformerFactory TRANSFORMERS = TransformerFactory.newInstance();

    private Soap() {
    }

    /** CXF finds its bus extensions and the JAX-WS provider through the context class loader. */
    static void withBundleClassLoader(Runnable r) {
        Thread t = Thread.currentThread();
        ClassLoader previous = t.getContextClassLoader();
        t.setContextClassLoader(Soap.class.getClassLoader());
        try {
            r.run();
        } finally {
            t.setContextClassLoader(previous);
        }
    }

    static Element element(Source source) {
        try {
            DOMResult result = new DOMResult();
            TRANSFORMERS.newTransformer().transform(source, result);
            Node n = result.getNode();
            return n instanceof Document d ? d.getDocumentElement() : (Element) n;
        } catch (Exception e) {
            throw new IllegalArgumentException("Unreadable request: " + e.getMessage(), e);
        }
    }

    static String serialize(Element e) {
        try {
            java.io.StringWriter out = new java.io.StringWriter();
            javax.xml.transform.Transformer t = TRANSFORMERS.newTransformer();
            t.setOutputProperty(javax.xml.transform.OutputKeys.OMIT_XML_DECLARATION, "yes");
            t.transform(new javax.xml.transform.dom.DOMSource(e), new javax.xml.transform.stream.StreamResult(out));
            return out.toString();
        } catch (javax.xml.transform.TransformerException x) {
            throw new IllegalStateException(x);
        }
    }

    static Source source(String xml) {
        return new StreamSource(new StringReader(xml));
    }

    static Element child(Element parent, String localName) {
        Element c = Xml.child(parent, localName);
        if (c == null) {
            throw new SoapFault("Missing element " + localName + " in " + parent.getLocalName(), SoapFault.FAULT_CODE_CLIENT);
        }
        return c;
    }

    static String text(Element parent, String localName) {
        return child(parent, localName).getTextContent().strip();
    }

    /** A client fault whose detail carries {@code <Fault><Code/><Message/></Fault>} in the contract's namespace. */
    static SoapFault fault(String namespace, String code, String message) {
        SoapFault fault = new SoapFault(code + ": " + message, SoapFault.FAULT_CODE_CLIENT);
        try {
            Document d = DocumentBuilderFactory.newDefaultNSInstance().newDocumentBuilder().newDocument();
            Element detail = d.createElement("detail");
            Element f = d.createElementNS(namespace, "ErpFault");
            Element c = d.createElementNS(namespace, "Code");
            c.setTextContent(code);
            Element m = d.createElementNS(namespace, "Message");
            m.setTextContent(message);
            f.appendChild(c);
            f.appendChild(m);
            detail.appendChild(f);
            fault.setDetail(detail);
        } catch (javax.xml.parsers.ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
        return fault;
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
