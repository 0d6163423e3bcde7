package city.beacon.web.gateway;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Authenticates a machine client (the sensor gateway, a trusted CAP sender) by the key in {@code X-Api-Key}. Keys
 * are kept as SHA-256 digests and the presented one is compared in constant time against every configured key, so
 * neither timing nor early exit tells how much of a guess was right. The principal is the client's configured name.
 */
public class ApiKeyFilter extends OncePerRequestFilter {
    public static final String HEADER = "X-Api-Key";
    private final Map<String, byte[]> digests = new LinkedHashMap<>();
    private final String authority;
    private final Function<String, Object> principal;

    /** @param keys client name → key; blank keys are ignored. The principal is the client's name. */
    public ApiKeyFilter(Map<String, String> keys, String authority) {
        this(keys, authority, name -> name);
    }

    /** @param principal turns the matched client's configured name into the request's principal */
    public ApiKeyFilter(Map<String, String> keys, String authority, Function<String, Object> principal) {
        keys.forEach((name, key) -> {
            if (key != null && !key.isBlank()) {
                digests.put(name, sha256(key));
            }
        });
        this.authority = authority;
        this.principal = principal;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var presented = request.getHeader(HEADER);
        if (presented != null && !presented.isEmpty()) {
            var digest = sha256(presented);
            String matched = null;
            for (var entry : digests.entrySet()) {
                if (MessageDigest.isEqual(entry.getValue(), digest)) {
                    matched = entry.getKey();
                }
            }
            if (matched != null) {
                var context = SecurityContextHolder.createEmptyContext();
                context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        principal.apply(matched), null, List.of(new SimpleGrantedAuthority(authority))));
                SecurityContextHolder.setContext(context);
            }
        }
        chain.doFilter(request, response);
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
