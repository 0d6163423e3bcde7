package city.beacon.web.department;

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

/**
 * Authenticates a department system by the key in {@code X-Api-Key}. Keys are kept only as SHA-256 digests and
 * compared in constant time against every configured key, so neither timing nor early exit reveals how much of
 * a guess was right. A missing or unknown key leaves the request unauthenticated (401 follows).
 */
class ApiKeyAuthenticationFilter extends OncePerRequestFilter {
    static final String HEADER = "X-Api-Key";
    static final String ROLE = "ROLE_DEPARTMENT_SYSTEM";
    private final Map<String, byte[]> digests = new LinkedHashMap<>();

    ApiKeyAuthenticationFilter(DepartmentApiKeys keys) {
        keys.departments().forEach((name, key) -> {
            if (key != null && key.apiKey() != null && !key.apiKey().isBlank()) {
                digests.put(name, sha256(key.apiKey()));
            }
        });
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
                        new DepartmentSystem(matched), null, List.of(new SimpleGrantedAuthority(ROLE))));
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
