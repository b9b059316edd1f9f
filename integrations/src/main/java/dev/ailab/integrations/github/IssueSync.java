package dev.ailab.integrations.github;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ailab.core.error.InvalidInputException;
import dev.ailab.core.error.OperationFailedException;
import dev.ailab.hub.GithubSyncStore;
import dev.ailab.hub.GithubSyncStore.Base;
import dev.ailab.hub.GithubSyncStore.Fields;
import dev.ailab.hub.GithubSyncStore.LocalItem;
import dev.ailab.hub.GithubSyncStore.Write;
import dev.ailab.hub.StoreFactory;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.kohsuke.github.GHDirection;
import org.kohsuke.github.GHIssue;
import org.kohsuke.github.GHIssueQueryBuilder;
import org.kohsuke.github.GHIssueState;
import org.kohsuke.github.GHMilestone;
import org.kohsuke.github.GHRepository;
import org.kohsuke.github.GHUser;
import org.kohsuke.github.PagedIterator;

/**
 * Two-way sync of one project's work items with one repository's issues (docs/hub.md).
 *
 * <p>Reads: the issue listing sorted by update time, ascending, from the stored checkpoint
 * ({@code since}); each page is applied and checkpointed in one transaction, so an interrupted
 * import resumes after the last stored page. The first page of a {@code since} listing and the
 * repository are asked for conditionally, so a sync with nothing new gets two 304s and spends
 * no rate limit.
 *
 * <p>Writes: a remote write goes first, then the local write and the new base in one
 * transaction. A crash between the two leaves both sides equal and the base old; the next run
 * sees the same value on both sides and agrees instead of writing again. Creating an issue is
 * the one write that could not be recognised that way, so it is recorded first as a pending
 * creation with a marker that also goes into the issue's body: a run that stopped after the
 * create call leaves an issue whose marker the next listing finds, and that issue is linked.
 */
public final class IssueSync {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final GithubClient client;
    private final GithubSyncStore store;
    private final Consumer<String> progress;

    public IssueSync(GithubClient client, StoreFactory store, Consumer<String> progress) {
        this.client = client;
        this.store = new GithubSyncStore(store);
        this.progress = progress;
    }

    public record Options(boolean dryRun, boolean pullOnly, boolean pushOnly, boolean pushNew) {
    }

    public record ConflictRow(long item, Long issue, String field, String local, String remote) {
    }

    public record Report(String project, String repository, boolean dryRun, int pulled, int pushed, int createdLocal,
                         int createdRemote, int pages, List<ConflictRow> conflicts, List<String> notes, int requests,
                         int rateLimitUsed, Integer rateLimitRemaining) {
    }

    /** {@code owner/name}, checked. */
    public static String repository(String value) {
        if (value == null || !value.matches("[A-Za-z0-9-]{1,39}/[A-Za-z0-9._-]{1,100}")) {
            throw GithubClient.badRepository(value);
        }
        return value;
    }

    private final class Run {
        final String project;
        final String repository;
        final Options o;
        final Map<Long, Base> bases;
        final Map<Long, LocalItem> locals;
        final Set<Long> seen = new HashSet<>();
        final List<ConflictRow> conflicts = new ArrayList<>();
        final List<String> notes = new ArrayList<>();
        int pulled;
        int pushed;
        int createdLocal;
        int createdRemote;
        int pages;
        GHRepository repo;
        List<GHMilestone> milestones;
        final Map<String, GHUser> users = new HashMap<>();
        /** Pending creations (issue asked for, number not recorded), by marker and by item. */
        final Map<String, Base> pendingByMarker = new HashMap<>();
        final Map<Long, Base> pendingByItem = new HashMap<>();

        Run(String project, String repository, Options o) {
            this.project = project;
            this.repository = repository;
            this.o = o;
            this.bases = new HashMap<>(store.bases(repository));
            this.locals = store.localItems(project);
            for (Base b : bases.values()) {
                if (b.pendingMarker() != null) {
                    pendingByMarker.put(b.pendingMarker(), b);
                    pendingByItem.put(b.itemId(), b);
                }
            }
        }
    }

