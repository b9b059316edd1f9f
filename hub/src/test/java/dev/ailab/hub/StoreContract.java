package dev.ailab.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ailab.core.error.InvalidInputException;
import dev.ailab.core.error.OperationFailedException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The whole store suite; run on SQLite always and on PostgreSQL when one is reachable. */
abstract class StoreContract {
    protected StoreFactory store;
    protected WorkItems work;

    protected abstract StoreSettings settings();

    protected void cleanUp(StoreSettings settings) {
    }

    private StoreSettings settings;

    @BeforeEach
    void open() {
        settings = settings();
        store = StoreFactory.open(settings);
        work = new WorkItems(store);
    }

    @AfterEach
    void close() {
        if (store != null) {
            store.close();
            cleanUp(settings);
        }
    }

    private static NewWorkItem item(String title, String project, WorkStatus status, Priority priority, List<String> labels,
                                    LocalDate due) {
        return new NewWorkItem(title, null, project, status, priority, labels, null, due, null, null, null, null);
    }

    @Test
    void migratesOnFirstUseAndRecordsTheKnownVersion() {
        assertThat(store.schemaState().historyTable()).isFalse();
        work.add(NewWorkItem.of("first"));
        StoreFactory.SchemaState state = store.schemaState();
        assertThat(state.current()).isTrue();
        assertThat(state.version()).isEqualTo(Migrations.latest());
        assertThat(store.migrate()).isZero();
    }

    @Test
    void addAndListWithFiltersAndSorting() {
        long a = work.add(item("Write the parser", "alpha", null, Priority.high, List.of("Parser", "cli"), LocalDate.of(2026, 12, 1)));
        long b = work.add(item("Fix the build", "beta", WorkStatus.doing, Priority.urgent, List.of("ci"), null));
        long c = work.add(item("Old thing", "alpha", WorkStatus.done, Priority.low, List.of("cli"), LocalDate.of(2026, 1, 1)));
        assertThat(List.of(a, b, c)).doesNotHaveDuplicates();

        assertThat(work.list(new WorkFilter())).extracting(WorkItemRow::title).containsExactly("Write the parser", "Fix the build");
        WorkFilter all = new WorkFilter().all();
        assertThat(work.list(all)).hasSize(3);

        WorkFilter byLabel = new WorkFilter().all();
        byLabel.label = "cli";
        assertThat(work.list(byLabel)).extracting(WorkItemRow::id).containsExactly(a, c);

        WorkFilter byProject = new WorkFilter();
        byProject.project = "alpha";
        assertThat(work.list(byProject)).extracting(WorkItemRow::id).containsExactly(a);

        WorkFilter text = new WorkFilter().all();
        text.text = "BUILD";
        assertThat(work.list(text)).extracting(WorkItemRow::id).containsExactly(b);

        WorkFilter due = new WorkFilter().all();
        due.dueBefore = LocalDate.of(2026, 6, 1);
        assertThat(work.list(due)).extracting(WorkItemRow::id).containsExactly(c);

        WorkFilter byPriority = new WorkFilter().all();
        byPriority.sort = WorkFilter.Sort.priority;
        assertThat(work.list(byPriority)).extracting(WorkItemRow::id).containsExactly(b, a, c);
        byPriority.descending = true;
        assertThat(work.list(byPriority)).extracting(WorkItemRow::id).containsExactly(c, a, b);

        WorkFilter doing = new WorkFilter();
        doing.statuses = EnumSet.of(WorkStatus.doing);
        assertThat(work.list(doing)).extracting(WorkItemRow::id).containsExactly(b);

        // The listing table's lighter query: the same rows in the same order, same shown fields.
        for (WorkFilter f : List.of(new WorkFilter(), all, byLabel, byProject, text, due, byPriority, doing)) {
            assertThat(work.summaries(f))
                    .extracting(WorkItemRow::id, WorkItemRow::project, WorkItemRow::title, WorkItemRow::status,
                            WorkItemRow::priority, WorkItemRow::labels, WorkItemRow::due)
                    .containsExactlyElementsOf(work.list(f).stream().map(r -> org.assertj.core.groups.Tuple.tuple(r.id(),
                            r.project(), r.title(), r.status(), r.priority(), r.labels(), r.due())).toList());
        }

        WorkItemRow row = work.get(a);
        assertThat(row.labels()).containsExactly("parser", "cli");
        assertThat(row.priority()).isEqualTo("high");
        assertThat(row.project()).isEqualTo("alpha");
        assertThat(row.due()).isEqualTo("2026-12-01");
        assertThat(Instant.parse(row.created())).isBeforeOrEqualTo(Instant.now());
    }

