package org.guanxi.marketing;

import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.guanxi.core.ContextClassLoader;

/**
 * Jakarta Mail finds its implementation (Angus) and Activation finds the text handlers through the thread's context
 * class loader, which in OSGi sees neither. Code that creates sessions, sends or reads messages runs through
 * {@link #call} with Angus's class loader as the context loader.
 */
public final class MailLoader {

    private MailLoader() {
    }

    public static <T, E extends Exception> T call(ContextClassLoader.Work<T, E> work) throws E {
        return ContextClassLoader.call(SMTPTransport.class.getClassLoader(), work);
    }
}
