package dev.ailab.generators.vectorweight;

import static dev.ailab.generators.vectorweight.Maps.map;

import dev.ailab.deployment.sops.SopsFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code .sops.yaml}: one creation rule per cluster with age recipients, matching that
 * cluster's secrets folder, so the {@code sops} command encrypts them as
 * {@code vectorweight secrets set} does (same recipients, same {@code encrypted_regex}).
 */
final class SopsRules implements RepositoryPart {
    static final String PATH = ".sops.yaml";

    private final Project p;

    SopsRules(Project p) {
        this.p = p;
    }

    @Override
    public void writeTo(OutputFiles out) {
        if (p.sopsRecipients.isEmpty()) {
            return;
        }
        List<Object> rules = new ArrayList<>();
        p.sopsRecipients.forEach((cluster, recipients) -> rules.add(map(
                // cluster names are DNS labels: nothing in the folder needs escaping
                "path_regex", "^" + Layout.secrets(p.engine, cluster) + "/[^/]+\\.yaml$",
                "encrypted_regex", SopsFile.SECRET_REGEX,
                "age", String.join(",", recipients))));
        Map<String, Object> doc = map("creation_rules", rules);
        out.yaml(PATH, doc);
    }
}
