package org.guanxi.integration;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.transform.ErrorListener;
import javax.xml.transform.SourceLocator;
import javax.xml.transform.TransformerConfigurationException;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.stream.StreamSource;

import org.xml.sax.SAXParseException;

/**
 * Compiles an XSLT mapping the way the routes' {@code xslt:} endpoints will, to refuse a broken one before it
 * replaces the running one. Every problem is reported as "line N: message", so an editor can mark the line.
 */
final class Mappings {

    private Mappings() {
    }

    static void compile(String text, Path file) throws TransformerConfigurationException {
        List<String> problems = new ArrayList<>();
        TransformerFactory factory = TransformerFactory.newInstance();
        try {
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        } catch (TransformerConfigurationException e) {
            // a factory without the feature still compiles; Camel's endpoint sets what it can, too
        }
        // secure processing forbids xsl:include; a mapping may include a file beside it, as the routes' endpoints allow
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "file");
        factory.setErrorListener(new ErrorListener() {
            @Override
            public void warning(TransformerException e) {
                // warnings do not stop the mapping from working
            }

            @Override
            public void error(TransformerException e) {
                problems.add(located(e));
            }

            @Override
            public void fatalError(TransformerException e) {
                problems.add(located(e));
            }
        });
        StreamSource source = new StreamSource(new StringReader(text), file.toUri().toString());
        try {
            factory.newTemplates(source);
        } catch (TransformerConfigurationException e) {
            if (problems.isEmpty()) {
                problems.add(located(e));
            }
        }
        List<String> located = problems.stream().filter(p -> p.startsWith("line ")).distinct().toList();
        if (!problems.isEmpty()) {
            // XSLTC adds a generic "could not compile" after the real problems; it only says more when it is alone
            throw new TransformerConfigurationException(String.join("\n", located.isEmpty() ? problems.stream().distinct().toList() : located));
        }
    }

    private static String located(TransformerException e) {
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        SourceLocator at = e.getLocator();
        if (at != null && at.getLineNumber() > 0) {
            return "line " + at.getLineNumber() + ": " + message;
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SAXParseException x && x.getLineNumber() > 0) {
                return "line " + x.getLineNumber() + ": " + x.getMessage();
            }
        }
        return message;
    }
}
