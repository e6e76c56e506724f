package cn.changjiang.mining.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import cn.changjiang.mining.IntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Password guessing at /auth/token is slowed and then refused with 429 and Retry-After, per name and per address,
 * while other users and addresses sign in as usual. Client addresses are simulated with X-Forwarded-For, which the
 * test context trusts from loopback (a proxy in front of the app does the same in production).
 */
class SignInThrottlingTest extends IntegrationTest {

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpRequest signIn(String username, String password, String address) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/auth/token"))
                .header("Content-Type", "application/json").header("X-Forwarded-For", address)
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}")).build();
    }

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void shouldRefuseAGuessedNameWith429AndRetryAfterWhileOthersSignIn() throws Exception {
        token("analyst");
        HttpResponse<String> answer = null;
        int attempts = 0;
        while (attempts < 200) {
            attempts++;
            answer = send(signIn("analyst", "guess-" + attempts, "203.0.113.10"));
            if (answer.statusCode() != 401) {
                break;
            }
        }
        assertThat(answer.statusCode()).isEqualTo(429);
        assertThat(attempts).as("refused after the allowed failures").isEqualTo(11);
        assertThat(answer.headers().firstValue("Retry-After")).hasValueSatisfying(
                seconds -> assertThat(Long.parseLong(seconds)).isPositive());
        assertThat(answer.body()).contains("TOO_MANY_REQUESTS");
        assertThat(send(signIn("analyst", "demo-analyst", "198.51.100.5")).statusCode())
                .as("even the right password, until the name's wait is over").isEqualTo(429);
        assertThat(send(signIn("ecology", "demo-ecology", "203.0.113.10")).statusCode())
                .as("another user from the same address").isEqualTo(200);
        assertThat(send(signIn("leader", "demo-leader", "198.51.100.5")).statusCode())
                .as("another user elsewhere").isEqualTo(200);
    }

    @Test
    void shouldRefuseAnAddressThatGuessesManyNames() {
        List<CompletableFuture<HttpResponse<String>>> guesses = IntStream.range(0, 30)
                .mapToObj(n -> http.sendAsync(signIn("nobody-" + n, "guess", "203.0.113.20"),
                        HttpResponse.BodyHandlers.ofString()))
                .toList();
        assertThat(guesses.stream().map(CompletableFuture::join).map(HttpResponse::statusCode)).containsOnly(401);
        assertThat(http.sendAsync(signIn("nr", "demo-nr", "203.0.113.20"), HttpResponse.BodyHandlers.ofString())
                .join().statusCode()).isEqualTo(429);
        assertThat(http.sendAsync(signIn("nr", "demo-nr", "198.51.100.6"), HttpResponse.BodyHandlers.ofString())
                .join().statusCode()).isEqualTo(200);
    }
}
