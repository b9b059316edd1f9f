package dev.ailab.integrations.github;

import dev.ailab.hub.GithubSyncStore.Fields;
import java.io.IOException;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.kohsuke.github.GHIssue;
import org.kohsuke.github.GHIssueState;
import org.kohsuke.github.GHLabel;
import org.kohsuke.github.GHUser;

/**
 * The mapping of docs/hub.md: title, body; closed is {@code done}, open is {@code todo} unless
 * it carries the {@code doing} or {@code blocked} label; the other labels as labels (lower case,
 * spaces as '-'); the first assignee; the milestone's due date as the due date.
 */
public final class IssueMapping {
    public static final String DOING = "doing";
    public static final String BLOCKED = "blocked";
    private static final Pattern LABEL = Pattern.compile("[\\p{L}\\p{N}._:/+#@-]{1,64}");
    /**
     * The hidden line that ends the body of an issue the sync creates, naming the work item's
     * pending creation: a run that crashed after the create call finds the issue by it.
     */
    private static final Pattern MARKER = Pattern.compile("\\s*<!-- ai-lab:item ([0-9a-f-]{36}) -->\\s*\\z");

    private IssueMapping() {
    }

    public static Fields remote(GHIssue issue) {
        List<String> labels = new ArrayList<>();
        boolean doing = false;
        boolean blocked = false;
        for (GHLabel l : issue.getLabels()) {
            String name = label(l.getName());
            if (name == null) {
                continue;
            }
            if (name.equals(DOING)) {
                doing = true;
            } else if (name.equals(BLOCKED)) {
                blocked = true;
            } else {
                labels.add(name);
            }
        }
        String status = issue.getState() == GHIssueState.CLOSED ? "done" : blocked ? "blocked" : doing ? "doing" : "todo";
        List<GHUser> assignees = issue.getAssignees();
        String assignee = assignees == null || assignees.isEmpty() ? null : assignees.get(0).getLogin();
        String due = issue.getMilestone() == null || issue.getMilestone().getDueOn() == null ? null
                : issue.getMilestone().getDueOn().toInstant().atZone(ZoneOffset.UTC).toLocalDate().toString();
        return new Fields(issue.getTitle(), withoutMarker(issue.getBody()), status, labels, assignee, due);
    }

    /** The body to create an issue with: the item's body and the marker line. */
    static String bodyWithMarker(String body, String marker) {
        return (body == null || body.isEmpty() ? "" : body + "\n\n") + "<!-- ai-lab:item " + marker + " -->";
    }

    /** The marker at the end of the issue's body, or null. */
    static String marker(String body) {
        if (body == null) {
            return null;
        }
        var m = MARKER.matcher(body);
        return m.find() ? m.group(1) : null;
    }

    static String withoutMarker(String body) {
        return body == null ? null : MARKER.matcher(body).replaceFirst("");
    }

    /** A GitHub label as a hub label, or null when it cannot be one. */
    static String label(String name) {
        String l = name.strip().toLowerCase(Locale.ROOT).replace(' ', '-');
        return LABEL.matcher(l).matches() ? l : null;
    }

    /** The labels the issue should carry for {@code f}: its labels plus the status label. */
    static List<String> remoteLabels(Fields f) {
        List<String> out = new ArrayList<>(f.labels());
        if (f.status().equals(DOING)) {
            out.add(DOING);
        } else if (f.status().equals(BLOCKED)) {
            out.add(BLOCKED);
        }
        return out;
    }

    static String updatedAt(GHIssue issue) {
        try {
            return issue.getUpdatedAt() == null ? null : issue.getUpdatedAt().toInstant().toString();
        } catch (IOException e) {
            return null;
        }
    }

    public static String externalRef(String repository, long number) {
        return "github:" + repository + "#" + number;
    }
}
