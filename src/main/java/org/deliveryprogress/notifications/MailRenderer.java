package org.deliveryprogress.notifications;

import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * An email's text and HTML, from its kind's templates and the model it was queued with. The outbox keeps the model
 * (strings, and lists and maps of them, as JSON) and the email is rendered as it is sent: rendering took a sixth of
 * the application's own time in a cycle's opening, where each new task tells two officers of it, and no officer's or
 * batch's transaction waits for it now.
 */
@Component
class MailRenderer {

    private static final TypeReference<Map<String, Object>> MODEL = new TypeReference<>() {
    };

    record Bodies(String text, String html) {
    }

    private final ITemplateEngine templates;
    private final ObjectMapper json;

    MailRenderer(ITemplateEngine templates, ObjectMapper json) {
        this.templates = templates;
        this.json = json;
    }

    String modelOf(Map<String, Object> variables) {
        try {
            return json.writeValueAsString(variables);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("An email's model that is not JSON: " + variables.keySet(), e);
        }
    }

    /** The email's bodies; one queued before emails kept their model has its bodies already. */
    Bodies bodiesOf(Notification notification) {
        if (notification.getModel() == null) {
            return new Bodies(notification.getTextBody(), notification.getHtmlBody());
        }
        Map<String, Object> variables;
        try {
            variables = json.readValue(notification.getModel(), MODEL);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The model of email " + notification.getId() + " is not JSON", e);
        }
        Context context = new Context(Locale.UK, variables);
        String template = notification.getKind().template();
        return new Bodies(templates.process("mail-text/" + template, context),
                templates.process("mail/" + template, context));
    }
}
