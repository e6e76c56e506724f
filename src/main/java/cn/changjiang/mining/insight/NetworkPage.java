package cn.changjiang.mining.insight;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The accountability network page: Cytoscape.js drawing the API's subgraphs, every asset served from the jar so it
 * works on an intranet with no internet access. It reads through the API with the signed-in user's token, so it
 * shows only what that user may read.
 */
@RestController
class NetworkPage {

    private static final String SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; connect-src 'self'";

    @GetMapping(path = "/network", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> page() throws IOException {
        return asset("network/index.html", MediaType.TEXT_HTML);
    }

    @GetMapping(path = "/network/network.js")
    ResponseEntity<String> script() throws IOException {
        return asset("network/network.js", MediaType.valueOf("text/javascript"));
    }

    /** A page asset from the jar, never cached stale, under the pages' strict security policy (no other origin). */
    static ResponseEntity<String> asset(String path, MediaType type) throws IOException {
        return ResponseEntity.ok()
                .contentType(new MediaType(type, StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noCache())
                .header("Content-Security-Policy", SECURITY_POLICY)
                .body(new ClassPathResource(path).getContentAsString(StandardCharsets.UTF_8));
    }
}