    public Report sync(String project, String repository, Options o) {
        repository(repository);
        if (o.pullOnly() && o.pushOnly()) {
            throw new InvalidInputException("--pull-only and --push-only exclude each other", "give one of them, or neither");
        }
        // pid@host names the process for the message; the random part keeps two runs in one process apart
        String holder = ManagementFactory.getRuntimeMXBean().getName() + " run " + UUID.randomUUID().toString().substring(0, 8);
        String held = store.lock(repository, holder, Duration.ofMinutes(15));
        if (held != null) {
            throw new OperationFailedException("another sync of " + repository + " is running (" + held + ")",
                    "wait for it to finish and run again; nothing was changed");
        }
        try {
            Run run = new Run(project, repository, o);
            installCache(repository);
            run.repo = client.api.getRepository(repository);
            String start = store.state(repository).since();
            String after = listPass(run, start);
            int pushedBefore = run.pushed;
            pushLocalOnly(run);
            // more listings from the new checkpoint until it stays put: they catch our own writes and
            // prime the ETag of the very listing the next sync asks for, so one with nothing new costs nothing
            boolean again = !o.dryRun() && (!Objects.equals(after, start) || run.pushed > pushedBefore);
            for (int pass = 0; again && pass < 3; pass++) {
                String from = store.state(repository).since();
                again = !Objects.equals(listPass(run, from), from);
            }
            if (o.pushNew()) {
                createNew(run);
            }
            return new Report(project, repository, o.dryRun(), run.pulled, run.pushed, run.createdLocal, run.createdRemote,
                    run.pages, run.conflicts, run.notes, client.requests(), client.rateLimitUnits(),
                    client.rateLimitRemaining());
        } catch (IOException | RuntimeException e) {
            if (e instanceof dev.ailab.core.error.ToolkitException te) {
                throw te;
            }
            throw scoped(e, "cannot sync with " + repository);
        } finally {
            store.unlock(repository, holder);
        }
    }

    private RuntimeException scoped(Throwable e, String what) {
        List<String> scopes = client.meter.scopes() == null ? null
                : List.of(client.meter.scopes().replace(" ", "").split(","));
        if (scopes != null && !scopes.contains("repo")) {
            return new dev.ailab.core.error.ExternalSystemException(what + ": the token in " + client.settings.tokenEnv()
                    + " lacks the 'repo' scope", "make a token with the 'repo' scope and export it as "
                    + client.settings.tokenEnv());
        }
        return client.failure(e, what);
    }

    /** Keeps the ETag and body of the repository and of the first page of a since-listing. */
    private void installCache(String repository) {
        String api = client.settings.apiUrl();
        String repoUrl = api + "/repos/" + repository;
        ObjectNode cache;
        try {
            String stored = store.state(repository).etagBody();
            cache = stored == null ? JSON.createObjectNode() : (ObjectNode) JSON.readTree(stored);
        } catch (IOException | ClassCastException e) {
            cache = JSON.createObjectNode();
        }
        ObjectNode c = cache;
        client.meter.conditional(new MeteredConnector.Conditional() {
            @Override
            public boolean wants(String url) {
                return url.equals(repoUrl) || url.startsWith(repoUrl + "/issues?") && url.contains("since=")
                        && !url.matches(".*[?&]page=.*");
            }

            @Override
            public String[] cached(String url) {
                var n = c.get(url);
                return n == null ? null : new String[] {n.get(0).asText(), n.get(1).asText()};
            }

            @Override
            public void store(String url, String etag, String body) {
                if (!url.equals(repoUrl)) {
                    // only the newest listing is asked for again; older checkpoints' pages are dropped
                    List<String> old = new ArrayList<>();
                    c.fieldNames().forEachRemaining(old::add);
                    old.remove(repoUrl);
                    c.remove(old);
                }
                c.putArray(url).add(etag).add(body);
                store.saveEtag(repository, null, null, c.toString());
            }
        });
    }

