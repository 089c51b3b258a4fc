package org.deliveryprogress.notifications;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;

import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import com.icegreen.greenmail.util.GreenMail;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

/** What the demo's mail server received, newest first, as plain text. */
@Controller
@Profile("demo")
class DemoMailPage {

    record Mail(String to, String subject, Date sent, String text) {
    }

    private final GreenMail demoSmtpServer;

    DemoMailPage(GreenMail demoSmtpServer) {
        this.demoSmtpServer = demoSmtpServer;
    }

    @GetMapping("/mail")
    String mail(Model model) throws MessagingException, IOException {
        List<Mail> mails = new ArrayList<>();
        for (MimeMessage message : demoSmtpServer.getReceivedMessages()) {
            mails.add(new Mail(String.join(", ", Arrays.stream(message.getAllRecipients()).map(Object::toString)
                    .toList()), message.getSubject(), message.getSentDate(), plainText(message)));
        }
        mails.sort((a, b) -> b.sent().compareTo(a.sent()));
        model.addAttribute("mails", mails);
        return "demo-mail";
    }

    private static String plainText(Part part) throws MessagingException, IOException {
        if (part.isMimeType("text/plain")) {
            return (String) part.getContent();
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                String text = plainText(child);
                if (text != null) {
                    return text;
                }
            }
        }
        return null;
    }
}
