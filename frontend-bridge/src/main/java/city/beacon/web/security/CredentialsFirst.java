package city.beacon.web.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

import java.io.IOException;

/**
 * Checks Basic credentials before the CSRF filter, and marks a request whose credentials were valid: only such a
 * request is a machine client exempt from the CSRF token (a request that merely has an {@code Authorization} header
 * is not). The regular Basic filter later finds the user already signed in.
 */
class CredentialsFirst extends BasicAuthenticationFilter {
    static final String AUTHENTICATED_BY_CREDENTIALS = CredentialsFirst.class.getName() + ".authenticated";

    CredentialsFirst(AuthenticationManager authenticationManager, AuthenticationEntryPoint entryPoint) {
        super(authenticationManager, entryPoint);
    }

    @Override
    protected void onSuccessfulAuthentication(HttpServletRequest request, HttpServletResponse response,
                                              Authentication authResult) throws IOException {
        request.setAttribute(AUTHENTICATED_BY_CREDENTIALS, Boolean.TRUE);
    }

    static boolean authenticatedByCredentials(HttpServletRequest request) {
        return Boolean.TRUE.equals(request.getAttribute(AUTHENTICATED_BY_CREDENTIALS));
    }
}
