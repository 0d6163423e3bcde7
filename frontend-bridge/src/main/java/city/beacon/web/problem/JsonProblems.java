package city.beacon.web.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Explains an unreadable request body in terms of the JSON field a client got wrong. */
final class JsonProblems {
    private static final Pattern DUPLICATE = Pattern.compile("Duplicate (?:field|Object property) '([^']*)'");
    private JsonProblems() { }

    static ProblemDetail from(HttpMessageNotReadableException e) {
        Throwable cause = e.getCause();
        if (cause instanceof InvalidFormatException invalid && invalid.getTargetType() != null
                && invalid.getTargetType().isEnum()) {
            var allowed = Arrays.stream(invalid.getTargetType().getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", "));
            return field(invalid, "must be one of " + allowed);
        }
        if (cause instanceof InvalidNullException nulled && !nulled.getPath().isEmpty()) {
            return field(nulled, "must have a value, not null");
        }
        if (cause instanceof InvalidFormatException invalid && invalid.getTargetType() == String.class) {
            return field(invalid, invalid.getOriginalMessage());
        }
        if (cause instanceof ValueInstantiationException instantiation) {
            var reason = instantiation.getCause() == null ? "is invalid" : instantiation.getCause().getMessage();
            return field(instantiation, reason);
        }
        if (cause instanceof MismatchedInputException mismatched && !mismatched.getPath().isEmpty()) {
            var type = mismatched.getTargetType() == null ? "another type" : mismatched.getTargetType().getSimpleName();
            return field(mismatched, "has the wrong type (expected " + type + ")");
        }
        StreamConstraintsException limit = find(e, StreamConstraintsException.class);
        if (limit != null) {
            return Problems.invalid("The request body exceeds a limit: " + limit.getOriginalMessage(), List.of());
        }
        if (cause instanceof JsonParseException parse && parse.getOriginalMessage() != null) {
            Matcher duplicate = DUPLICATE.matcher(parse.getOriginalMessage());
            if (duplicate.find()) {
                String field = duplicate.group(1);
                return Problems.invalid(field + " appears more than once",
                        List.of(new FieldProblem(field, "appears more than once")));
            }
        }
        if (cause instanceof JsonProcessingException json) {
            return Problems.invalid("The request body is not valid JSON: " + json.getOriginalMessage(), List.of());
        }
        return Problems.invalid("The request body is missing or unreadable", List.of());
    }

    private static <T extends Throwable> T find(Throwable e, Class<T> type) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }

    private static ProblemDetail field(JsonMappingException e, String reason) {
        String field = path(e);
        return Problems.invalid(field + " " + reason, List.of(new FieldProblem(field, reason)));
    }

    private static String path(JsonMappingException e) {
        var path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }
}
