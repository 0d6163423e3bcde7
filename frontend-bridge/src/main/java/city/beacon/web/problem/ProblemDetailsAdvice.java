package city.beacon.web.problem;

import city.beacon.api.common.NotPermittedException;
import city.beacon.api.common.RuleViolationException;
import city.beacon.api.common.TransitionRejectedException;
import city.beacon.web.limits.BodySizeFilter;
import city.beacon.web.limits.BodyTooLargeException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import java.util.List;

/**
 * Every client mistake becomes an RFC 9457 problem that names the field and the reason; nothing a client sends
 * produces a 500. Domain refusals map to 400 (rule), 403 (permission), 404 (unknown id) and 409 (state).
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE - 10)
public class ProblemDetailsAdvice {
    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);
    private final StoreFailures storeFailures;

    public ProblemDetailsAdvice(StoreFailures storeFailures) {
        this.storeFailures = storeFailures;
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ProblemDetail invalid(MethodArgumentNotValidException e) {
        List<FieldProblem> fields = e.getBindingResult().getFieldErrors().stream()
                .map(error -> new FieldProblem(error.getField(), error.getDefaultMessage()))
                .sorted((a, b) -> a.field().compareTo(b.field()))
                .toList();
        var globals = e.getBindingResult().getGlobalErrors().stream()
                .map(error -> new FieldProblem("body", error.getDefaultMessage())).toList();
        var all = new java.util.ArrayList<>(fields);
        all.addAll(globals);
        var first = all.isEmpty() ? "The request is invalid" : all.get(0).field() + " " + all.get(0).reason();
        return Problems.invalid(first, all);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof BodyTooLargeException tooLarge) {
                return tooLarge(tooLarge);
            }
        }
        return JsonProblems.from(e);
    }

    @ExceptionHandler(BodyTooLargeException.class)
    ProblemDetail tooLarge(BodyTooLargeException e) {
        return BodySizeFilter.tooLarge(e.limit());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        var reason = "has an invalid value: " + e.getValue();
        return Problems.invalid(e.getName() + " " + reason, List.of(new FieldProblem(e.getName(), reason)));
    }

    @ExceptionHandler(BlankPathVariableException.class)
    ProblemDetail blankPathVariable(BlankPathVariableException e) {
        return Problems.invalid(e.getMessage(), List.of(new FieldProblem(e.variable(), "is required")));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ProblemDetail missingParameter(MissingServletRequestParameterException e) {
        return Problems.invalid(e.getParameterName() + " is required",
                List.of(new FieldProblem(e.getParameterName(), "is required")));
    }

    @ExceptionHandler(RuleViolationException.class)
    ProblemDetail ruleViolated(RuleViolationException e) {
        return Problems.invalid(e.getMessage(), List.of(new FieldProblem(e.field(), e.getMessage())));
    }

    @ExceptionHandler(TransitionRejectedException.class)
    ProblemDetail transitionRejected(TransitionRejectedException e) {
        var problem = Problems.of(HttpStatus.CONFLICT, "invalid-transition", "Not possible in the current state",
                e.getMessage());
        problem.setProperty("currentState", e.currentState());
        problem.setProperty("action", e.action());
        return problem;
    }

    @ExceptionHandler(ConcurrencyException.class)
    ProblemDetail conflict(ConcurrencyException e) {
        return Problems.of(HttpStatus.CONFLICT, "concurrent-change", "Changed by someone else at the same time",
                "Another change to the same record won the race; reload and try again");
    }

    @ExceptionHandler({NotPermittedException.class, AccessDeniedException.class})
    ProblemDetail notPermitted(RuntimeException e) {
        return Problems.of(HttpStatus.FORBIDDEN, "forbidden", "Not permitted", e.getMessage());
    }

    @ExceptionHandler({AggregateNotFoundException.class, UnknownResourceException.class, NoResourceFoundException.class})
    ProblemDetail notFound(Exception e) {
        var detail = e instanceof UnknownResourceException ? e.getMessage() : "No such resource";
        return Problems.of(HttpStatus.NOT_FOUND, "not-found", "Not found", detail);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ProblemDetail methodNotAllowed(HttpRequestMethodNotSupportedException e) {
        return Problems.of(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed", "Method not allowed", e.getMessage());
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ProblemDetail mediaType(HttpMediaTypeNotSupportedException e) {
        var supported = e.getSupportedMediaTypes().isEmpty() ? "application/json"
                : String.join(" or ", e.getSupportedMediaTypes().stream().map(Object::toString).toList());
        return Problems.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "Unsupported media type",
                "Send " + supported);
    }

    @ExceptionHandler(StoreUnavailableException.class)
    ProblemDetail storeUnavailable(StoreUnavailableException e) {
        log.warn("store unavailable: {}", e.getMessage());
        var problem = Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "store-unavailable", "Temporarily unavailable",
                "Beacon's store could not serve this request: it did not answer in time or refused to write "
                        + "(see reason). If you were changing something, check whether it took effect before trying "
                        + "again.");
        String reason = storeFailures.reason(e);
        if (reason != null) {
            problem.setProperty("reason", reason);
        }
        return problem;
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        if (storeFailures.isStoreFailure(e)) {
            return storeUnavailable(new StoreUnavailableException(e.getMessage(), e));
        }
        log.error("unexpected failure", e);
        return Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Internal error",
                "Beacon failed unexpectedly; the failure has been logged");
    }
}
