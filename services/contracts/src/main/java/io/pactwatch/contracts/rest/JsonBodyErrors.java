package io.pactwatch.contracts.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The error shape every pactwatch HTTP API answers with, {@code {"errors":[…]}}, in one place for all services (this
 * jar is a bean archive, so Quarkus REST finds the mappers): an unreadable JSON body becomes a 400 that says what is
 * wrong instead of the framework's empty answer, and a bodiless 4xx (wrong method, wrong content type, a bare
 * {@code BadRequestException}) gets a message. The request body is never echoed back.
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
        if (e instanceof StreamConstraintsException || e.getCause() instanceof StreamConstraintsException) {
            return badRequest("the body is not acceptable JSON: it nests too deep or holds too long a value");
        }
        String reason = e instanceof JsonMappingException ? "it does not fit the expected object" : String.valueOf(e.getOriginalMessage());
        return badRequest("the body is not valid JSON: " + (reason.length() > 160 ? reason.substring(0, 160) + "…" : reason));
    }

    /**
     * The JSON reader reports a syntax error as a bare 400 wrapping the parser's exception; other 4xx without a body
     * get one naming the problem; answers with a body, and non-4xx ones, pass as they are.
     */
    @ServerExceptionMapper
    public Response wrapped(WebApplicationException e, Request request) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return unreadable(json);
        }
        Response r = e.getResponse();
        if (r == null || r.hasEntity() || r.getStatus() < 400 || r.getStatus() >= 500) {
            return r;
        }
        Response.ResponseBuilder answer = Response.fromResponse(r).type(MediaType.APPLICATION_JSON)
                .entity(Map.of("errors", List.of(message(e, r.getStatus(), request == null ? null : request.getMethod(),
                        r.getHeaderString("Allow")))));
        return answer.build();
    }

    /** A 400 with these problems, for resources that validate by hand. */
    public static Response badRequest(List<String> problems) {
        return Response.status(400).type(MediaType.APPLICATION_JSON).entity(Map.of("errors", problems)).build();
    }

    static Response badRequest(String message) {
        return badRequest(List.of(message));
    }

    static String message(WebApplicationException e, int status, String method, String allow) {
        String own = e.getMessage();
        boolean generic = own == null || own.isBlank() || own.startsWith("HTTP " + status);
        return switch (status) {
            case 405 -> "the HTTP method " + method + " is not allowed here" + (allow == null || allow.isBlank() ? "" : "; allowed: " + allow);
            case 415 -> "unsupported Content-Type: the body must be application/json";
            case 406 -> "not acceptable: this API answers application/json";
            default -> generic ? Response.Status.fromStatusCode(status) == null ? "HTTP " + status
                    : Response.Status.fromStatusCode(status).getReasonPhrase().toLowerCase() : own;
        };
    }
}
