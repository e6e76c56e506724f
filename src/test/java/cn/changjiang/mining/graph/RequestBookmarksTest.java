package cn.changjiang.mining.graph;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.neo4j.driver.Bookmark;
import org.springframework.data.neo4j.core.transaction.Neo4jBookmarkManager;

import static org.assertj.core.api.Assertions.assertThat;

/** What a client brings back reaches every transaction its request begins, beside this instance's own. */
class RequestBookmarksTest {

    @Test
    void aRequestsBookmarksAreAmongThoseItsTransactionsBeginWithAndNoOneElses() {
        Neo4jBookmarkManager manager = RequestBookmarks.manager();
        Bookmark own = Bookmark.from("FB:this-instance");
        manager.updateBookmarks(Set.of(), Set.of(own));
        Bookmark brought = Bookmark.from("FB:written-through-another-instance");

        assertThat(RequestBookmarks.with(Set.of(brought), manager::getBookmarks)).contains(own, brought);
        assertThat(manager.getBookmarks()).as("another request's").containsExactly(own);
        assertThat(RequestBookmarks.current()).isEmpty();
    }
}