    /** Lists from {@code since} to the end, page by page; returns the checkpoint reached. */
    private String listPass(Run run, String since) throws IOException {
        GHIssueQueryBuilder q = run.repo.queryIssues().state(GHIssueState.ALL).sort(GHIssueQueryBuilder.Sort.UPDATED)
                .direction(GHDirection.ASC).pageSize(100);
        if (since != null) {
            q.since(Date.from(Instant.parse(since)));
        }
        PagedIterator<GHIssue> it = q.list().iterator();
        String checkpoint = since;
        long pagesDone = store.state(run.repository).pagesDone();
        while (it.hasNext()) {
            List<GHIssue> page = it.nextPage();
            List<Write> writes = new ArrayList<>();
            for (GHIssue issue : page) {
                String updated = IssueMapping.updatedAt(issue);
                if (updated != null && (checkpoint == null || updated.compareTo(checkpoint) > 0)) {
                    checkpoint = updated;
                }
                if (issue.isPullRequest()) {
                    continue;
                }
                Write w = handle(run, issue);
                if (w != null) {
                    writes.add(w);
                }
            }
            run.pages++;
            pagesDone++;
            if (!run.o.dryRun()) {
                List<Long> ids = store.apply(run.repository, writes, checkpoint, pagesDone);
                for (int i = 0; i < writes.size(); i++) {
                    Write w = writes.get(i);
                    if (w.base() != null) {
                        run.bases.put(w.issueNumber(), new Base(ids.get(i), run.repository, w.issueNumber(), w.base(),
                                w.remoteUpdatedAt()));
                    }
                    if (w.local() != null) {
                        run.locals.put(ids.get(i), new LocalItem(ids.get(i), w.local(), w.externalRef()));
                    }
                }
                progress.accept("page " + run.pages + ": " + page.size() + " issues, up to " + checkpoint);
            }
        }
        return checkpoint;
    }

    /** The outcome of one remote issue: remote write done here, local write returned. */
    private Write handle(Run run, GHIssue issue) throws IOException {
        long number = issue.getNumber();
        run.seen.add(number);
        Fields remote = IssueMapping.remote(issue);
        String updated = IssueMapping.updatedAt(issue);
        String ref = IssueMapping.externalRef(run.repository, number);
        Base base = run.bases.get(number);
        if (base == null) {
            Write linked = linkPending(run, issue, remote, updated, ref);
            if (linked != null) {
                return linked;
            }
            if (run.o.pushOnly()) {
                return null;
            }
            run.pulled++;
            run.createdLocal++;
            return new Write(null, run.project, remote, remote, number, ref, updated, List.of());
        }
        LocalItem local = run.locals.get(base.itemId());
        if (local == null) {
            run.notes.add("work item " + base.itemId() + " (issue #" + number + ") was deleted locally; the issue is kept");
            return null;
        }
        return merge(run, base, local, remote, issue, updated);
    }

    /**
     * An issue that carries the marker of one of our pending creations: an earlier run created it
     * and stopped before recording it. It is linked to its item, and merged from what was sent.
     */
    private Write linkPending(Run run, GHIssue issue, Fields remote, String updated, String ref) throws IOException {
        Base pending = run.pendingByMarker.get(IssueMapping.marker(issue.getBody()));
        if (pending == null || !run.locals.containsKey(pending.itemId())) {
            return null;
        }
        long number = issue.getNumber();
        run.pendingByMarker.remove(pending.pendingMarker());
        run.pendingByItem.remove(pending.itemId());
        run.bases.remove(-pending.itemId());
        Base base = new Base(pending.itemId(), run.repository, number, pending.fields(), updated);
        run.bases.put(number, base);
        run.notes.add("issue #" + number + " was created for work item " + pending.itemId()
                + " by a run that stopped before recording it; linked, not created again");
        Write w = merge(run, base, run.locals.get(pending.itemId()), remote, issue, updated);
        return w == null ? null : new Write(w.itemId(), w.project(), w.local(), w.base(), number, ref,
                w.remoteUpdatedAt(), w.conflicts());
    }

