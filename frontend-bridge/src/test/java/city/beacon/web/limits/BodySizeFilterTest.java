package city.beacon.web.limits;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.util.unit.DataSize;

import java.io.IOException;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A body that declares no length (chunked) is cut off where it passes the limit, not read to its end. */
class BodySizeFilterTest {
    private final BodyLimits limits = new BodyLimits(DataSize.ofBytes(100),
            Map.of("/api/sensors/readings", DataSize.ofBytes(1000)));
    private final BodySizeFilter filter = new BodySizeFilter(limits, new ObjectMapper());

    /** Reads the whole body and records how much it got. */
    static final class ReadingServlet extends HttpServlet {
        long read = -1;

        @Override
        protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
            read = request.getInputStream().readAllBytes().length;
        }
    }

    private static MockHttpServletRequest chunked(String path, int bytes) {
        var request = new MockHttpServletRequest("POST", path) {
            @Override
            public int getContentLength() {
                return -1;
            }

            @Override
            public long getContentLengthLong() {
                return -1;
            }
        };
        request.setContent(new byte[bytes]);
        return request;
    }

    @Test
    void anUndeclaredBodyIsReadUpToTheLimit() throws Exception {
        var servlet = new ReadingServlet();
        filter.doFilter(chunked("/api/incidents", 100), new MockHttpServletResponse(), new MockFilterChain(servlet));
        assertThat(servlet.read).isEqualTo(100);
    }

    @Test
    void anUndeclaredBodyOverTheLimitStopsBeingRead() {
        var servlet = new ReadingServlet();
        assertThatThrownBy(() -> filter.doFilter(chunked("/api/incidents", 101), new MockHttpServletResponse(),
                new MockFilterChain(servlet)))
                .isInstanceOf(BodyTooLargeException.class)
                .satisfies(e -> assertThat(((BodyTooLargeException) e).limit()).isEqualTo(100));
        assertThat(servlet.read).as("the servlet never got the body").isEqualTo(-1);
    }

    @Test
    void limitsArePerExactPathWithTheDefaultForEveryOther() {
        assertThat(limits.forPath("/api/sensors/readings")).isEqualTo(1000);
        assertThat(limits.forPath("/api/incidents")).isEqualTo(100);
        assertThat(new BodyLimits(null, null).forPath("/x")).isEqualTo(BodyLimits.DEFAULT.toBytes());
    }
}
