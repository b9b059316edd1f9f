package dev.ailab.hub;

import dev.ailab.core.error.InvalidInputException;
import java.time.Instant;
import java.util.List;

/** Ideas: add, list, show, promote to a work item. Hibernate throughout. */
public final class Ideas {
    private final StoreFactory store;

    public Ideas(StoreFactory store) {
        this.store = store;
    }

    /** An idea as shown and exported. */
    public record IdeaRow(long id, String title, String body, List<String> tags, Long promotedTo, String created) {
        static IdeaRow of(Idea i) {
            return new IdeaRow(i.id, i.title, i.body, List.copyOf(i.tags), i.promotedTo == null ? null : i.promotedTo.id,
                    StoreValues.instant(i.createdAt));
        }
    }

    public IdeaRow add(String title, String body, List<String> tags) {
        if (title == null || title.isBlank()) {
            throw new InvalidInputException("an idea needs a title", "give a non-empty title");
        }
        List<String> normalized = StoreValues.labels(tags);
        return store.hibernate(s -> {
            Idea i = new Idea();
            i.title = title.strip();
            i.body = body;
            i.tags = normalized;
            i.createdAt = Instant.now();
            s.persist(i);
            s.flush();
            return IdeaRow.of(i);
        });
    }

    /** Ideas, newest last; {@code open} leaves out promoted ones; {@code text} searches title and body. */
    public List<IdeaRow> list(boolean open, String tag, String text) {
        List<String> tags = tag == null ? List.of() : StoreValues.labels(List.of(tag));
        return store.hibernate(s -> {
            StringBuilder q = new StringBuilder("from Idea i where 1 = 1");
            if (open) {
                q.append(" and i.promotedTo is null");
            }
            if (text != null) {
                q.append(" and (lower(i.title) like :t or lower(coalesce(i.body, '')) like :t)");
            }
            q.append(" order by i.id");
            var query = s.createSelectionQuery(q.toString(), Idea.class);
            if (text != null) {
                query.setParameter("t", "%" + text.toLowerCase(java.util.Locale.ROOT) + "%");
            }
            return query.getResultList().stream().filter(i -> i.tags.containsAll(tags)).map(IdeaRow::of).toList();
        });
    }

    public IdeaRow show(long id) {
        return store.hibernate(s -> IdeaRow.of(require(s, id)));
    }

    /**
     * Makes a work item from the idea (title, body, tags as labels) and links it. Promoting twice
     * is refused with the id of the existing item.
     */
    public WorkItemRow promote(long id, String project, Priority priority) {
        return store.hibernate(s -> {
            Idea i = require(s, id);
            if (i.promotedTo != null) {
                throw new InvalidInputException("idea " + id + " was already promoted to work item " + i.promotedTo.id,
                        "see it with 'ai-lab work show " + i.promotedTo.id + "'");
            }
            WorkItem w = new WorkItem();
            w.title = i.title;
            w.body = i.body;
            w.labels = List.copyOf(i.tags);
            w.priority = priority == null ? Priority.normal : priority;
            w.project = project == null ? null : Projects.findOrCreate(s, project);
            w.createdAt = Instant.now();
            w.updatedAt = w.createdAt;
            s.persist(w);
            i.promotedTo = w;
            s.flush();
            return WorkItemRow.of(w);
        });
    }

    private static Idea require(org.hibernate.Session s, long id) {
        Idea i = s.find(Idea.class, id);
        if (i == null) {
            throw new InvalidInputException("no idea with id " + id, "list them with 'ai-lab idea list --all'");
        }
        return i;
    }
}
