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
