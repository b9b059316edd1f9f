package dev.ailab.cli.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ailab.hub.NewWorkItem;
import dev.ailab.hub.Priority;
import dev.ailab.hub.StoreFactory;
import dev.ailab.hub.StoreSettings;
import dev.ailab.hub.WorkItems;
import dev.ailab.hub.WorkStatus;
import dev.ailab.hub.dashboard.DashboardQueries;
import dev.ailab.hub.dashboard.StoreSnapshot;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The board's cards in memory answer {@code /api/items} byte for byte as the store's query does,
 * for every filter the page sends, before and after changes applied from a snapshot difference.
 */
class BoardCardsTest {
    @TempDir
    Path dir;
    StoreFactory store;
    DashboardQueries queries;
    WorkItems items;

    /** Filters as the page's query string gives them. */
    static final List<Map<String, String>> FILTERS = List.of(Map.of(), Map.of("project", "shop"), Map.of("project", "web"),
            Map.of("project", "nowhere"), Map.of("label", "bug"), Map.of("label", "BUG"), Map.of("label", "a_b"),
            Map.of("label", "bug,docs"), Map.of("assignee", "claude"), Map.of("priority", "high"), Map.of("priority", "u"),
            Map.of("status", "todo"), Map.of("status", "doing,done"), Map.of("project", "shop", "label", "bug", "priority", "urgent"),
            Map.of("status", "blocked", "assignee", "grok"));

    @BeforeEach
    void fill() {
        store = StoreFactory.open(StoreSettings.of("jdbc:sqlite:" + dir.resolve("hub.db")));
        queries = new DashboardQueries(store);
        items = new WorkItems(store);
        String[] projects = {"shop", "web", null};
        String[][] labels = {{"bug"}, {"docs", "bug"}, {"a_b"}, {}, {"axb"}};
        String[] assignees = {"claude", "grok", null};
        for (int i = 0; i < 60; i++) {
            items.add(new NewWorkItem("item " + i, "body " + i, projects[i % 3], WorkStatus.values()[i % 4],
                    Priority.values()[i % 4], List.of(labels[i % 5]), assignees[i % 3], i % 2 == 0 ? LocalDate.of(2026, 12, 1 + i % 20) : null,
                    null, null, null, null));
        }
    }

    @AfterEach
    void close() {
        store.close();
    }

    void assertSameAsTheStore(BoardCards board) throws Exception {
        for (Map<String, String> q : FILTERS) {
            byte[] fromStore = DashboardApi.COMPACT.writeValueAsBytes(DashboardApi.get(queries, "/api/items", q, LocalDate.now(), Instant.now()));
            byte[] fromMemory = board.answer(DashboardApi.BoardFilter.of(q));
            assertThat(fromMemory).as("an answer from memory for " + q).isNotNull();
            assertThat(new String(fromMemory, StandardCharsets.UTF_8)).as(q.toString()).isEqualTo(new String(fromStore, StandardCharsets.UTF_8));
        }
    }

    @Test
    void everyFilterAnswersAsTheStoresQuery() throws Exception {
        BoardCards board = new BoardCards(queries);
        assertThat(board.answer(DashboardApi.BoardFilter.of(Map.of()))).as("nothing before the first load").isNull();
        board.reload();
        assertSameAsTheStore(board);
        assertThat(board.answer(DashboardApi.BoardFilter.of(Map.of("q", "body 3")))).as("text search reads bodies: the store answers").isNull();
    }

    @Test
    void changesFromASnapshotDifferenceKeepItEqualToTheStore() throws Exception {
        BoardCards board = new BoardCards(queries);
        board.reload();
        StoreSnapshot before = StoreSnapshot.read(queries);
        items.add(new NewWorkItem("new one", null, "shop", null, Priority.urgent, List.of("bug"), "claude", null, null, null, null, null));
        items.setStatus(2, WorkStatus.done);
        WorkItems.Changes ch = new WorkItems.Changes();
        ch.addLabels = List.of("docs");
        ch.removeLabels = List.of("bug");
        ch.assignee = "grok";
        ch.priority = Priority.low;
        items.update(5, ch);
        items.delete(7);
        StoreSnapshot.Difference d = StoreSnapshot.read(queries).since(before);
        assertThat(d.changed()).hasSize(3);
        assertThat(d.removed()).containsExactly(7L);
        board.update(queries.cards(d.changed()), d.changed(), d.removed());
        assertSameAsTheStore(board);
        // A write through the server reads its card at once.
        items.setStatus(9, WorkStatus.blocked);
        board.refresh(new ArrayList<>(List.of(9L)));
        assertSameAsTheStore(board);
    }
}
