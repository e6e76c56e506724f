package cn.changjiang.mining.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.neo4j.driver.AuthToken;
import org.neo4j.driver.AuthTokens;
import tools.jackson.databind.json.JsonMapper;

/** Command-line options ({@code --name value}) and signing in, shared by the generator and the benchmark. */
final class BenchOptions {

    private BenchOptions() {
    }

    static Map<String, String> parse(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int n = 0; n < args.length; n++) {
            if (!args[n].startsWith("--")) {
                throw new IllegalArgumentException("Expected --name value, got " + args[n]);
            }
            String name = args[n].substring(2);
            boolean flag = n + 1 >= args.length || args[n + 1].startsWith("--");
            options.put(name, flag ? "true" : args[++n]);
        }
        return options;
    }

    /**
     * The credentials for {@code --bolt}: user neo4j with {@code --bolt-password}, else {@code NEO4J_EMBEDDED_PASSWORD},
     * else the password file the embedded engine generated ({@code --bolt-password-file}, default
     * {@code ./data/bolt-password}); none for a server without authentication.
     */
    static AuthToken boltAuth(Map<String, String> options) throws Exception {
        String password = options.getOrDefault("bolt-password", System.getenv("NEO4J_EMBEDDED_PASSWORD"));
        Path file = Path.of(options.getOrDefault("bolt-password-file", "data/bolt-password"));
        if (password == null && Files.isReadable(file)) {
            password = Files.readString(file).strip();
        }
        return password == null || password.isEmpty() ? AuthTokens.none() : AuthTokens.basic("neo4j", password);
    }

    /** A bearer token for a demo user (password demo-NAME), from the instance's own token endpoint. */
    static String token(String baseUrl, String username) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/auth/token"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"username\":\"" + username + "\",\"password\":\"demo-" + username + "\"}"))
                .build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Cannot sign in as " + username + " (" + response.statusCode() + "): "
                    + response.body() + "; the benchmark needs the demo users (DEMO_DATA on)");
        }
        return JsonMapper.builder().build().readTree(response.body()).get("access_token").asString();
    }
}
