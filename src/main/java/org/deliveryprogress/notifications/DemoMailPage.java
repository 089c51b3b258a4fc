package org.deliveryprogress.notifications;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

/** What the demo's mail server received, newest first, as plain text with its links to follow. */
@Controller
@Profile("demo")
class DemoMailPage {

    private static final Pattern LINK = Pattern.compile("https?://\\S+");

    record Mail(String to, String subject, Date sent, List<Piece> text) {
    }

    /** A stretch of an email's text, or a link in it. */
    record Piece(String text, boolean link) {
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
                    .toList()), message.getSubject(), message.getSentDate(), pieces(plainText(message))));
        }
        mails.sort((a, b) -> b.sent().compareTo(a.sent()));
        model.addAttribute("mails", mails);
        return "demo-mail";
    }

    private static List<Piece> pieces(String text) {
        if (text == null) {
            return List.of();
        }
        List<Piece> pieces = new ArrayList<>();
        Matcher link = LINK.matcher(text);
        int shown = 0;
        while (link.find()) {
            pieces.add(new Piece(text.substring(shown, link.start()), false));
            pieces.add(new Piece(link.group(), true));
            shown = link.end();
        }
        pieces.add(new Piece(text.substring(shown), false));
        return pieces;
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
