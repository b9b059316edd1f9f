package dev.ailab.generators.vectorweight;

import dev.ailab.core.config.GitopsConfig;
import dev.ailab.generators.charts.ChartLocation;
import dev.ailab.generators.charts.ChartResolver;
import dev.ailab.generators.charts.UpstreamChart;

/**
 * {@code renovate.json}: Renovate proposes chart bumps for the Applications under {@code argocd/}
 * and for the Argo CD pin in {@code deploy.sh}, grouped into one pull request for Argo CD; with
 * Flux, for the HelmReleases under {@code flux/} and the Flux pin in {@code deploy.sh}.
 */
final class RenovateConfig implements RepositoryPart {
    static final String PATH = "renovate.json";

    private final ChartLocation argocd;
    private final GitopsConfig.Engine engine;

    private final boolean airgapped;

    RenovateConfig(ChartResolver charts, GitopsConfig.Engine engine) {
        this.argocd = charts.resolve(UpstreamChart.ARGO_CD);
        this.engine = engine;
        this.airgapped = charts.airgapped();
    }

    @Override
    public void writeTo(OutputFiles out) {
        String text = engine == GitopsConfig.Engine.FLUX ? FLUX : """
                {
                  "$schema": "https://docs.renovatebot.com/renovate-schema.json",
                  "extends": ["config:recommended"],
                  "argocd": {
                    "fileMatch": ["^argocd/.+\\\\.yaml$"]
                  },
                  "customManagers": [
                    {
                      "customType": "regex",
                      "fileMatch": ["^deploy\\\\.sh$"],
                      "matchStrings": ["ARGOCD_CHART_VERSION=\\"(?<currentValue>[^\\"]+)\\""],
                      "depNameTemplate": %1$s,
                      "datasourceTemplate": "helm",
                      "registryUrlTemplate": %2$s
                    }
                  ],
                  "packageRules": [
                    {
                      "matchManagers": ["argocd", "custom.regex"],
                      "matchDepNames": [%1$s],
                      "groupName": "Argo CD"
                    }
                  ]
                }
                """.formatted(json(argocd.chart()), json(argocd.repositoryOr("")));
        // Airgapped output names no outside host, not even the schema's (nothing fetches it there).
        out.text(PATH, airgapped ? text.replace("  \"$schema\": \"https://docs.renovatebot.com/renovate-schema.json\",\n", "") : text);
    }

    /** Renovate's flux manager bumps the HelmReleases' chart versions; a regex the Flux pin of deploy.sh. */
    private static final String FLUX = """
            {
              "$schema": "https://docs.renovatebot.com/renovate-schema.json",
              "extends": ["config:recommended"],
              "flux": {
                "fileMatch": ["^flux/.+\\\\.yaml$"]
              },
              "customManagers": [
                {
                  "customType": "regex",
                  "fileMatch": ["^deploy\\\\.sh$"],
                  "matchStrings": ["FLUX_VERSION=\\"(?<currentValue>[^\\"]+)\\""],
                  "depNameTemplate": "fluxcd/flux2",
                  "datasourceTemplate": "github-releases"
                }
              ]
            }
            """;

    /** A JSON string literal. */
    private static String json(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char ch : s.toCharArray()) {
            if (ch == '"' || ch == '\\') {
                sb.append('\\').append(ch);
            } else if (ch < 0x20) {
                sb.append(String.format("\\u%04x", (int) ch));
            } else {
                sb.append(ch);
            }
        }
        return sb.append('"').toString();
    }
}
