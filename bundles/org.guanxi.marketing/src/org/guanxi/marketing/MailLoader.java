package org.guanxi.marketing;

import org.eclipse.angus.mail.smtp.SMTPTransport;

/**
 * Jakarta Mail finds its implementation (Angus) and Activation finds the text handlers through the thread's context
 * class loader, which in OSGi sees neither. Code that creates sessions, sends or reads messages runs through
 * {@link #call} with Angus's class loader as the context loader.
 */
public final class MailLoader {

    public interface MailWork<T, E extends Exception> {
        T run() throws E;
    }

    private MailLoader() {
    }

    public static <T, E extends Exception> T call(MailWork<T, E> work) throws E {
        Thread t = Thread.currentThread();
        ClassLoader saved = t.getContextClassLoader();
        t.setContextClassLoader(SMTPTransport.class.getClassLoader());
        try {
            return work.run();
        } finally {
            t.setContextClassLoader(saved);
        }
    }
}
