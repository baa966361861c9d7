package org.guanxi.integration.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.net.URL;
import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.apache.cxf.Bus;
import org.apache.cxf.BusFactory;
import org.apache.cxf.binding.BindingFactoryManager;
import org.guanxi.integration.IntegrationRuntime;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/** Camel and CXF are embedded jars: the manifest must list exactly the jars the build embeds, and they must work. */
class EmbeddedLibrariesTest {

    @Test
    void bundleClassPathListsExactlyTheEmbeddedJars() {
        Bundle bundle = FrameworkUtil.getBundle(IntegrationRuntime.class);
        Set<String> declared = Arrays.stream(bundle.getHeaders().get("Bundle-ClassPath").split(","))
                .map(String::strip).filter(s -> s.endsWith(".jar")).collect(Collectors.toCollection(TreeSet::new));
        Enumeration<URL> entries = bundle.findEntries("lib", "*.jar", false);
        Set<String> embedded = Collections.list(entries).stream().map(u -> u.getPath().substring(1))
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(embedded, declared, "Bundle-ClassPath of org.guanxi.integration must list every jar in lib/");
    }

    @Test
    void cxfStartsInsideOsgiWithItsSoapBinding() {
        Thread t = Thread.currentThread();
        ClassLoader previous = t.getContextClassLoader();
        t.setContextClassLoader(IntegrationRuntime.class.getClassLoader());
        Bus bus = BusFactory.newInstance().createBus();
        try {
            assertNotNull(bus.getExtension(BindingFactoryManager.class).getBindingFactory("http://schemas.xmlsoap.org/wsdl/soap/"));
        } catch (Exception e) {
            throw new AssertionError(e);
        } finally {
            bus.shutdown(true);
            t.setContextClassLoader(previous);
        }
    }
}
