package io.pactwatch.notifier.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns an unreadable JSON body into a 400 that says what is wrong ({@code {"errors":[…]}}, like validation errors),
 * instead of the framework's empty answer; the body itself is never echoed back.
 */
public class JsonBodyErrors {

    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e) {
        String field = e.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining("."));
        return badRequest(field.isEmpty() ? "the body must be a JSON object" : "field " + field + " has the wrong type or shape");
    }

    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException e) {
        if (e instanceof MismatchedInputException m) {
            return mismatched(m);
        }
        String reason = e instanceof JsonMappingException ? "it does not fit the expected object" : String.valueOf(e.getOriginalMessage());
        return badRequest("the body is not valid JSON: " + (reason.length() > 160 ? reason.substring(0, 160) + "…" : reason));
    }

    /** The JSON reader reports a syntax error as a bare 400 wrapping the parser's exception; other answers pass. */
    @ServerExceptionMapper
    public Response wrapped(jakarta.ws.rs.WebApplicationException e) {
        return e.getCause() instanceof JsonProcessingException json ? unreadable(json) : e.getResponse();
    }

    static Response badRequest(String message) {
        return Response.status(400).type(MediaType.APPLICATION_JSON).entity(Map.of("errors", List.of(message))).build();
    }
}
