package cn.changjiang.mining.web;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;
import org.neo4j.driver.Bookmark;
import org.springframework.data.neo4j.core.transaction.Neo4jBookmarkManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The bookmark a client carries between instances: what one instance signs, every instance with the key reads. */
class ClientBookmarksTest {

    private static ClientBookmarks withSecret(String secret) {
        return new ClientBookmarks(Neo4jBookmarkManager.create(),
                new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    }

    private final ClientBookmarks one = withSecret("the-secret-every-instance-shares-32+");
    private final ClientBookmarks other = withSecret("the-secret-every-instance-shares-32+");

    @Test
    void anotherInstanceWithTheSharedKeyReadsWhatOneSigned() {
        Set<Bookmark> written = Set.of(Bookmark.from("FB:kcwQ7Bn1"), Bookmark.from("FB:kcwQ7Bn2"));
        String token = one.write(written);
        assertThat(token).startsWith("b1.").doesNotContain("FB:");
        assertThat(other.read(token)).isEqualTo(written);
        assertThat(one.write(List.of())).as("no bookmark without writes known").isNull();
    }

    @Test
    void aBookmarkNotSignedWithTheKeyIsRefused() {
        String token = one.write(Set.of(Bookmark.from("FB:kcwQ7Bn1")));
        assertThatThrownBy(() -> withSecret("another-deployment-secret-of-32-bytes").read(token))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("signature");

        String[] parts = token.split("\\.");
        String otherPayload = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("FB:kcwQ7Bn999999".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> other.read(parts[0] + "." + otherPayload + "." + parts[2]))
                .as("a payload changed under the old signature").hasMessageContaining("signature");
        for (String garbage : List.of("", "b1", "b1..", "FB:kcwQ7Bn1", "b2." + parts[1] + "." + parts[2], token + "x")) {
            assertThatThrownBy(() -> other.read(garbage)).as(garbage).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void aBookmarkCarriesAsManyMarksAsTransactionsRunAtOnceAndStillFitsAHeader() {
        Set<Bookmark> many = new java.util.LinkedHashSet<>();
        IntStream.range(0, 64).forEach(i -> many.add(Bookmark.from("FB:kcwQsbQVUD8kTbqK3mABJ+utUckCP5" + i)));
        String token = one.write(many);
        assertThat(other.read(token)).as("none dropped").isEqualTo(many);
        IntStream.range(64, 300).forEach(i -> many.add(Bookmark.from("FB:kcwQsbQVUD8kTbqK3mABJ+utUckCP5" + i)));
        String most = one.write(many);
        assertThat(other.read(most)).hasSize(ClientBookmarks.MOST_BOOKMARKS);
        assertThat(most.length()).as("within a request header").isLessThan(7000);
    }
}
