package dev.ailab.cli.dashboard;

import com.sun.net.httpserver.HttpExchange;
import dev.ailab.hub.dashboard.ChangeSignal;
import dev.ailab.hub.dashboard.DashboardQueries;
import dev.ailab.hub.dashboard.StoreSnapshot;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.LoggerFactory;

/**
 * The one Server-Sent Events stream: a single thread waits on the store's {@link ChangeSignal},
 * lets a burst of changes settle ({@link #SETTLE_MS}), compares a new {@link StoreSnapshot} with
 * the last and sends every open page one {@code change} event with only the cards that changed,
 * the ids removed and which other views are stale. With nothing changing it sends one comment
 * line every {@link #KEEP_ALIVE_MS} and otherwise sleeps in the kernel.
 *
 * <p>Every change event carries a version, one more than the last; {@code hello} carries the
 * version a new stream starts after, and every API answer the version it is at least as new as
 * ({@link #version}). A page compares them: an answer older than its stream's hello missed a
 * change and is fetched again, and events that came while it loaded are applied when newer.
 * A store file replaced under the server ({@code db restore}) sends {@code "reload": true}.
 */
final class LiveUpdates implements AutoCloseable {
    static final long KEEP_ALIVE_MS = 25_000;
    /** A change is sent once no further change came for this long (or {@link #MAX_DELAY_MS} passed). */
    static final long SETTLE_MS = 30;
    static final long MAX_DELAY_MS = 150;

    private final DashboardQueries queries;
    private final Clock clock;
    private final Runnable onChange;
    private final BoardCards board;
    private final String instance = DashboardServer.randomToken().substring(0, 8);
    private final List<Client> clients = new CopyOnWriteArrayList<>();
    private final Thread thread;
    /** Held while the version moves and its event goes out, and while a stream says hello and joins. */
    private final Object sending = new Object();
    private volatile long version;
    private volatile boolean running = true;
    private StoreSnapshot last;

    private record Client(OutputStream out, CountDownLatch gone) {
    }

    /** {@code onChange} runs on every change found, whether or not a page listens (the answers' cache). */
    LiveUpdates(DashboardQueries queries, Clock clock, BoardCards board, Runnable onChange) {
        this.queries = queries;
        this.clock = clock;
        this.board = board;
        this.onChange = onChange;
        thread = new Thread(this::loop, "dashboard-live");
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** The number of change events so far: what the store has been seen to be at least as new as. */
    long version() {
        return version;
    }

    /** Holds one page's stream open until the page goes or the server stops. */
    void stream(HttpExchange ex) throws IOException {
        ex.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        ex.sendResponseHeaders(200, 0);
        OutputStream out = ex.getResponseBody();
        Client client = new Client(out, new CountDownLatch(1));
        synchronized (sending) {
            // Said and joined under the lock: every event after this version reaches this page.
            Map<String, Object> hello = Map.of("instance", instance, "store_exists", queries.exists(), "version", version);
            if (!send(client, "retry: 1000\nevent: hello\ndata: " + DashboardApi.COMPACT.writeValueAsString(hello) + "\n\n")) {
                return;
            }
            clients.add(client);
        }
        try {
            while (running && !client.gone().await(1, TimeUnit.HOURS)) {
                // the latch opens when a write fails or the server stops
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            clients.remove(client);
        }
    }

    int clients() {
        return clients.size();
    }

    private void loop() {
        try (ChangeSignal signal = ChangeSignal.of(queries.store())) {
            signal.await(0); // the version to compare with, read before the first snapshot
            last = StoreSnapshot.EMPTY;
            try {
                last = StoreSnapshot.read(queries);
                board.reload(); // also the first real query of the server's JIT warm-up
            } catch (RuntimeException e) {
                LoggerFactory.getLogger(LiveUpdates.class).warn("cannot read the store now: {}", e.getMessage());
            }
            while (running) {
                try {
                    if (!signal.await(KEEP_ALIVE_MS)) {
                        broadcast(": keep-alive\n\n");
                        continue;
                    }
                    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(MAX_DELAY_MS);
                    while (System.nanoTime() < deadline && signal.await(SETTLE_MS)) {
                        // more changes are coming: let them land in the same event
                    }
                    publish(signal.takeReplaced());
                } catch (RuntimeException e) {
                    // a store that is away or being restored: the stream stays open, the next round tries again
                    LoggerFactory.getLogger(LiveUpdates.class).warn("cannot follow the store's changes now: {}", e.getMessage());
                    Thread.sleep(1_000);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Finds what changed and tells the pages; {@code replaced}: the store is another file now. */
    private void publish(boolean replaced) {
        if (replaced) {
            board.drop(); // answers come from the store until the new file is read in
        }
        StoreSnapshot now = StoreSnapshot.read(queries);
        StoreSnapshot.Difference d = now.since(last);
        last = now;
        if (d.empty() && !replaced) {
            return;
        }
        // Before the version moves: an answer that names a version holds at least its changes.
        List<DashboardQueries.Card> changed = queries.cards(d.changed());
        if (replaced || d.projects()) {
            board.reload(); // a renamed project changes cards whose own row did not change
        } else {
            board.update(changed, d.changed(), d.removed());
        }
        onChange.run();
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("changed", changed);
        event.put("removed", d.removed());
        event.put("sessions", d.sessions());
        event.put("projects", d.projects() || !d.changed().isEmpty() || !d.removed().isEmpty());
        event.put("ideas", d.ideas());
        event.put("overview", clients.isEmpty() ? null : queries.overview(LocalDate.now(clock), clock.instant()));
        event.put("reload", replaced);
        synchronized (sending) {
            version++;
            event.put("version", version);
            try {
                broadcast("event: change\ndata: " + DashboardApi.COMPACT.writeValueAsString(event) + "\n\n");
            } catch (IOException e) {
                LoggerFactory.getLogger(LiveUpdates.class).warn("cannot write a change event: {}", e.getMessage());
            }
        }
    }

    private void broadcast(String message) {
        for (Client c : clients) {
            if (!send(c, message)) {
                clients.remove(c);
            }
        }
    }

    private static boolean send(Client c, String message) {
        try {
            c.out().write(message.getBytes(StandardCharsets.UTF_8));
            c.out().flush();
            return true;
        } catch (IOException e) {
            c.gone().countDown();
            return false;
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        for (Client c : clients) {
            c.gone().countDown();
        }
    }
}
