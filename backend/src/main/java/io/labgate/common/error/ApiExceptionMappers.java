package io.labgate.common.error;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticator;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.Comparator;
import java.util.List;

/** Maps every failure to {@link ApiError}; never a stack trace or a Java class name. */
public class ApiExceptionMappers {

    private static final Logger LOG = Logger.getLogger(ApiExceptionMappers.class);
    /** Where a browser signs in with the platform account (io.labgate.auth.PlatformSignInResource). */
    private static final String SIGN_IN_PATH = "/api/auth/oidc/";

    @ServerExceptionMapper
    public Response api(ApiException e) {
        ApiError body = ApiError.of(e);
        Response.ResponseBuilder builder = Response.status(e.status()).entity(body);
        if (e instanceof RetryableApiException retryable) {
            builder.header("Retry-After", retryable.retryAfterSeconds());
        }
        return json(builder);
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e) {
        List<ApiError.Violation> violations = e.getConstraintViolations().stream()
                .map(v -> ApiError.Violation.of(ViolationPaths.ofParameter(v), v))
                .sorted(Comparator.comparing(ApiError.Violation::field))
                .toList();
        return api(ApiException.invalid(violations));
    }

    /** Quarkus maps this subtype itself (empty 400) unless a mapper names it exactly. */
    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e) {
        return api(JsonBodyErrors.of(e));
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException e) {
        return api(JsonBodyErrors.of(e));
    }

    /**
     * API callers get the error shape; the platform sign-in's browser navigation gets its mechanism's challenge
     * instead (quarkus-oidc's redirect to the platform, with its state cookie).
     */
    @ServerExceptionMapper
    public Uni<Response> unauthorized(UnauthorizedException e, RoutingContext request) {
        Response refused = api(new ApiException(401, ErrorCode.UNAUTHORIZED,
                "Log in first: a valid bearer token is required"));
        HttpAuthenticator authenticator = request.get(HttpAuthenticator.class.getName());
        if (authenticator == null || !request.normalizedPath().startsWith(SIGN_IN_PATH)) {
            return Uni.createFrom().item(refused);
        }
        return authenticator.getChallenge(request).map(challenge -> {
            if (challenge == null || challenge.status == 401) {
                return refused;
            }
            Response.ResponseBuilder builder = Response.status(challenge.status);
            challenge.getHeaders().forEach((name, value) -> builder.header(name.toString(), value));
            return builder.build();
        }).onFailure().recoverWithItem(refused);
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e) {
        return api(new ApiException(401, ErrorCode.UNAUTHORIZED, "The bearer token is invalid or has expired"));
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return api(new ApiException(403, ErrorCode.FORBIDDEN, "Your role does not allow this action"));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        return api(of(e));
    }

    /** What JAX-RS's own failures (no such path, a body it could not read …) mean, for every door. */
    public static ApiException of(WebApplicationException e) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return JsonBodyErrors.of(json);
        }
        int status = e.getResponse().getStatus();
        ErrorCode code = switch (e) {
            case NotFoundException n -> ErrorCode.NOT_FOUND;
            case NotAllowedException n -> ErrorCode.METHOD_NOT_ALLOWED;
            case NotSupportedException n -> ErrorCode.UNSUPPORTED_MEDIA_TYPE;
            default -> status >= 500 ? ErrorCode.INTERNAL_ERROR : ErrorCode.BAD_REQUEST;
        };
        String message = status >= 500 ? "Internal error" : describe(status);
        return new ApiException(status, code, message);
    }

    @ServerExceptionMapper(priority = 10_000)
    public Response unexpected(Throwable e) {
        return api(internalError(e));
    }

    /** A failure nobody expected: logged here (its class; the trace at debug), answered as a bare 500. */
    public static ApiException internalError(Throwable e) {
        LOG.errorf("Unexpected failure: %s", e.getClass().getName());
        LOG.debug("Unexpected failure", e);
        return new ApiException(500, ErrorCode.INTERNAL_ERROR, "Internal error; it has been logged");
    }

    private static String describe(int status) {
        return switch (status) {
            case 404 -> "No such resource";
            case 405 -> "Method not allowed here";
            case 415 -> "Unsupported content type";
            default -> "Bad request";
        };
    }

    private static Response json(Response.ResponseBuilder builder) {
        return builder.type(MediaType.APPLICATION_JSON_TYPE).build();
    }
}
