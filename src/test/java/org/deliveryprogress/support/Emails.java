package org.deliveryprogress.support;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;

/** The parts of an email as received, decoded, with plain line ends. */
public final class Emails {

    private Emails() {
    }

    public static String subject(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String text(MimeMessage mail) throws Exception {
        return part(mail.getContent(), "text/plain").replace("\r\n", "\n");
    }

    public static String html(MimeMessage mail) throws Exception {
        return part(mail.getContent(), "text/html").replace("\r\n", "\n");
    }

    /** The first part of the given type in a multipart email, decoded. */
    private static String part(Object content, String type) throws Exception {
        if (content instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart bodyPart = multipart.getBodyPart(i);
                String found = bodyPart.isMimeType(type) ? (String) bodyPart.getContent()
                        : part(bodyPart.getContent(), type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
