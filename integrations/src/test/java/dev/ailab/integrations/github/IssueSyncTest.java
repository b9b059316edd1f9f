package dev.ailab.integrations.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ailab.core.config.GithubConfig;
import dev.ailab.core.error.ExternalSystemException;
import dev.ailab.core.error.ToolkitException;
import dev.ailab.hub.GithubSyncStore;
import dev.ailab.hub.NewWorkItem;
import dev.ailab.hub.StoreFactory;
import dev.ailab.hub.StoreSettings;
import dev.ailab.hub.WorkItemRow;
import dev.ailab.hub.WorkItems;
import dev.ailab.hub.WorkStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The issue sync against the stand-in GitHub, with the real github-api client and a real SQLite store. */
class IssueSyncTest {
    static final String TOKEN = "ghp_test-token-canary";
    @TempDir
    Path dir;
    StandInGithub gh;
    StoreFactory store;
    final List<String> progress = new ArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        gh = new StandInGithub("acme", "shop").token(TOKEN, "repo, read:org").token("norepo", "read:org");
        store = StoreFactory.open(new StoreSettings("jdbc:sqlite:" + dir.resolve("hub.db"), null, null));
    }

    @AfterEach
    void tearDown() {
        gh.close();
        store.close();
    }

    GithubClient client(String token) {
        GithubConfig c = new GithubConfig();
        c.apiUrl = gh.apiUrl();
        return GithubClient.connect(GithubSettings.of(c, Map.of("GITHUB_TOKEN", token)), Duration.ofSeconds(30),
                progress::add);
    }

    IssueSync.Report sync(IssueSync.Options o) {
        return new IssueSync(client(TOKEN), store, progress::add).sync("shop", "acme/shop", o);
    }

    IssueSync.Report sync() {
        return sync(new IssueSync.Options(false, false, false, false));
    }

    WorkItemRow item(int issue) {
        return new WorkItems(store).list(new dev.ailab.hub.WorkFilter()).stream()
                .filter(r -> ("github:acme/shop#" + issue).equals(r.externalRef())).findFirst().orElseThrow();
    }

    @Test
    void firstImportOf2500IssuesOver25PagesThenANoOpSyncCostsNoRateLimit() {
        for (int i = 1; i <= 2500; i++) {
            gh.add("issue " + i, "body " + i);
        }
        gh.issues.get(7).pullRequest = true;
        IssueSync.Report first = sync();
        assertThat(first.createdLocal()).isEqualTo(2499);
        assertThat(first.pages()).isGreaterThanOrEqualTo(25);
        assertThat(new WorkItems(store).count()).isEqualTo(2499);

        int before = gh.remaining();
        IssueSync.Report noop = sync();
        assertThat(gh.remaining()).as("X-RateLimit-Remaining before and after").isEqualTo(before);
        assertThat(noop.rateLimitUsed()).isZero();
        assertThat(noop.pulled() + noop.pushed() + noop.createdLocal()).isZero();
    }

    @Test
    void editsOnEachSideAreCopiedOverAndTheSameFieldOnBothIsAConflictUntilResolved() {
        gh.add("one", "first");
        gh.add("two", "second");
        sync();
        long one = item(1).id();
        long two = item(2).id();
        // local edit of 1's title, remote edit of 2's body
        WorkItems.Changes ch = new WorkItems.Changes();
        ch.title = "one, renamed here";
        new WorkItems(store).update(one, ch);
        gh.edit(2, i -> i.body = "second, edited there");
        IssueSync.Report r = sync();
        assertThat(gh.issues.get(1).title).isEqualTo("one, renamed here");
        assertThat(item(2).body()).isEqualTo("second, edited there");
        assertThat(r.conflicts()).isEmpty();

        // both sides change 1's title differently: nothing overwritten, one conflict listed
        ch.title = "local title";
        new WorkItems(store).update(one, ch);
        gh.edit(1, i -> i.title = "remote title");
        r = sync();
        assertThat(r.conflicts()).singleElement().satisfies(k -> {
            assertThat(k.field()).isEqualTo("title");
            assertThat(k.local()).isEqualTo("local title");
            assertThat(k.remote()).isEqualTo("remote title");
        });
        assertThat(gh.issues.get(1).title).isEqualTo("remote title");
        assertThat(new WorkItems(store).get(one).title()).isEqualTo("local title");
        assertThat(sync().conflicts()).hasSize(1);

        new IssueSync(client(TOKEN), store, progress::add).resolve(one, true, "title");
        r = sync();
        assertThat(r.conflicts()).isEmpty();
        assertThat(gh.issues.get(1).title).isEqualTo("local title");
        assertThat(new GithubSyncStore(store).conflicts(null)).isEmpty();
        assertThat(two).isPositive();
    }

    @Test
    void labelsAddedOnBothSidesMergeAsSetsAndClosedRemotelyWhileStartedLocallyIsAConflict() {
        gh.add("labels", null);
        gh.add("status", null);
        sync();
        WorkItems.Changes ch = new WorkItems.Changes();
        ch.addLabels = List.of("bug");
        new WorkItems(store).update(item(1).id(), ch);
        gh.edit(1, i -> i.labels.add("Needs Review"));
        new WorkItems(store).setStatus(item(2).id(), WorkStatus.doing);
        gh.edit(2, i -> i.state = "closed");
        IssueSync.Report r = sync();
        assertThat(item(1).labels()).containsExactlyInAnyOrder("bug", "needs-review");
        assertThat(gh.issues.get(1).labels).containsExactlyInAnyOrder("bug", "needs-review");
        assertThat(r.conflicts()).singleElement().satisfies(k -> {
            assertThat(k.field()).isEqualTo("status");
            assertThat(k.local()).isEqualTo("doing");
            assertThat(k.remote()).isEqualTo("done");
        });
        assertThat(item(2).status()).isEqualTo("doing");
        assertThat(gh.issues.get(2).state).isEqualTo("closed");
    }

    @Test
    void anInterruptedImportResumesAfterTheLastStoredPage() {
        for (int i = 1; i <= 1000; i++) {
            gh.add("issue " + i, null);
        }
        gh.failAfterPages = 4;
        assertThatThrownBy(this::sync).isInstanceOf(ExternalSystemException.class);
        assertThat(new WorkItems(store).count()).isEqualTo(400);
        gh.failAfterPages = -1;
        gh.listingPages.set(0);
        IssueSync.Report r = sync();
        assertThat(new WorkItems(store).count()).isEqualTo(1000);
        assertThat(r.createdLocal()).isEqualTo(600);
        // six pages to finish (the first repeats the last stored item) and one to prime the ETag, not ten again
        assertThat(gh.listingPages.get()).isLessThanOrEqualTo(8);
    }

    @Test
    void aTokenWithoutRepoScopeIsRefusedNamingTheVariableAndTheScope() {
        gh.add("x", null);
        assertThatThrownBy(() -> new IssueSync(client("norepo"), store, progress::add)
                .sync("shop", "acme/shop", new IssueSync.Options(false, false, false, false)))
                .isInstanceOf(ExternalSystemException.class)
                .hasMessageContaining("GITHUB_TOKEN").hasMessageContaining("'repo' scope")
                .hasMessageNotContaining("norepo").hasMessageNotContaining("http");
    }

    @Test
    void aSecondaryLimitIsWaitedOutWithAProgressLine() {
        gh.add("x", null);
        gh.secondaryLimitOnce = true;
        sync();
        assertThat(progress).anyMatch(l -> l.startsWith("waiting: GitHub asked to slow down"));
        assertThat(new WorkItems(store).count()).isEqualTo(1);
    }

    @Test
    void aSecondSyncOfTheSameRepositoryAtOnceIsRefused() {
        new GithubSyncStore(store).lock("acme/shop", "other-run", Duration.ofMinutes(15));
        assertThatThrownBy(this::sync).isInstanceOf(ToolkitException.class)
                .hasMessageContaining("another sync of acme/shop is running");
    }

    @Test
    void newLocalItemsBecomeIssuesOnlyWhenAsked() {
        gh.add("remote", null);
        sync();
        new WorkItems(store).add(new NewWorkItem("local only", null, "shop", null, null, List.of("ui"), null, null,
                null, null, null, null));
        sync();
        assertThat(gh.issues).hasSize(1);
        IssueSync.Report r = sync(new IssueSync.Options(false, false, false, true));
        assertThat(r.createdRemote()).isEqualTo(1);
        assertThat(gh.issues.get(2).title).isEqualTo("local only");
        assertThat(gh.issues.get(2).labels).containsExactly("ui");
        assertThat(sync(new IssueSync.Options(false, false, false, true)).createdRemote()).isZero();
    }

    @Test
    void aRunThatStopsAfterCreatingAnIssueIsRecognisedNextTimeAndTheIssueLinkedNotCreatedAgain() {
        gh.add("remote", null);
        sync();
        long id = new WorkItems(store).add(new NewWorkItem("made here", "the body", "shop", WorkStatus.doing, null,
                List.of("ui"), null, java.time.LocalDate.parse("2026-03-01"), null, null, null, null));
        gh.failAfterCreateOnce = true; // GitHub makes the issue, the answer never arrives
        assertThatThrownBy(() -> sync(new IssueSync.Options(false, false, false, true)))
                .isInstanceOf(ExternalSystemException.class);
        assertThat(gh.issues).hasSize(2);
        assertThat(gh.issues.get(2).body).startsWith("the body").contains("<!-- ai-lab:item ");
        assertThat(new WorkItems(store).get(id).externalRef()).isNull();

        // the next run, without --push: the issue is linked, not imported as a second item
        IssueSync.Report r = sync();
        assertThat(r.createdLocal()).isZero();
        assertThat(r.notes()).anyMatch(n -> n.contains("issue #2") && n.contains("linked"));
        assertThat(new WorkItems(store).count()).isEqualTo(2);
        WorkItemRow linked = new WorkItems(store).get(id);
        assertThat(linked.externalRef()).isEqualTo("github:acme/shop#2");
        assertThat(linked.body()).isEqualTo("the body");
        assertThat(linked.status()).isEqualTo("doing");
        // what the create call could not set (the milestone) is written now, from the local side
        assertThat(gh.issues.get(2).milestone).isNotNull();
        assertThat(gh.issues.get(2).labels).containsExactlyInAnyOrder("ui", "doing");

        // and --push does not make it a second time
        assertThat(sync(new IssueSync.Options(false, false, false, true)).createdRemote()).isZero();
        assertThat(gh.issues).hasSize(2);
        assertThat(sync().conflicts()).isEmpty();
    }

    @Test
    void aPendingCreationWhoseIssueNeverArrivedIsCreatedOnTheNextPush() {
        sync();
        new WorkItems(store).add(new NewWorkItem("made here", null, "shop", null, null, List.of(), null, null, null,
                null, null, null));
        gh.failBeforeCreateOnce = true; // refused: GitHub made nothing
        assertThatThrownBy(() -> sync(new IssueSync.Options(false, false, false, true)))
                .isInstanceOf(ExternalSystemException.class);
        assertThat(gh.issues).isEmpty();
        assertThat(sync(new IssueSync.Options(false, false, false, true)).createdRemote()).isEqualTo(1);
        assertThat(gh.issues).hasSize(1);
        assertThat(gh.issues.get(1).title).isEqualTo("made here");
    }

    @Test
    void theMilestonesDueDateIsTheDueDateAndTheFirstAssigneeTheAssigneeBothWays() {
        gh.milestones.put(1, new Object[] {"v1", "2026-05-01T07:00:00Z"});
        gh.add("planned", null);
        gh.edit(1, i -> {
            i.milestone = 1;
            i.assignees = new ArrayList<>(List.of("ann", "bob"));
        });
        sync();
        assertThat(item(1).due()).isEqualTo("2026-05-01");
        assertThat(item(1).assignee()).isEqualTo("ann");

        WorkItems.Changes ch = new WorkItems.Changes();
        ch.due = "2026-06-15";
        ch.assignee = "cy";
        new WorkItems(store).update(item(1).id(), ch);
        sync();
        StandInGithub.Issue i = gh.issues.get(1);
        assertThat(i.assignees).containsExactly("cy");
        assertThat(i.milestone).isNotEqualTo(1);
        assertThat((String) gh.milestones.get(i.milestone)[1]).startsWith("2026-06-15");
        assertThat(gh.milestones.get(1)[1]).as("the old milestone is left alone").isEqualTo("2026-05-01T07:00:00Z");

        // a due date that matches an existing milestone reuses it
        ch = new WorkItems.Changes();
        ch.due = "2026-05-01";
        new WorkItems(store).update(item(1).id(), ch);
        sync();
        assertThat(gh.issues.get(1).milestone).isEqualTo(1);
        assertThat(gh.milestones).hasSize(2);
        assertThat(sync().pulled()).isZero();
        assertThat(item(1).due()).isEqualTo("2026-05-01");
    }

    @Test
    void anIssueDeletedOnGithubIsReportedAndItsWorkItemKept() {
        gh.add("to be deleted", null);
        gh.add("stays", null);
        sync();
        long gone = item(1).id();
        gh.delete(1);
        WorkItems.Changes ch = new WorkItems.Changes();
        ch.title = "edited after the deletion";
        new WorkItems(store).update(gone, ch);
        gh.edit(2, i -> i.title = "stays, renamed");

        IssueSync.Report r = sync();
        assertThat(r.notes()).anyMatch(n -> n.contains("issue #1 is gone") && n.contains("work item " + gone + " is kept"));
        assertThat(r.pushed()).isZero();
        assertThat(new WorkItems(store).get(gone).title()).isEqualTo("edited after the deletion");
        assertThat(item(2).title()).isEqualTo("stays, renamed");
        assertThat(new WorkItems(store).count()).isEqualTo(2);
        assertThat(sync().notes()).as("reported again while it lasts").anyMatch(n -> n.contains("issue #1 is gone"));
    }

    @Test
    void aWaitLongerThanMaxWaitStopsAtOnceSayingWhyAndUntilWhen() {
        gh.add("x", null);
        gh.secondaryLimitOnce = true;
        gh.retryAfterSeconds = 120;
        GithubConfig c = new GithubConfig();
        c.apiUrl = gh.apiUrl();
        GithubClient client = GithubClient.connect(GithubSettings.of(c, Map.of("GITHUB_TOKEN", TOKEN)),
                Duration.ofSeconds(5), progress::add);
        long start = System.nanoTime();
        assertThatThrownBy(() -> new IssueSync(client, store, progress::add).sync("shop", "acme/shop",
                new IssueSync.Options(false, false, false, false)))
                .isInstanceOf(ExternalSystemException.class)
                .hasMessageContaining("secondary rate limit").hasMessageContaining("longer than --max-wait 5 s");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("did not wait").isLessThan(Duration.ofSeconds(60));
        assertThat(progress).noneMatch(l -> l.startsWith("waiting"));
        assertThat(new WorkItems(store).count()).isZero();
        // and the lock is given back: the next run goes through
        sync();
        assertThat(new WorkItems(store).count()).isEqualTo(1);
    }

    @Test
    void twoSyncsOfTheSameRepositoryAtOnceApplyNothingTwice() throws Exception {
        for (int i = 1; i <= 300; i++) {
            gh.add("issue " + i, null);
        }
        List<Object> outcomes = java.util.Collections.synchronizedList(new ArrayList<>());
        java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(2);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
            threads.add(new Thread(() -> {
                // its own client and sync on its own connections (a second StoreFactory on one file in one JVM
                // trips the JVM's own file-lock check at open; the cli test runs two processes)
                try {
                    IssueSync s = new IssueSync(client(TOKEN), store, line -> { });
                    start.await();
                    outcomes.add(s.sync("shop", "acme/shop", new IssueSync.Options(false, false, false, false)));
                } catch (Throwable e) {
                    outcomes.add(e);
                }
            }));
        }
        threads.forEach(Thread::start);
        for (Thread t : threads) {
            t.join(120_000);
        }
        assertThat(outcomes).hasSize(2);
        for (Object o : outcomes) {
            if (o instanceof Throwable e) {
                assertThat(e).isInstanceOf(ToolkitException.class).hasMessageContaining("another sync of acme/shop is running");
            }
        }
        assertThat(outcomes).anyMatch(o -> o instanceof IssueSync.Report);
        List<WorkItemRow> all = new WorkItems(store).list(new dev.ailab.hub.WorkFilter());
        assertThat(all).hasSize(300);
        assertThat(all.stream().map(WorkItemRow::externalRef).distinct().count()).isEqualTo(300);
        assertThat(sync().createdLocal()).isZero();
    }

    @Test
    void theSyncAfterOneThatPushedChangesCostsNoRateLimitEither() {
        for (int i = 1; i <= 20; i++) {
            gh.add("issue " + i, null);
        }
        sync();
        for (int i = 1; i <= 5; i++) {
            WorkItems.Changes ch = new WorkItems.Changes();
            ch.title = "edited here " + i;
            new WorkItems(store).update(item(10 + i).id(), ch);
            gh.edit(i, issue -> issue.body = "edited there");
        }
        IssueSync.Report changes = sync();
        assertThat(changes.pushed()).isEqualTo(5);
        assertThat(changes.pulled()).isEqualTo(5);
        int before = gh.remaining();
        IssueSync.Report noop = sync();
        assertThat(noop.rateLimitUsed()).isZero();
        assertThat(gh.remaining()).isEqualTo(before);
        assertThat(noop.requests()).isEqualTo(2);
    }
}
