package org.deliveryprogress.engine;

import java.util.Arrays;
import java.util.Collection;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.rest.exception.InvalidRequestException;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.ext.ExceptionMapper;

/**
 * A body that Camunda's REST APIs cannot read: not JSON (a line break typed inside a quoted value, a brace left open),
 * or JSON of another shape ({@code "variables": 5}). Jersey's Jackson feature answered it before Camunda's own
 * mappers, with a 400 in plain text holding Jackson's words and the names of Camunda's and Java's classes
 * ({@code CompleteTaskDto["variables"]->java.util.LinkedHashMap["actionProgress"]}); it is answered here as Camunda
 * answers its other refusals (JSON: type and message), saying where in the body and what to write. A mapper for each
 * of Jackson's two types, since Jersey takes the mapper of the type nearest the failure's, then the one of higher
 * priority.
 */
final class UnreadableBodies {

    private static final Pattern CONTROL_CHARACTER = Pattern.compile("CTRL-CHAR, code (\\d+)");

    /** Where Jackson's words name the source it read, which says nothing to the caller. */
    private static final Pattern SOURCE = Pattern.compile("(?s)\\s*(\\(start marker at )?\\[Source:.*");

    private UnreadableBodies() {
    }

    @Priority(Priorities.USER - 1)
    static final class NotJson implements ExceptionMapper<JsonParseException> {
        @Override
        public Response toResponse(JsonParseException e) {
            return refusal("The request's body is not JSON" + at(e.getLocation()) + ": " + syntax(e) + ".");
        }
    }

    @Priority(Priorities.USER - 1)
    static final class NotOfItsShape implements ExceptionMapper<JsonMappingException> {
        @Override
        public Response toResponse(JsonMappingException e) {
            // A failure of the body's reading that carries its own answer, such as a body over the size the APIs
            // take (EngineApiBodyLimit), which Jackson wraps with the place it had read to.
            if (e.getCause() instanceof WebApplicationException answered) {
                return answered.getResponse();
            }
            return refusal(whatIsWrong(e));
        }
    }

    private static String whatIsWrong(JsonMappingException e) {
        String path = pathOf(e);
        if (e.getCause() instanceof JsonParseException syntax) {
            return "The request's body is not JSON" + at(syntax.getLocation()) + ", in " + path + ": "
                    + syntax(syntax) + ".";
        }
        if (e instanceof InvalidFormatException invalid) {
            return "In the request's body, " + path + " is '" + invalid.getValue() + "', not "
                    + expected(invalid.getTargetType()) + ".";
        }
        if (e instanceof MismatchedInputException mismatched && mismatched.getTargetType() != null) {
            return (e.getPath().isEmpty() ? "The request's body" : "In the request's body, " + path) + " must be "
                    + expected(mismatched.getTargetType()) + ".";
        }
        return "The request's body could not be read" + (e.getPath().isEmpty() ? "" : " at " + path) + ": "
                + words(e) + ".";
    }

    private static Response refusal(String message) {
        return EngineRestAnswers.answer(Status.BAD_REQUEST, new InvalidRequestException(Status.BAD_REQUEST, message));
    }

    /** Jackson's words for a syntax error, without the source it read; a control character said as such. */
    private static String syntax(JsonProcessingException e) {
        Matcher control = CONTROL_CHARACTER.matcher(e.getOriginalMessage());
        if (control.find()) {
            return "a quoted text holds a line break or another control character (code " + control.group(1)
                    + "): write a line break as \\n and a tab as \\t, or keep the text on one line";
        }
        return words(e);
    }

    private static String words(JsonProcessingException e) {
        return SOURCE.matcher(e.getOriginalMessage()).replaceFirst("").lines().findFirst().orElse("");
    }

    private static String at(JsonLocation location) {
        return location == null || location.getLineNr() < 1 ? ""
                : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    /** Where in the body, by its fields and list positions: "variables.actionProgress.value". */
    private static String pathOf(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "the body" : path.toString();
    }

    /** What a value should have been, in words rather than the names of Camunda's and Java's classes. */
    private static String expected(Class<?> type) {
        if (type == String.class) {
            return "text";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        if (type.isEnum()) {
            return "one of " + String.join(", ", Arrays.stream(type.getEnumConstants()).map(String::valueOf)
                    .toList());
        }
        return "an object";
    }
}
