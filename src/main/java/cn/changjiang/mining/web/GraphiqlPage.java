package cn.changjiang.mining.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * GraphiQL from the jar's own assets (WebJars), so it works on an intranet with no internet access; its example
 * tabs are the registered documents of {@code trusted-documents/}. Off in production mode.
 */
@RestController
@ConditionalOnProperty(name = "accountability.graphiql.enabled", havingValue = "true", matchIfMissing = true)
class GraphiqlPage {

    @GetMapping(path = "/graphiql", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> graphiql() throws IOException {
        return ResponseEntity.ok()
                .header("Content-Security-Policy", "default-src 'self'; script-src 'self' 'unsafe-inline'; "
                        + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'")
                .body(new ClassPathResource("graphiql/index.html").getContentAsString(StandardCharsets.UTF_8));
    }

    @GetMapping("/graphiql/examples.json")
    List<Map<String, String>> examples() throws IOException {
        Resource[] documents = new PathMatchingResourcePatternResolver().getResources("classpath*:trusted-documents/*.graphql");
        return Arrays.stream(documents)
                .sorted(Comparator.comparing(Resource::getFilename))
                .map(GraphiqlPage::tab)
                .toList();
    }

    private static Map<String, String> tab(Resource document) {
        try {
            return Map.of("query", document.getContentAsString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
