package dev.ailab.core.template;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A template's {@code template.yaml}: its questions, and per profile tier the files that tier
 * adds, with conditions ({@code when}) and loops ({@code each}). File paths are relative to the
 * template's {@code files/} folder and may be globs; target paths are Mustache too.
 *
 * <pre>
 * name: python
 * version: 1.2.0
 * description: Python package with pytest
 * questions:
 *   - name: package
 *     prompt: Python package name
 *     default: "{{project_snake}}"
 *     pattern: "[a-z_][a-z0-9_]*"
 * tiers:
 *   basic:
 *     - README.md
 *     - src/{{package}}/**
 *   standard:
 *     - { path: .github/workflows/ci.yml, delimiters: "&lt;% %&gt;" }
 *   advanced:
 *     - { path: k8s/service.yaml, each: services, to: "k8s/{{name}}.yaml" }
 * </pre>
 */
public class TemplateManifest {
    public String name;
    public String version = "0.0.0";
    public String description = "";
    /** Questions asked in order; answers are the Mustache context of every file. */
    public List<Question> questions = new ArrayList<>();
    /** basic / standard / advanced: what each tier adds (cumulative). */
    public Map<String, List<FileRule>> tiers = new LinkedHashMap<>();
    /** Globs of files copied byte for byte, never rendered. */
    public List<String> verbatim = new ArrayList<>();
    /** Commands suggested to the user once the project exists (Mustache). */
    public List<String> nextSteps = new ArrayList<>();
    /** Declarative steps {@code project update} applies before merging, per version that introduced them. */
    public List<Migration> migrations = new ArrayList<>();

    /** The steps of one version: a project updated past {@code version} gets them, in order. */
    public static class Migration {
        public String version;
        public List<MigrationStep> steps = new ArrayList<>();
    }

    /**
     * One step, data only (a template never runs code on the user's machine): {@code move} a file
     * or folder from {@code from} to {@code to}, {@code delete} the file or folder {@code from}, or
     * {@code rename_answer} from {@code from} to {@code to}.
     */
    public record MigrationStep(String kind, String from, String to) {
    }

    /** One question to the user. */
    public static class Question {
        public String name;
        /** What the prompt says; defaults to the name. */
        public String prompt;
        /** Longer explanation shown at the prompt and by {@code template show}. */
        public String help;
        /** string (default), bool, choice, list (comma-separated on the command line). */
        public String type = "string";
        /** The default; Mustache over earlier answers for strings (for example {@code "{{project_snake}}"}). */
        public Object defaultValue;
        public List<String> choices = new ArrayList<>();
        /** A regular expression the whole answer must match (strings and list items). */
        public String pattern;
        /** Ask only when this condition holds (same syntax as a file's {@code when}). */
        public String when;
    }

    /** One entry of a tier: a file, a glob, or a file rendered once per item of a list. */
    public static class FileRule {
        /** Path or glob under {@code files/}. */
        public String path;
        /** Target path (Mustache); default: the source path without a trailing {@code .mustache}. */
        public String to;
        /** Condition over the answers: {@code name}, {@code !name}, {@code name == value}, {@code name != value}. */
        public String when;
        /** Render once per item of this list answer; the item's fields (or {@code item}) join the context. */
        public String each;
        /** Copy byte for byte. */
        public Boolean verbatim;
        /** Other tag delimiters for a file that carries another tool's braces, e.g. {@code "<% %>"}. */
        public String delimiters;
        /** Make the generated file executable. */
        public Boolean executable;

        public FileRule() {
        }
    }
}
