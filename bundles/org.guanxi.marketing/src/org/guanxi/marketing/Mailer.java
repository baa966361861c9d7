package org.guanxi.marketing;

import java.io.UnsupportedEncodingException;
import java.util.Properties;

import org.guanxi.marketing.api.CampaignService.MailSettings;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/**
 * One SMTP connection through Jakarta Mail, kept open across the messages of a run. The password is not a shared
 * setting: it comes from the environment of the process that sends ({@code GUANXI_SMTP_PASSWORD}).
 * Every call into the library runs through {@link MailLoader}.
 */
final class Mailer implements AutoCloseable {

    static final String PASSWORD_ENV = "GUANXI_SMTP_PASSWORD";

    /** The server refused the recipient for good (5xx): the address bounces and is suppressed. */
    static final class Rejected extends MessagingException {
        private static final long serialVersionUID = 1L;

        Rejected(String message) {
            super(message);
        }
    }

    private final MailSettings settings;
    private final Session session;
    private Transport transport;

    Mailer(MailSettings settings) {
        this.settings = settings;
        Properties p = new Properties();
        p.setProperty("mail.smtp.host", settings.host());
        p.setProperty("mail.smtp.port", String.valueOf(settings.port()));
        p.setProperty("mail.smtp.connectiontimeout", "15000");
        p.setProperty("mail.smtp.timeout", "30000");
        p.setProperty("mail.smtp.writetimeout", "30000");
        p.setProperty("mail.smtp.starttls.enable", String.valueOf(settings.startTls()));
        p.setProperty("mail.smtp.starttls.required", String.valueOf(settings.startTls()));
        boolean auth = settings.username() != null && !settings.username().isBlank();
        p.setProperty("mail.smtp.auth", String.valueOf(auth));
        this.session = MailLoader.call(() -> Session.getInstance(p));
    }

    /**
     * Sends one plain-text message and returns its Message-ID. A permanent refusal of the recipient is
     * {@link Rejected}; any other {@link MessagingException} (connection lost, 4xx) is worth retrying.
     */
    String send(String to, String subject, String body) throws MessagingException {
        return MailLoader.call(() -> sendMessage(to, subject, body));
    }

    private String sendMessage(String to, String subject, String body) throws MessagingException {
        MimeMessage m = new MimeMessage(session);
        try {
            m.setFrom(new InternetAddress(settings.fromAddress(), settings.fromName(), "UTF-8"));
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException(e); // UTF-8 is always there
        }
        m.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(to, true));
        m.setSubject(subject, "UTF-8");
        m.setText(body, "UTF-8");
        // mail clients show an "unsubscribe" button for this header; the reply reaches the sender's mailbox
        m.setHeader("List-Unsubscribe", "<mailto:" + settings.fromAddress() + "?subject=unsubscribe>");
        m.saveChanges();
        try {
            connected().sendMessage(m, m.getAllRecipients());
        } catch (SendFailedException e) {
            Address[] invalid = e.getInvalidAddresses();
            if (invalid != null && invalid.length > 0) {
                throw new Rejected(e.getMessage());
            }
            throw e;
        } catch (MessagingException e) {
            close(); // reconnect on the next try
            throw e;
        }
        return m.getMessageID();
    }

    private Transport connected() throws MessagingException {
        if (transport == null || !transport.isConnected()) {
            transport = session.getTransport("smtp");
            String user = settings.username();
            if (user != null && !user.isBlank()) {
                transport.connect(settings.host(), settings.port(), user, System.getenv(PASSWORD_ENV));
            } else {
                transport.connect();
            }
        }
        return transport;
    }

    /** Opens the connection now, so that a wrong host or port is reported before any recipient is touched. */
    void connect() throws MessagingException {
        MailLoader.call(this::connected);
    }

    @Override
    public void close() {
        if (transport != null) {
            try {
                transport.close();
            } catch (MessagingException e) {
                // the connection is gone either way
            }
            transport = null;
        }
    }
}
