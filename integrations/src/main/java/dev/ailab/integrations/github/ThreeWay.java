package dev.ailab.integrations.github;

import dev.ailab.hub.GithubSyncStore.Fields;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The three-way merge of one item, field by field, against the last state both sides agreed
 * on. A field changed on one side is taken from that side; changed the same way on both, it is
 * agreed; changed differently on both, it is a conflict and neither side is written for it.
 * Labels merge as sets: what either side added is added, what either side removed is removed.
 */
public final class ThreeWay {
    public static final List<String> FIELDS = List.of("title", "body", "status", "labels", "assignee", "due");

    private ThreeWay() {
    }

    /** A field both sides changed differently. */
    public record FieldConflict(String field, String local, String remote) {
    }

    /**
     * {@code merged}: the values both sides should hold (conflicting fields keep each side's value
     * out of it: see {@link #localAfter} and {@link #remoteAfter}); {@code base}: the new base.
     */
    public record Result(Fields localAfter, Fields remoteAfter, Fields base, List<FieldConflict> conflicts) {
        public boolean localChanged(Fields local) {
            return !localAfter.equals(local);
        }

        public boolean remoteChanged(Fields remote) {
            return !remoteAfter.equals(remote);
        }
    }

    public static Result merge(Fields base, Fields local, Fields remote) {
        List<FieldConflict> conflicts = new ArrayList<>();
        String[] l = values(local);
        String[] r = values(remote);
        String[] b = values(base);
        String[] la = l.clone();
        String[] ra = r.clone();
        String[] ba = b.clone();
        for (int i = 0; i < FIELDS.size(); i++) {
            if (FIELDS.get(i).equals("labels")) {
                continue;
            }
            if (Objects.equals(l[i], r[i])) {
                ba[i] = l[i];
            } else if (Objects.equals(l[i], b[i])) {
                la[i] = r[i];
                ba[i] = r[i];
            } else if (Objects.equals(r[i], b[i])) {
                ra[i] = l[i];
                ba[i] = l[i];
            } else {
                conflicts.add(new FieldConflict(FIELDS.get(i), l[i], r[i]));
            }
        }
        List<String> labels = mergeLabels(base.labels(), local.labels(), remote.labels());
        return new Result(fields(la, labels), fields(ra, labels), fields(ba, labels), conflicts);
    }

    static List<String> mergeLabels(List<String> base, List<String> local, List<String> remote) {
        TreeSet<String> out = new TreeSet<>(base);
        out.addAll(local);
        out.addAll(remote);
        for (String label : base) {
            if (!local.contains(label) || !remote.contains(label)) {
                out.remove(label);
            }
        }
        return List.copyOf(out);
    }

    /** A field's value as text (labels comma-separated), as conflicts show it. */
    public static String value(Fields f, String field) {
        return values(f)[FIELDS.indexOf(field)];
    }

    /** {@code f} with {@code field} set to {@code value} (in {@link #value}'s form). */
    public static Fields with(Fields f, String field, String value) {
        String[] v = values(f);
        int i = FIELDS.indexOf(field);
        if (i < 0) {
            throw new IllegalArgumentException(field);
        }
        v[i] = value;
        return fields(v, field.equals("labels") ? split(value) : f.labels());
    }

    private static String[] values(Fields f) {
        return new String[] {f.title(), f.body(), f.status(), String.join(",", f.labels()), f.assignee(), f.due()};
    }

    private static Fields fields(String[] v, List<String> labels) {
        return new Fields(v[0], v[1], v[2], labels, v[4], v[5]);
    }

    private static List<String> split(String s) {
        List<String> out = new ArrayList<>();
        if (s != null) {
            for (String p : s.split(",")) {
                if (!p.isBlank()) {
                    out.add(p.strip());
                }
            }
        }
        return out;
    }
}
