package org.guanxi.core;

/**
 * Runs work with a given thread context class loader and puts the previous one back. Libraries that find their
 * implementations through the context loader (Jakarta Mail, Camel's component and DSL lookup) see nothing of a
 * bundle's embedded jars in OSGi unless the calling code lends them that bundle's loader.
 */
public final class ContextClassLoader {

    public interface Work<T, E extends Exception> {
        T run() throws E;
    }

    private ContextClassLoader() {
    }

    public static <T, E extends Exception> T call(ClassLoader loader, Work<T, E> work) throws E {
        Thread t = Thread.currentThread();
        ClassLoader saved = t.getContextClassLoader();
        t.setContextClassLoader(loader);
        try {
            return work.run();
        } finally {
            t.setContextClassLoader(saved);
        }
    }
}
