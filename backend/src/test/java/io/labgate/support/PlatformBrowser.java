package io.labgate.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser, as far as a sign-in needs one: it keeps cookies, follows redirects one by one (remembering each
 * response) and submits the OpenID provider's login form. It stops where the SPA would take over (/login/sso).
 */
public final class PlatformBrowser {

    private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*action=\"([^\"]+)\"");

    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final URI app;
    /** Every response of the last navigation, in order. */
    private final List<HttpResponse<String>> history = new ArrayList<>();

    public PlatformBrowser(URI app) {
        this.app = app;
    }

    /** Clicks "sign in with your platform account" and signs in at the provider as {@code login}. */
    public URI signIn(String login) {
        HttpResponse<String> page = navigate(app.resolve("/api/auth/oidc/login"));
        if (page.statusCode() != 200 || !page.body().contains("name=\"login\"")) {
            throw new AssertionError("expected the provider's login form, got " + page.statusCode() + " at "
                    + page.uri() + ": " + page.body());
        }
        Matcher action = FORM_ACTION.matcher(page.body());
        if (!action.find()) {
            throw new AssertionError("no form on the login page");
        }
        URI submit = page.uri().resolve(action.group(1));
        return landing(post(submit, Map.of("prompt", "login", "login", login, "password", "any-password")));
    }

    /** The SPA's half: redeems the one-time code in the cookie for a session. */
    public HttpResponse<String> redeem() {
        return send(HttpRequest.newBuilder(app.resolve("/api/auth/oidc/session"))
                .POST(HttpRequest.BodyPublishers.noBody()).header("Accept", "application/json").build());
    }

    /** GETs the URI and follows redirects until a page (not a redirect) or the SPA's sign-in page. */
    public HttpResponse<String> navigate(URI uri) {
        history.clear();
        return follow(send(HttpRequest.newBuilder(uri).GET().build()));
    }

    public List<HttpResponse<String>> history() {
        return List.copyOf(history);
    }

    /** The first response of the last navigation whose Location starts with the prefix. */
    public Optional<URI> redirectTo(String prefix) {
        return history.stream().map(r -> r.headers().firstValue("Location"))
                .flatMap(Optional::stream).filter(l -> l.startsWith(prefix)).map(URI::create).findFirst();
    }

    public Optional<HttpCookie> cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name)).findFirst();
    }

    public CookieManager cookies() {
        return cookies;
    }

    public static Map<String, String> query(URI uri) {
        Map<String, String> params = new LinkedHashMap<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                String[] kv = pair.split("=", 2);
                params.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                        kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
            }
        }
        return params;
    }

    private HttpResponse<String> post(URI uri, Map<String, String> form) {
        history.clear();
        StringBuilder body = new StringBuilder();
        form.forEach((k, v) -> body.append(body.isEmpty() ? "" : "&").append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                .append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return follow(send(HttpRequest.newBuilder(uri).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build()));
    }

    private HttpResponse<String> follow(HttpResponse<String> response) {
        for (int hops = 0; hops < 20; hops++) {
            history.add(response);
            Optional<String> location = response.headers().firstValue("Location");
            if (response.statusCode() / 100 != 3 || location.isEmpty()) {
                return response;
            }
            URI next = response.uri().resolve(location.get());
            if (next.getPath().equals("/login/sso")) {
                return response;
            }
            response = send(HttpRequest.newBuilder(next).GET().build());
        }
        throw new AssertionError("too many redirects");
    }

    /** Where the last navigation left the browser: the SPA's sign-in page, with its query. */
    private URI landing(HttpResponse<String> last) {
        return last.headers().firstValue("Location").map(l -> last.uri().resolve(l))
                .orElseThrow(() -> new AssertionError("the sign-in ended at " + last.statusCode() + " "
                        + last.uri() + ": " + last.body()));
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
