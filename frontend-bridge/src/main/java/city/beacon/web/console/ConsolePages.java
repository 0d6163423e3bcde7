package city.beacon.web.console;

import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.util.HtmlUtils;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The console's two pages. They are static HTML except for the session's CSRF token, put into a meta tag (the
 * console sends it as a header on every change it asks for) and into the login form; everything else the console
 * needs is under {@code /console/} and {@code /webjars/}.
 */
@Controller
public class ConsolePages {
    private final String console = read("pages/console.html");
    private final String login = read("pages/login.html");

    @GetMapping(value = "/", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> console(CsrfToken token) {
        return page(console, token);
    }

    @GetMapping(value = "/login", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> login(CsrfToken token) {
        return page(login, token);
    }

    private static ResponseEntity<String> page(String template, CsrfToken token) {
        String html = template
                .replace("{{csrfHeader}}", HtmlUtils.htmlEscape(token.getHeaderName()))
                .replace("{{csrfParameter}}", HtmlUtils.htmlEscape(token.getParameterName()))
                .replace("{{csrfToken}}", HtmlUtils.htmlEscape(token.getToken()));
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).contentType(MediaType.TEXT_HTML).body(html);
    }

    private static String read(String path) {
        try (var in = new ClassPathResource(path).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("the console page " + path + " is missing from the jar", e);
        }
    }
}