    private Write merge(Run run, Base base, LocalItem local, Fields remote, GHIssue issue, String updated)
            throws IOException {
        ThreeWay.Result m = ThreeWay.merge(base.fields(), local.fields(), remote);
        Fields newBase = m.base();
        boolean writeRemote = m.remoteChanged(remote) && !run.o.pullOnly();
        boolean writeLocal = m.localChanged(local.fields()) && !run.o.pushOnly();
        if (m.remoteChanged(remote) && !writeRemote) {
            newBase = keepUnwritten(newBase, base.fields(), remote, m.remoteAfter());
        }
        if (m.localChanged(local.fields()) && !writeLocal) {
            newBase = keepUnwritten(newBase, base.fields(), local.fields(), m.localAfter());
        }
        List<GithubSyncStore.Conflict> conflicts = new ArrayList<>();
        for (ThreeWay.FieldConflict k : m.conflicts()) {
            conflicts.add(new GithubSyncStore.Conflict(base.itemId(), base.issueNumber(), k.field(), k.local(), k.remote()));
            // the second listing pass may see the item again: list each conflict once
            run.conflicts.removeIf(c -> c.item() == base.itemId() && c.field().equals(k.field()));
            run.conflicts.add(new ConflictRow(base.itemId(), base.issueNumber(), k.field(), k.local(), k.remote()));
        }
        if (writeRemote) {
            run.pushed++;
            if (!run.o.dryRun()) {
                try {
                    GHIssue target = issue != null ? issue : run.repo.getIssue(base.issueNumber().intValue());
                    patch(run, target, remote, m.remoteAfter());
                } catch (IOException e) {
                    if (!gone(e)) {
                        throw e;
                    }
                    // nothing is deleted on our side: the item stays as it is, and stays linked so it is reported again
                    run.pushed--;
                    run.notes.add("issue #" + base.issueNumber() + " is gone from GitHub (deleted); work item "
                            + base.itemId() + " is kept and not synced");
                    return null;
                }
            }
        }
        if (writeLocal) {
            run.pulled++;
        }
        // always written, also when unchanged: the write clears conflicts a resolve or a later edit settled
        return new Write(base.itemId(), run.project, writeLocal ? m.localAfter() : null, newBase, base.issueNumber(),
                null, updated, conflicts);
    }

    /** 404 or 410: the issue was deleted (GitHub answers 410 Gone for a deleted issue). */
    private static boolean gone(IOException e) {
        if (e instanceof org.kohsuke.github.HttpException h && (h.getResponseCode() == 404 || h.getResponseCode() == 410)) {
            return true;
        }
        return e instanceof java.io.FileNotFoundException;
    }

    /** For the fields a side needed but did not get (--pull-only/--push-only), the base stays as it was. */
    private static Fields keepUnwritten(Fields newBase, Fields oldBase, Fields before, Fields after) {
        Fields out = newBase;
        for (String f : ThreeWay.FIELDS) {
            if (!Objects.equals(ThreeWay.value(before, f), ThreeWay.value(after, f))) {
                out = ThreeWay.with(out, f, ThreeWay.value(oldBase, f));
            }
        }
        return out;
    }

    /** Local changes of items the listing did not show: their remote side is the base. */
    private void pushLocalOnly(Run run) throws IOException {
        if (run.o.pullOnly()) {
            return;
        }
        List<Write> writes = new ArrayList<>();
        for (Base base : List.copyOf(run.bases.values())) {
            if (base.issueNumber() == null || run.seen.contains(base.issueNumber())) {
                continue;
            }
            LocalItem local = run.locals.get(base.itemId());
            if (local == null || local.fields().equals(base.fields())) {
                continue;
            }
            Write w = merge(run, base, local, base.fields(), null, base.remoteUpdatedAt());
            if (w != null) {
                writes.add(w);
            }
        }
        if (!writes.isEmpty() && !run.o.dryRun()) {
            store.apply(run.repository, writes, null, null);
        }
    }

    /**
     * New local items of the project, not linked to an issue: created as issues (--push,
     * github.push_new). Each is first recorded as a pending creation with its marker; an item
     * still pending from a stopped run, whose issue the listing did not show, is created again.
     */
    private void createNew(Run run) throws IOException {
        Set<Long> linked = new HashSet<>();
        for (Base b : run.bases.values()) {
            linked.add(b.itemId());
        }
        for (LocalItem item : run.locals.values()) {
            Base pending = run.pendingByItem.get(item.id());
            if (pending == null && (linked.contains(item.id()) || item.externalRef() != null)) {
                continue;
            }
            run.createdRemote++;
            if (run.o.dryRun()) {
                continue;
            }
            Fields f = item.fields();
            // what the create call itself sets: closing and the milestone are separate writes after it
            Fields sent = new Fields(f.title(), f.body(), f.status().equals("done") ? "todo" : f.status(), f.labels(),
                    f.assignee(), null);
            String marker = pending != null ? pending.pendingMarker() : UUID.randomUUID().toString();
            store.apply(run.repository, List.of(new Write(item.id(), run.project, null, sent, null, null, marker, null)),
                    null, null);
            var builder = run.repo.createIssue(f.title()).body(IssueMapping.bodyWithMarker(f.body(), marker));
            for (String l : IssueMapping.remoteLabels(f)) {
                builder.label(l);
            }
            if (f.assignee() != null) {
                builder.assignee(f.assignee());
            }
            GHIssue created = builder.create();
            if (f.status().equals("done")) {
                created.close();
            }
            if (f.due() != null) {
                created.setMilestone(milestone(run, f.due()));
            }
            long n = created.getNumber();
            store.apply(run.repository, List.of(new Write(item.id(), run.project, null, f, n,
                    IssueMapping.externalRef(run.repository, n), IssueMapping.updatedAt(created), List.of())), null, null);
        }
    }

