package cn.changjiang.mining.web;

import java.util.Map;

import cn.changjiang.mining.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Documents meant to knock the server over are each refused with a code, and normal queries keep working. */
class HostileDocumentsTest extends IntegrationTest {

    @AfterEach
    void serverStillAnswersNormalQueries() {
        graphQl.document("{ tasks { number } }").execute().errors().verify().path("tasks").entityList(Object.class).hasSize(7);
    }

    private void assertRefused(String document, String... codes) {
        graphQl.document(document).execute().errors().satisfy(errors -> {
            assertThat(errors).isNotEmpty();
            assertThat(errors.getFirst().getExtensions().get("code")).isIn((Object[]) codes);
        });
    }

    @Test
    void shouldRefuseADocumentFiftyLevelsDeep() {
        String document = "{ task(number: 1) { " + "responsibleUnits { tasks { ".repeat(25) + "number "
                + "} } ".repeat(25) + "} }";
        assertRefused(document, "QUERY_TOO_DEEP");
    }

    @Test
    void shouldRefuseAThousandAliases() {
        StringBuilder document = new StringBuilder("{ ");
        for (int i = 0; i < 1000; i++) {
            document.append("a").append(i).append(": __typename ");
        }
        assertRefused(document.append("}").toString(), "TOO_MANY_ALIASES");
    }

    @Test
    void shouldRefuseAOneMegabyteStringArgumentBeforeReadingIt() {
        String huge = "矿".repeat(350_000);
        var response = RestClient.create("http://localhost:" + port).post().uri("/graphql")
                .header("Authorization", "Bearer " + token("office"))
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("query", "query($n: String!) { unit(name: $n) { id } }", "variables", Map.of("n", huge)))
                .exchange((request, r) -> Map.of("status", r.getStatusCode().value(), "body", new String(r.getBody().readAllBytes())));
        assertThat(response.get("status")).isEqualTo(413);
        assertThat((String) response.get("body")).contains("REQUEST_TOO_LARGE");
        assertRefused("{ unit(name: \"" + "x".repeat(30_000) + "\") { id } }", "DOCUMENT_TOO_LARGE");
    }

    @Test
    void shouldRefuseCyclicFragments() {
        assertRefused("""
                { tasks { ...A } }
                fragment A on Task { responsibleUnits { tasks { ...B } } }
                fragment B on Task { ...A }""", "GRAPHQL_VALIDATION_FAILED");
    }

    @Test
    void shouldRefuseDeepIntrospection() {
        assertRefused("""
                { __schema { types { fields { type { fields { type { fields { type { fields { type { fields { type {
                  fields { type { name } } } } } } } } } } } } } } }""", "QUERY_TOO_DEEP", "QUERY_TOO_COMPLEX", "INTROSPECTION_REFUSED");
    }

    @Test
    void shouldRefuseAWideExpensiveDocument() {
        StringBuilder fields = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            fields.append("u").append(i).append(": units { tasks { violationTypes { competentUnits { tasks { number } } } } } ");
        }
        assertRefused("{ " + fields + "}", "QUERY_TOO_COMPLEX");
    }
}
