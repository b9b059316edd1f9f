package dev.ailab.core.config;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Map;
import java.util.ArrayList;
import java.util.List;

/**
 * The one config schema, shared by ai-lab, vectorweight and ai-config. Each front reads the
 * sections it needs. Keys are snake_case in YAML (see {@link ConfigMapper}).
 *
 * <p>Plain mutable fields on purpose: the layered loader merges files into one instance, and
 * the fields are the schema (the JSON Schema is published from this model).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"project_name", "environment", "clusters", "enable_gpu_operator", "auto_create_repositories",
        "sources", "gitops", "sops", "library", "deployment", "github", "store", "answers"})
public class ToolkitConfig {
    /** vectorweight's project name; also the default output folder prefix. */
    public String projectName;
    public Environment environment;
    public List<ClusterConfig> clusters = new ArrayList<>();
    public Boolean enableGpuOperator;
    public Boolean autoCreateRepositories;
    public SourcesConfig sources = new SourcesConfig();
    public GitopsConfig gitops = new GitopsConfig();
    public SopsConfig sops = new SopsConfig();
    public LibraryConfig library = new LibraryConfig();
    public DeploymentConfig deployment = new DeploymentConfig();
    public GithubConfig github = new GithubConfig();
    public StoreConfig store = new StoreConfig();
    /** Template answers of a project made by {@code ai-lab create-project} (free-form; in .ai-lab/config.yaml). */
    public Map<String, Object> answers;
}
