package dev.ailab.integrations.github;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ailab.hub.GithubSyncStore.Fields;
import java.util.List;
import org.junit.jupiter.api.Test;

class ThreeWayTest {
    static Fields f(String title, String status, List<String> labels) {
        return new Fields(title, "b", status, labels, null, null);
    }

    @Test
    void oneSidedChangesAreTakenAndLabelRemovalsWin() {
        Fields base = f("t", "todo", List.of("a", "b"));
        ThreeWay.Result r = ThreeWay.merge(base, f("t2", "todo", List.of("a", "c")), f("t", "done", List.of("a", "b", "d")));
        assertThat(r.conflicts()).isEmpty();
        assertThat(r.localAfter()).isEqualTo(f("t2", "done", List.of("a", "c", "d")));
        assertThat(r.remoteAfter()).isEqualTo(r.localAfter());
        assertThat(r.base()).isEqualTo(r.localAfter());
    }

    @Test
    void theSameFieldChangedDifferentlyIsAConflictAndKeepsBothSidesAndTheBase() {
        Fields base = f("t", "todo", List.of());
        ThreeWay.Result r = ThreeWay.merge(base, f("local", "todo", List.of()), f("remote", "todo", List.of()));
        assertThat(r.conflicts()).containsExactly(new ThreeWay.FieldConflict("title", "local", "remote"));
        assertThat(r.localAfter().title()).isEqualTo("local");
        assertThat(r.remoteAfter().title()).isEqualTo("remote");
        assertThat(r.base().title()).isEqualTo("t");
    }
}
