package org.deliveryprogress.notifications;

import java.util.Date;

import org.springframework.mail.javamail.JavaMailSenderImpl;

import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;

/**
 * One connection to the mail server for a batch of emails, each handed to the server on its own, so that the outbox
 * can record each one as sent the moment the server has taken it. Spring's sender sends a batch over one connection
 * too, but says which were taken only once the whole batch is through. Connects as the application's mail sender is
 * set up ({@code spring.mail.*}, or the demo's server), and again when the server has closed the connection.
 */
final class MailServerConnection implements AutoCloseable {

    private final JavaMailSenderImpl settings;
    private Transport transport;

    MailServerConnection(JavaMailSenderImpl settings) {
        this.settings = settings;
    }

    /** Connects, unless connected: a failure here means the server cannot be reached at all. */
    void connectIfClosed() throws MessagingException {
        if (transport != null && transport.isConnected()) {
            return;
        }
        close();
        transport = settings.getProtocol() != null ? settings.getSession().getTransport(settings.getProtocol())
                : settings.getSession().getTransport();
        // No user name means no authentication: an empty one would make the transport try to authenticate.
        String username = settings.getUsername() == null || settings.getUsername().isEmpty() ? null
                : settings.getUsername();
        transport.connect(settings.getHost(), settings.getPort(), username,
                username == null ? null : settings.getPassword());
    }

    /** Hands the message to the server; answers once the server has taken it, throws if it did not. */
    void send(MimeMessage message) throws MessagingException {
        connectIfClosed();
        if (message.getSentDate() == null) {
            message.setSentDate(new Date());
        }
        message.saveChanges();
        transport.sendMessage(message, message.getAllRecipients());
    }

    @Override
    public void close() {
        if (transport != null) {
            try {
                transport.close();
            } catch (MessagingException alreadyGone) {
                // The server closed it first: nothing is left to release.
            }
            transport = null;
        }
    }
}