    @Test
    void jdbcAndHibernateReadAndWriteTheSameColumns() {
        long id = work.add(new NewWorkItem("Mapped", "body text", "proj", WorkStatus.blocked, Priority.urgent,
                List.of("a", "b"), "claude", LocalDate.of(2027, 2, 3), null, "github:o/r#7", null, null));
        WorkItemRow viaJdbc = work.get(id);
        WorkItemRow viaHibernate = store.hibernate(s -> WorkItemRow.of(s.find(WorkItem.class, id)));
        assertThat(viaHibernate).isEqualTo(viaJdbc);

        WorkItems.Changes ch = new WorkItems.Changes();
        ch.title = "Mapped again";
        ch.addLabels = List.of("c");
        ch.removeLabels = List.of("a");
        ch.priority = Priority.low;
        ch.due = "2027-03-04";
        ch.project = "other";
        WorkItemRow updated = work.update(id, ch);
        assertThat(work.get(id)).isEqualTo(updated);
        assertThat(work.show(id).item()).isEqualTo(updated);
        assertThat(updated.labels()).containsExactly("b", "c");
        assertThat(updated.project()).isEqualTo("other");
        assertThat(updated.due()).isEqualTo("2027-03-04");
        assertThat(updated.updated()).isGreaterThanOrEqualTo(updated.created());
        // the raw column values are the documented text forms
        store.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT labels, priority, due_date, status FROM work_item WHERE id = ?")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    assertThat(rs.getString(1)).isEqualTo(",b,c,");
                    assertThat(rs.getInt(2)).isEqualTo(1);
                    assertThat(rs.getString(3)).isEqualTo("2027-03-04");
                    assertThat(rs.getString(4)).isEqualTo("blocked");
                }
            }
            return null;
        });
    }

    @Test
    void statusChangesParentsAndDelete() {
        long parent = work.add(NewWorkItem.of("parent"));
        long child = work.add(new NewWorkItem("child", null, null, null, null, List.of(), null, null, parent, null, null, null));
        assertThat(work.setStatus(child, WorkStatus.doing).status()).isEqualTo("doing");
        assertThat(work.show(parent).children()).extracting(WorkItemRow::id).containsExactly(child);
        WorkItems.Changes loop = new WorkItems.Changes();
        loop.parent = child;
        assertThatThrownBy(() -> work.update(parent, loop)).isInstanceOf(InvalidInputException.class).hasMessageContaining("loop");
        work.delete(parent);
        assertThat(work.get(child).parent()).isNull();
        assertThatThrownBy(() -> work.get(parent)).isInstanceOf(InvalidInputException.class).hasMessageContaining("no work item with id " + parent);
        assertThatThrownBy(() -> work.setStatus(9999, WorkStatus.done)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> work.add(new NewWorkItem("x", null, null, null, null, List.of(), null, null, 4242L, null, null, null)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("4242");
        assertThat(work.count()).isEqualTo(1);
    }

    @Test
    void importIsAllOrNothing() {
        work.add(NewWorkItem.of("existing"));
        List<NewWorkItem> items = List.of(NewWorkItem.of("one"), NewWorkItem.of("two"),
                new NewWorkItem("three", null, null, null, null, List.of(), null, null, 99L, null, null, null));
        // parent 99 is not an id in the file: the whole batch is refused
        assertThatThrownBy(() -> work.addAll(items, List.of(1L, 2L, 3L))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("parent 99");
        assertThat(work.count()).isEqualTo(1);
        assertThat(work.addAll(items.subList(0, 2), List.of(1L, 2L))).hasSize(2);
        // a bad label in the last item aborts the whole batch
        List<NewWorkItem> bad = List.of(NewWorkItem.of("four"),
                new NewWorkItem("five", null, null, null, null, List.of("no spaces"), null, null, null, null, null, null));
        assertThatThrownBy(() -> work.addAll(bad, null)).isInstanceOf(InvalidInputException.class);
        assertThat(work.count()).isEqualTo(3);
    }

    @Test
    void importMapsParentsWithinTheFile() {
        List<NewWorkItem> items = List.of(NewWorkItem.of("epic"),
                new NewWorkItem("story", null, "p", WorkStatus.done, null, List.of(), null, null, 10L, null,
                        Instant.parse("2025-01-02T03:04:05.678Z"), null));
        List<Long> ids = work.addAll(items, List.of(10L, 11L));
        WorkItemRow story = work.get(ids.get(1));
        assertThat(story.parent()).isEqualTo(ids.get(0));
        assertThat(story.created()).isEqualTo("2025-01-02T03:04:05.678Z");
        assertThat(story.updated()).isEqualTo(story.created());
    }

    @Test
    void importSkipsItemsAlreadyThereUnlessDuplicatesAreAllowed() {
        Instant t = Instant.parse("2025-01-02T03:04:05.678Z");
        long ref = work.add(new NewWorkItem("from github", null, null, null, null, List.of(), null, null, null,
                "github:me/shop#12", null, null));
        long epic = work.importAll(List.of(new NewWorkItem("epic", "body", "shop", null, null, List.of(), null, null, null,
                null, t, null)), null, false).ids().get(0);
        List<NewWorkItem> file = List.of(
                new NewWorkItem("renamed but same ref", null, null, null, null, List.of(), null, null, null,
                        "github:me/shop#12", null, null),
                new NewWorkItem("epic", "body", "shop", null, null, List.of(), null, null, null, null, t, null),
                new NewWorkItem("story", null, "shop", null, null, List.of(), null, null, 1L, null, null, null),
                new NewWorkItem("epic", "body", "shop", null, null, List.of(), null, null, null, null,
                        t.plusSeconds(1), null));
        WorkItems.ImportResult first = work.importAll(file, java.util.Arrays.asList(null, 1L, 2L, null), false);
        assertThat(first.skipped()).extracting(WorkItems.Skipped::item, WorkItems.Skipped::existingId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, ref), org.assertj.core.groups.Tuple.tuple(2, epic));
        assertThat(first.skipped().get(0).externalRef()).isEqualTo("github:me/shop#12");
        assertThat(first.ids()).hasSize(2);
        // the story's parent is the epic that was already there
        assertThat(work.get(first.ids().get(0)).parent()).isEqualTo(epic);
        assertThat(work.count()).isEqualTo(4);

        // The same file again adds nothing; without links the batched path skips the same way.
        WorkItems.ImportResult again = work.importAll(file, java.util.Arrays.asList(null, 1L, 2L, null), false);
        assertThat(again.ids()).isEmpty();
        assertThat(again.skipped()).hasSize(4);
        WorkItems.ImportResult unlinked = work.importAll(List.of(NewWorkItem.of("story"), NewWorkItem.of("new one")), null, false);
        assertThat(unlinked.skipped()).isEmpty(); // "story" is in project shop, this one in none
        assertThat(work.importAll(List.of(NewWorkItem.of("new one")), null, false).skipped())
                .extracting(WorkItems.Skipped::existingId).containsExactly(unlinked.ids().get(1));
        assertThat(work.importAll(file, java.util.Arrays.asList(null, 1L, 2L, null), true).ids()).hasSize(4);
        assertThat(work.count()).isEqualTo(10);
    }

    @Test
    void ideasPromoteToLinkedWorkItems() {
        Ideas ideas = new Ideas(store);
        Ideas.IdeaRow idea = ideas.add("Try sqlite FTS", "maybe", List.of("search", "Perf"));
        assertThat(ideas.list(true, null, null)).extracting(Ideas.IdeaRow::id).containsExactly(idea.id());
        assertThat(ideas.list(false, "perf", null)).hasSize(1);
        assertThat(ideas.list(false, null, "fts")).hasSize(1);
        WorkItemRow item = ideas.promote(idea.id(), "hub", Priority.high);
        assertThat(item.title()).isEqualTo("Try sqlite FTS");
        assertThat(item.labels()).containsExactly("search", "perf");
        assertThat(ideas.show(idea.id()).promotedTo()).isEqualTo(item.id());
        assertThat(work.show(item.id()).fromIdea()).isEqualTo(idea.id());
        assertThat(ideas.list(true, null, null)).isEmpty();
        assertThatThrownBy(() -> ideas.promote(idea.id(), null, null)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("already promoted");
        assertThatThrownBy(() -> ideas.show(777)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void sessionsLogAndEnd() {
        Sessions sessions = new Sessions(store);
        long item = work.add(NewWorkItem.of("thing"));
        long id = sessions.start("claude", "opus", "hub", List.of(item));
        sessions.log(id, "read the code");
        sessions.log(id, "wrote a test\n");
        sessions.end(id, "done it", 1200L, 340L, 0.42, List.of());
        Sessions.SessionDetails d = sessions.show(id);
        assertThat(d.session().agent()).isEqualTo("claude");
        assertThat(d.session().project()).isEqualTo("hub");
        assertThat(d.session().tokensIn()).isEqualTo(1200L);
        assertThat(d.session().cost()).isEqualTo(0.42);
        assertThat(d.session().workItems()).containsExactly(item);
        assertThat(d.session().ended()).isNotNull();
        assertThat(d.log()).extracting(Sessions.LogRow::message).containsExactly("read the code", "wrote a test");
        assertThat(work.show(item).sessions()).containsExactly(id);
        assertThatThrownBy(() -> sessions.end(id, null, null, null, null, List.of())).hasMessageContaining("already ended");
        int logged = sessions.show(id).log().size();
        assertThatThrownBy(() -> sessions.log(id, "too late")).isInstanceOf(dev.ailab.core.error.InvalidInputException.class)
                .hasMessageContaining("has ended");
        assertThat(sessions.show(id).log()).hasSize(logged);
        assertThatThrownBy(() -> sessions.log(4040, "x")).hasMessageContaining("no session with id 4040");
        assertThat(sessions.list(null, "claude", false, 0)).hasSize(1);
        assertThat(sessions.list(null, null, true, 0)).isEmpty();
    }

    @Test
    void projectsRegisterListArchiveSync(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp) throws Exception {
        java.nio.file.Path folder = tmp.resolve("shop");
        java.nio.file.Files.createDirectories(folder.resolve(".ai-lab"));
        java.nio.file.Files.writeString(folder.resolve(".ai-lab/config.yaml"), "project_name: web-shop\nprofile: standard\ntemplate: python-api\n");
        java.nio.file.Files.createDirectories(folder.resolve(".git"));
        java.nio.file.Files.writeString(folder.resolve(".git/config"), "[core]\n\tbare = false\n[remote \"origin\"]\n\turl = git@github.com:me/shop.git\n");
        Projects projects = new Projects(store);
        ProjectRow p = projects.register(folder, null);
        assertThat(p.name()).isEqualTo("web-shop");
        assertThat(p.profile()).isEqualTo("standard");
        assertThat(p.template()).isEqualTo("python-api");
        assertThat(p.repositoryUrl()).isEqualTo("git@github.com:me/shop.git");
        work.add(item("a", "web-shop", null, null, List.of(), null));
        work.add(item("b", "web-shop", WorkStatus.done, null, List.of(), null));
        new Sessions(store).start("grok", null, "web-shop", List.of());
        ProjectRow listed = projects.list(false).get(0);
        assertThat(listed.openItems()).isEqualTo(1);
        assertThat(listed.lastSession()).isNotNull();
        assertThatThrownBy(() -> projects.register(folder, "other-name")).hasMessageContaining("already registered");

        java.nio.file.Files.writeString(folder.resolve(".ai-lab/config.yaml"), "project_name: web-shop\nprofile: advanced\n");
        java.nio.file.Path gone = tmp.resolve("gone");
        java.nio.file.Files.createDirectories(gone);
        projects.register(gone, null);
        java.nio.file.Files.delete(gone);
        Projects.SyncReport report = projects.syncAll();
        assertThat(report.refreshed()).extracting(ProjectRow::profile).containsExactly("advanced");
        assertThat(report.missing()).extracting(ProjectRow::name).containsExactly("gone");

        projects.archive("web-shop", null);
        assertThat(projects.list(false)).extracting(ProjectRow::name).containsExactly("gone");
        assertThat(projects.list(true)).hasSize(2);
        assertThatThrownBy(() -> projects.archive("nope", null)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void updateSetsAndClearsEveryFieldAndChecksParents() {
        long parent = work.add(NewWorkItem.of("parent"));
        long id = work.add(new NewWorkItem("Full", "body", "proj", WorkStatus.todo, Priority.high, List.of("a"), "me",
                LocalDate.of(2027, 1, 2), parent, "github:o/r#1", null, null));
        WorkItemRow before = work.get(id);
        WorkItems.Changes clear = new WorkItems.Changes();
        clear.body = WorkItems.Changes.CLEAR;
        clear.project = WorkItems.Changes.CLEAR;
        clear.assignee = WorkItems.Changes.CLEAR;
        clear.due = WorkItems.Changes.CLEAR;
        clear.parent = 0L;
        clear.externalRef = WorkItems.Changes.CLEAR;
        clear.status = WorkStatus.done;
        clear.removeLabels = List.of("A");
        WorkItemRow cleared = work.update(id, clear);
        assertThat(cleared).isEqualTo(new WorkItemRow(id, null, "Full", null, "done", "high", List.of(), null, null, null,
                null, before.created(), cleared.updated()));
        assertThat(cleared.updated()).isGreaterThanOrEqualTo(before.updated());

        WorkItems.Changes set = new WorkItems.Changes();
        set.title = "  Renamed  ";
        set.body = "new body";
        set.project = "proj";
        set.assignee = "claude";
        set.parent = parent;
        set.externalRef = "ref";
        set.addLabels = List.of("x", "y", "x");
        WorkItemRow again = work.update(id, set);
        assertThat(again.title()).isEqualTo("Renamed");
        assertThat(again).extracting(WorkItemRow::body, WorkItemRow::project, WorkItemRow::assignee, WorkItemRow::parent,
                WorkItemRow::externalRef, WorkItemRow::labels)
                .containsExactly("new body", "proj", "claude", parent, "ref", List.of("x", "y"));
        assertThat(work.show(parent).children()).extracting(WorkItemRow::id).containsExactly(id);

        WorkItems.Changes blank = new WorkItems.Changes();
        blank.title = " ";
        assertThatThrownBy(() -> work.update(id, blank)).isInstanceOf(InvalidInputException.class).hasMessageContaining("title");
        WorkItems.Changes self = new WorkItems.Changes();
        self.parent = id;
        assertThatThrownBy(() -> work.update(id, self)).isInstanceOf(InvalidInputException.class).hasMessageContaining("own parent");
        WorkItems.Changes missingParent = new WorkItems.Changes();
        missingParent.parent = 5150L;
        assertThatThrownBy(() -> work.update(id, missingParent)).isInstanceOf(InvalidInputException.class).hasMessageContaining("5150");
        WorkItems.Changes any = new WorkItems.Changes();
        any.priority = Priority.low;
        assertThatThrownBy(() -> work.update(6060, any)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("no work item with id 6060");
        WorkItems.Changes badLabel = new WorkItems.Changes();
        badLabel.addLabels = List.of("two words");
        assertThatThrownBy(() -> work.update(id, badLabel)).isInstanceOf(InvalidInputException.class);
        assertThat(work.get(id)).isEqualTo(again);
    }

    @Test
    void deleteLeavesChildrenReopensTheIdeaAndDropsSessionLinks() {
        Ideas ideas = new Ideas(store);
        Ideas.IdeaRow idea = ideas.add("an idea", null, List.of());
        long id = ideas.promote(idea.id(), null, null).id();
        long child = work.add(new NewWorkItem("child", null, null, null, null, List.of(), null, null, id, null, null, null));
        Sessions sessions = new Sessions(store);
        long session = sessions.start("claude", null, null, List.of(id, child));
        WorkItemRow row = work.get(id);
        assertThat(work.delete(id)).isEqualTo(row);
        assertThat(work.get(child).parent()).isNull();
        assertThat(ideas.show(idea.id()).promotedTo()).isNull();
        assertThat(ideas.list(true, null, null)).extracting(Ideas.IdeaRow::id).containsExactly(idea.id());
        assertThat(sessions.show(session).session().workItems()).containsExactly(child);
        assertThatThrownBy(() -> work.delete(id)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("no work item with id " + id);
    }

    @Test
    void textSearchTakesPercentAndUnderscoreLiterally() {
        long percent = work.add(NewWorkItem.of("raise coverage to 100%"));
        work.add(NewWorkItem.of("raise coverage to 1000"));
        long under = work.add(NewWorkItem.of("rename max_size"));
        work.add(NewWorkItem.of("rename maxXsize"));
        work.add(NewWorkItem.of("back\\slash"));
        WorkFilter f = new WorkFilter();
        f.text = "100%";
        assertThat(work.list(f)).extracting(WorkItemRow::id).containsExactly(percent);
        f.text = "X_S";
        assertThat(work.list(f)).extracting(WorkItemRow::id).containsExactly(under);
        assertThat(work.summaries(f)).extracting(WorkItemRow::id).containsExactly(under);
        f.text = "%";
        assertThat(work.list(f)).extracting(WorkItemRow::id).containsExactly(percent);
        f.text = "k\\s";
        assertThat(work.list(f)).extracting(WorkItemRow::title).containsExactly("back\\slash");
        Ideas ideas = new Ideas(store);
        Ideas.IdeaRow exact = ideas.add("cut 50% of the start", null, List.of());
        ideas.add("cut 500 of the start", null, List.of());
        assertThat(ideas.list(false, null, "50%")).extracting(Ideas.IdeaRow::id).containsExactly(exact.id());
    }

    @Test
    void labelAndTagFiltersMatchWholeLabelsOnly() {
        long under = work.add(new NewWorkItem("under", null, null, null, null, List.of("a_b"), null, null, null, null, null, null));
        work.add(new NewWorkItem("dash", null, null, null, null, List.of("a-b", "ab"), null, null, null, null, null, null));
        WorkFilter f = new WorkFilter();
        f.label = "a_b";
        assertThat(work.list(f)).extracting(WorkItemRow::id).containsExactly(under);
        assertThat(work.summaries(f)).extracting(WorkItemRow::id).containsExactly(under);
        Ideas ideas = new Ideas(store);
        Ideas.IdeaRow a = ideas.add("first", null, List.of("x_y", "perf"));
        ideas.add("second", null, List.of("x-y", "perf"));
        assertThat(ideas.list(false, "X_Y", null)).extracting(Ideas.IdeaRow::id).containsExactly(a.id());
        assertThat(ideas.list(false, "perf", null)).hasSize(2);
        assertThat(ideas.list(false, "nope", null)).isEmpty();
    }

    @Test
    void sessionListFiltersLimitsAndCarriesItsLinks() {
        Sessions sessions = new Sessions(store);
        long w1 = work.add(NewWorkItem.of("one"));
        long w2 = work.add(NewWorkItem.of("two"));
        long s1 = sessions.start("claude", "opus", "alpha", List.of(w2, w1));
        sessions.log(s1, "a");
        sessions.log(s1, "b");
        sessions.end(s1, "sum", null, 5L, null, List.of());
        long s2 = sessions.start("grok", null, null, List.of(w1));
        long s3 = sessions.start("claude", null, "beta", List.of());
        assertThat(sessions.list(null, null, false, 0)).extracting(Sessions.SessionRow::id).containsExactly(s3, s2, s1);
        assertThat(sessions.list(null, null, false, 2)).extracting(Sessions.SessionRow::id, Sessions.SessionRow::workItems)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(s3, List.of()), org.assertj.core.groups.Tuple.tuple(s2, List.of(w1)));
        assertThat(sessions.list("alpha", null, false, 0)).singleElement().satisfies(r -> {
            assertThat(r.workItems()).containsExactly(w1, w2);
            assertThat(r.logEntries()).isEqualTo(2);
            assertThat(r.model()).isEqualTo("opus");
            assertThat(r.summary()).isEqualTo("sum");
            assertThat(r.tokensIn()).isNull();
            assertThat(r.tokensOut()).isEqualTo(5L);
            assertThat(r.cost()).isNull();
        });
        assertThat(sessions.list(null, "claude", true, 0)).extracting(Sessions.SessionRow::id).containsExactly(s3);
        assertThat(sessions.list("beta", "grok", false, 0)).isEmpty();
        assertThat(sessions.show(s1).session()).isEqualTo(sessions.list("alpha", null, false, 0).get(0));
        assertThatThrownBy(() -> sessions.show(4141)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("no session with id 4141");
    }

    @Test
    void projectsPickUpBareEntriesRefreshAndRecordTheirArchive(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp)
            throws Exception {
        work.add(item("early", "svc", null, null, List.of(), null));
        Projects projects = new Projects(store);
        ProjectRow bare = projects.get("svc");
        assertThat(bare.path()).isNull();
        assertThat(bare.openItems()).isEqualTo(1);
        java.nio.file.Path folder = java.nio.file.Files.createDirectories(tmp.resolve("svc"));
        ProjectRow registered = projects.register(folder, null);
        assertThat(registered.id()).isEqualTo(bare.id());
        assertThat(registered.path()).isEqualTo(folder.toAbsolutePath().normalize().toString());
        assertThat(registered.registered()).isEqualTo(bare.registered());
        assertThat(registered.synced()).isNotNull();
        assertThat(registered.folderMissing()).isFalse();
        assertThat(projects.register(folder, null).id()).isEqualTo(bare.id());
        ProjectRow archived = projects.archive("svc", "/backups/svc.tar.gz");
        assertThat(archived.archived()).isTrue();
        assertThat(archived.archiveFile()).isEqualTo("/backups/svc.tar.gz");
        assertThat(projects.archive("svc", null).archiveFile()).isEqualTo("/backups/svc.tar.gz");
        assertThat(projects.list(false)).isEmpty();
        assertThat(projects.list(true)).containsExactly(projects.get("svc"));
        assertThat(projects.syncAll().refreshed()).isEmpty();
        assertThatThrownBy(() -> projects.get("nope")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("no project named 'nope'");
    }

    /**
     * The JDBC repositories and the Hibernate entities agree row for row: what one writes, the
     * other reads back as the same values, on every table.
     */
    @Test
    void rowsWrittenWithJdbcReadTheSameThroughHibernateAndBack(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp)
            throws Exception {
        // JDBC writes, Hibernate reads.
        java.nio.file.Path folder = java.nio.file.Files.createDirectories(tmp.resolve("svc/.ai-lab")).getParent();
        java.nio.file.Files.writeString(folder.resolve(".ai-lab/config.yaml"), "project_name: svc\nprofile: lean\n");
        Projects projects = new Projects(store);
        Ideas ideas = new Ideas(store);
        Sessions sessions = new Sessions(store);
        long projectId = projects.register(folder, null).id();
        long parent = work.add(NewWorkItem.of("parent"));
        long id = work.add(new NewWorkItem("child", "text", "svc", WorkStatus.doing, Priority.high, List.of("x_y", "b"),
                "me", LocalDate.of(2027, 1, 2), parent, "ref", null, null));
        WorkItems.Changes ch = new WorkItems.Changes();
        ch.removeLabels = List.of("b");
        ch.addLabels = List.of("c");
        ch.assignee = WorkItems.Changes.CLEAR;
        ch.due = "2027-05-06";
        work.update(id, ch);
        long ideaId = ideas.add("idea", "body", List.of("t1", "t2")).id();
        long promoted = ideas.promote(ideaId, "svc", Priority.urgent).id();
        long sessionId = sessions.start("claude", "opus", "svc", List.of(id, parent));
        sessions.log(sessionId, "one");
        sessions.log(sessionId, "two");
        sessions.end(sessionId, "summary", 10L, 20L, 0.25, List.of(promoted));
        projects.archive("svc", "/a/svc.tar.gz");

        List<WorkItemRow> itemsViaJdbc = List.of(work.get(parent), work.get(id), work.get(promoted));
        Ideas.IdeaRow ideaViaJdbc = ideas.show(ideaId);
        Sessions.SessionDetails sessionViaJdbc = sessions.show(sessionId);
        ProjectRow projectViaJdbc = projects.get("svc");
        List<WorkItemRow> itemsViaHibernate = store.hibernate(s -> List.of(parent, id, promoted).stream()
                .map(i -> WorkItemRow.of(s.find(WorkItem.class, i))).toList());
        Ideas.IdeaRow ideaViaHibernate = store.hibernate(s -> Ideas.IdeaRow.of(s.find(Idea.class, ideaId)));
        Sessions.SessionDetails sessionsViaHibernate = store.hibernate(s -> sessionDetails(s.find(AiSession.class, sessionId)));
        ProjectRow projectViaHibernate = store.hibernate(s -> projectRow(s, projectId));
        assertThat(itemsViaHibernate).isEqualTo(itemsViaJdbc);
        assertThat(ideaViaHibernate).isEqualTo(ideaViaJdbc);
        assertThat(sessionsViaHibernate).isEqualTo(sessionViaJdbc);
        assertThat(projectViaHibernate).isEqualTo(projectViaJdbc);
        assertThat(projectViaJdbc).extracting(ProjectRow::archived, ProjectRow::archiveFile, ProjectRow::openItems)
                .containsExactly(true, "/a/svc.tar.gz", 2L);

        // Hibernate writes, JDBC reads.
        long[] ids = store.hibernate(s -> {
            Project p = new Project();
            p.name = "orm";
            p.path = "/work/orm";
            p.profile = "full";
            p.folderMissing = true;
            p.registeredAt = Instant.parse("2026-01-02T03:04:05.006Z");
            s.persist(p);
            WorkItem w = new WorkItem();
            w.title = "entity";
            w.body = "from Hibernate";
            w.project = p;
            w.status = WorkStatus.blocked;
            w.priority = Priority.low;
            w.labels = new java.util.ArrayList<>(List.of("e_1", "e2"));
            w.assignee = "grok";
            w.dueDate = LocalDate.of(2028, 2, 29);
            w.parent = s.find(WorkItem.class, parent);
            w.externalRef = "github:o/r#9";
            w.createdAt = Instant.parse("2026-01-02T03:04:05.006Z");
            w.updatedAt = Instant.parse("2026-02-03T04:05:06.007Z");
            s.persist(w);
            Idea i = new Idea();
            i.title = "orm idea";
            i.tags = new java.util.ArrayList<>(List.of("t"));
            i.promotedTo = w;
            i.createdAt = Instant.parse("2026-01-01T00:00:00Z");
            s.persist(i);
            AiSession a = new AiSession();
            a.project = p;
            a.agent = "grok";
            a.startedAt = Instant.parse("2026-03-01T10:00:00.123Z");
            a.endedAt = Instant.parse("2026-03-01T11:00:00Z");
            a.tokensIn = 7L;
            a.cost = 1.5;
            a.workItems.add(w);
            a.workItems.add(s.find(WorkItem.class, parent));
            s.persist(a);
            SessionLogEntry e = new SessionLogEntry();
            e.session = a;
            e.loggedAt = Instant.parse("2026-03-01T10:30:00Z");
            e.message = "logged by the entity";
            a.log.add(e);
            s.persist(e);
            s.flush();
            return new long[] {p.id, w.id, i.id, a.id};
        });
        WorkItemRow itemViaHibernate = store.hibernate(s -> WorkItemRow.of(s.find(WorkItem.class, ids[1])));
        assertThat(work.get(ids[1])).isEqualTo(itemViaHibernate);
        assertThat(itemViaHibernate.labels()).containsExactly("e_1", "e2");
        assertThat(work.show(ids[1]).fromIdea()).isEqualTo(ids[2]);
        assertThat(work.show(ids[1]).sessions()).containsExactly(ids[3]);
        Ideas.IdeaRow ideaFromHibernate = store.hibernate(s -> Ideas.IdeaRow.of(s.find(Idea.class, ids[2])));
        assertThat(ideas.show(ids[2])).isEqualTo(ideaFromHibernate);
        Sessions.SessionDetails sessionViaHibernate = store.hibernate(s -> sessionDetails(s.find(AiSession.class, ids[3])));
        assertThat(sessions.show(ids[3])).isEqualTo(sessionViaHibernate);
        assertThat(sessions.list(null, "grok", false, 0)).containsExactly(sessionViaHibernate.session());
        ProjectRow ormProject = store.hibernate(s -> projectRow(s, ids[0]));
        assertThat(projects.get("orm")).isEqualTo(ormProject);
        assertThat(projects.list(true)).extracting(ProjectRow::name).containsExactly("orm", "svc");

        // A JDBC delete is seen by Hibernate, the database's cascades included.
        work.delete(ids[1]);
        store.hibernate(s -> {
            assertThat(s.find(WorkItem.class, ids[1])).isNull();
            assertThat(s.find(Idea.class, ids[2]).promotedTo).isNull();
            assertThat(s.find(AiSession.class, ids[3]).workItems).extracting(w -> w.id).containsExactly(parent);
            return null;
        });
    }

    private static Sessions.SessionDetails sessionDetails(AiSession a) {
        return new Sessions.SessionDetails(Sessions.SessionRow.of(a),
                a.log.stream().map(e -> new Sessions.LogRow(StoreValues.instant(e.loggedAt), e.message)).toList());
    }

    private static ProjectRow projectRow(org.hibernate.Session s, long id) {
        Project p = s.find(Project.class, id);
        long open = s.createSelectionQuery("select count(w) from WorkItem w where w.project = :p and w.status <> :done", Long.class)
                .setParameter("p", p).setParameter("done", WorkStatus.done).getSingleResult();
        Instant last = s.createSelectionQuery("select max(a.startedAt) from AiSession a where a.project = :p", Instant.class)
                .setParameter("p", p).getSingleResult();
        return ProjectRow.of(p, open, last);
    }

    @Test
    void aDatabaseFromANewerVersionIsRefusedUntouched() {
        work.add(NewWorkItem.of("x"));
        store.read(c -> {
            try (var st = c.createStatement()) {
                st.executeUpdate("INSERT INTO flyway_schema_history (installed_rank, version, description, type, script,"
                        + " checksum, installed_by, installed_on, execution_time, success)"
                        + " VALUES (99, '999', 'future', 'SQL', 'V999__future.sql', 0, 'test', CURRENT_TIMESTAMP, 1, " + (store.vendor() == StoreFactory.Vendor.SQLITE ? "1" : "true") + ")");
            }
            return null;
        });
        store.close();
        StoreFactory again = StoreFactory.open(store.settings());
        assertThatThrownBy(() -> new WorkItems(again).add(NewWorkItem.of("y")))
                .isInstanceOf(OperationFailedException.class).hasMessageContaining("newer");
        assertThatThrownBy(again::migrate).isInstanceOf(OperationFailedException.class).hasMessageContaining("nothing was changed");
        assertThat(again.schemaState().unknown()).containsExactly("999");
    }
}
