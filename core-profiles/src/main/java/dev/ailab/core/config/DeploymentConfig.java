package dev.ailab.core.config;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** The AI-agent host: base folder, pod, agents, secrets and backups. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class DeploymentConfig {
    /** Base folder of the host. Default {@code /ai}. */
    public String baseDir;
    public String pod;
    public List<String> agents;
    /** Default {@code <base_dir>/secrets}. */
    public String secretsDir;
    /** Default {@code <base_dir>/backups}. */
    public String backupDir;
    /** Image the agent containers run. */
    public String image;
}
