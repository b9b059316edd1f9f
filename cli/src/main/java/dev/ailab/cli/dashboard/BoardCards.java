package dev.ailab.cli.dashboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.ailab.hub.Priority;
import dev.ailab.hub.StoreValues;
import dev.ailab.hub.WorkFilter;
import dev.ailab.hub.WorkStatus;
import dev.ailab.hub.dashboard.DashboardQueries;
import dev.ailab.hub.dashboard.DashboardQueries.Card;
import java.io.ByteArrayOutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every card of the board in memory, each with its JSON already written, kept current from the
 * live loop's differences. {@code /api/items} then filters and joins bytes instead of reading
 * and serialising 10,000 rows after every change (median 579 ms before, 63 ms after, in one run
 * at load 22: docs/performance.md). The filters mean what {@code work list}'s SQL means; text
 * search reads bodies, which cards do not hold, so a filter with {@code q} is answered by the
 * store ({@link #answer} returns null).
 */
final class BoardCards {
    private record Entry(Card card, WorkStatus status, int rank, byte[] json) {
    }

    /** The order of {@code WorkFilter.Sort.priority}: priority rank descending, then id. */
    private static final Comparator<Entry> ORDER = Comparator.comparingInt((Entry e) -> -e.rank())
            .thenComparingLong(e -> e.card().id());

    private final DashboardQueries queries;
    /** Replaced, never changed in place: a reader filters one consistent map without a lock. Null until loaded. */
    private volatile Map<Long, Entry> cards;

    BoardCards(DashboardQueries queries) {
        this.queries = queries;
    }

    /** Reads every card from the store (on start, after a restore, when projects changed). */
    synchronized void reload() {
        Map<Long, Entry> all = new HashMap<>();
        for (Card c : queries.cards(new WorkFilter().all())) {
            all.put(c.id(), entry(c));
        }
        cards = all;
    }

    /**
     * Applies a change: {@code fresh} are the cards of {@code changed} as read after it (one
     * deleted meanwhile is missing), {@code removed} the ids gone. Nothing before the first {@link #reload}.
     */
    synchronized void update(List<Card> fresh, List<Long> changed, List<Long> removed) {
        if (cards == null || (changed.isEmpty() && removed.isEmpty())) {
            return;
        }
        Map<Long, Entry> next = new HashMap<>(cards);
        removed.forEach(next::remove);
        changed.forEach(next::remove);
        for (Card c : fresh) {
            next.put(c.id(), entry(c));
        }
        cards = next;
    }

    /** Reads these cards again now (after a write through the server, before the live loop sees it). */
    void refresh(List<Long> ids) {
        update(queries.cards(ids), ids, List.of());
    }

    /** Forgets everything, so that answers come from the store until the next {@link #reload}. */
    void drop() {
        cards = null;
    }

    boolean loaded() {
        return cards != null;
    }

    /** The JSON array {@code /api/items} answers for this filter, or null when the store must answer. */
    byte[] answer(DashboardApi.BoardFilter board) {
        Map<Long, Entry> now = cards;
        WorkFilter f = board.filter();
        if (now == null || f.text != null || f.dueBefore != null || f.limit > 0) {
            return null;
        }
        List<String> labels = f.label == null ? List.of() : StoreValues.labels(List.of(f.label));
        String priority = board.priority() == null ? null : board.priority().name();
        List<Entry> hits = new ArrayList<>();
        for (Entry e : now.values()) {
            Card c = e.card();
            if (f.statuses.contains(e.status()) && (f.project == null || f.project.equals(c.project()))
                    && (f.assignee == null || f.assignee.equals(c.assignee())) && (priority == null || priority.equals(c.priority()))
                    && c.labels().containsAll(labels)) {
                hits.add(e);
            }
        }
        hits.sort(ORDER);
        int size = 2 + hits.size();
        for (Entry e : hits) {
            size += e.json().length;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(size);
        out.write('[');
        for (int i = 0; i < hits.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.writeBytes(hits.get(i).json());
        }
        out.write(']');
        return out.toByteArray();
    }

    private static Entry entry(Card c) {
        try {
            return new Entry(c, WorkStatus.parse(c.status()), Priority.valueOf(c.priority()).rank(),
                    DashboardApi.COMPACT.writeValueAsBytes(c));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("a card cannot be written as JSON", e);
        }
    }
}