    /** Sends only the fields that differ; the labels as one set. */
    private void patch(Run run, GHIssue issue, Fields before, Fields after) throws IOException {
        if (!Objects.equals(before.title(), after.title())) {
            issue.setTitle(after.title());
        }
        if (!Objects.equals(before.body(), after.body())) {
            issue.setBody(after.body() == null ? "" : after.body());
        }
        boolean wasClosed = before.status().equals("done");
        boolean closed = after.status().equals("done");
        if (closed && !wasClosed) {
            issue.close();
        } else if (!closed && wasClosed) {
            issue.reopen();
        }
        if (!IssueMapping.remoteLabels(before).stream().sorted().toList()
                .equals(IssueMapping.remoteLabels(after).stream().sorted().toList())) {
            issue.setLabels(IssueMapping.remoteLabels(after).toArray(String[]::new));
        }
        if (!Objects.equals(before.assignee(), after.assignee())) {
            if (after.assignee() == null) {
                issue.setAssignees(List.of());
            } else {
                GHUser u = run.users.get(after.assignee());
                if (u == null) {
                    u = client.api.getUser(after.assignee());
                    run.users.put(after.assignee(), u);
                }
                issue.setAssignees(u);
            }
        }
        if (!Objects.equals(before.due(), after.due())) {
            issue.setMilestone(after.due() == null ? null : milestone(run, after.due()));
        }
    }

    /** The milestone due on {@code due}, made ("due YYYY-MM-DD") when there is none. */
    private GHMilestone milestone(Run run, String due) throws IOException {
        if (run.milestones == null) {
            run.milestones = new ArrayList<>(run.repo.listMilestones(GHIssueState.ALL).toList());
        }
        for (GHMilestone m : run.milestones) {
            if (m.getDueOn() != null && m.getDueOn().toInstant().atZone(ZoneOffset.UTC).toLocalDate().toString().equals(due)) {
                return m;
            }
        }
        GHMilestone m = run.repo.createMilestone("due " + due, "made by ai-lab github sync");
        m.setDueOn(Date.from(LocalDate.parse(due).atStartOfDay(ZoneOffset.UTC).toInstant()));
        run.milestones.add(m);
        return m;
    }

    /**
     * Settles the conflicts of one item: {@code local} makes the base the remote value (so the
     * next sync copies the local value over), {@code remote} the other way round. Only the base
     * changes here; the next sync writes the winning value.
     */
    public List<ConflictRow> resolve(long item, boolean takeLocal, String field) {
        List<GithubSyncStore.Conflict> open = store.conflicts(null).stream().filter(c -> c.itemId() == item)
                .filter(c -> field == null || c.field().equals(field)).toList();
        if (open.isEmpty()) {
            return List.of(); // settling twice is not an error: the first one already did it
        }
        Base base = store.baseOf(item);
        Fields b = base.fields();
        List<GithubSyncStore.Conflict> left = new ArrayList<>(store.conflicts(null).stream()
                .filter(c -> c.itemId() == item).toList());
        for (GithubSyncStore.Conflict c : open) {
            b = ThreeWay.with(b, c.field(), takeLocal ? c.remote() : c.local());
            left.remove(c);
        }
        store.apply(base.repository(), List.of(new Write(item, null, null, b, base.issueNumber(), null,
                base.remoteUpdatedAt(), left)), null, null);
        return open.stream().map(c -> new ConflictRow(c.itemId(), c.issueNumber(), c.field(), c.local(), c.remote())).toList();
    }
}
