package cn.changjiang.mining.common;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Cursors by position: the next position, and no page deeper than the window, however the cursor was made. */
class ConnectionTest {

    private static String cursor(String kind, String position) {
        return Base64.getUrlEncoder().encodeToString((kind + ":" + position).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void shouldGoOnRightAfterTheCursorsPosition() {
        var page = Connection.ofOffsets("issues", java.util.List.of("a", "b", "c"), 2, 40, 100);
        assertThat(page.edges()).hasSize(2);
        assertThat(Connection.offsetAfter("issues", page.pageInfo().endCursor())).isEqualTo(42);
        assertThat(Connection.offsetAfter("issues", cursor("issues", "0"))).isEqualTo(1);
    }

    @Test
    void shouldRefuseAPagePastTheWindowAndACursorOfAnotherKindOrShape() {
        assertThat(Connection.offsetAfter("issues", cursor("issues", String.valueOf(Connection.MAX_POSITION - 2))))
                .isEqualTo(Connection.MAX_POSITION - 1);
        for (String deep : new String[] {String.valueOf(Connection.MAX_POSITION - 1), "9999999",
                String.valueOf(Integer.MAX_VALUE)}) {
            assertThatThrownBy(() -> Connection.offsetAfter("issues", cursor("issues", deep)))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("rows deep at most");
        }
        for (String bad : new String[] {cursor("mines", "3"), cursor("issues", "-1"), cursor("issues", "x"),
                cursor("issues", "99999999999")}) {
            assertThatThrownBy(() -> Connection.offsetAfter("issues", bad))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("not a issues cursor");
        }
    }
}
