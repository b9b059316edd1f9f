package dev.ailab.core.template;

import dev.ailab.core.error.InvalidInputException;
import dev.ailab.core.profile.Profile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code create-project} makes, chosen from what the user gave, what the project recorded
 * when it was made before ({@code .ai-lab/}), and what is asked at a terminal. The first of each
 * list wins:
 * <ul>
 * <li>template: {@code --template} or {@code --template-dir}; the built-in template the project
 *     was made from; the one chosen at the terminal; {@value #DEFAULT_TEMPLATE}. (A name is then
 *     found by {@link TemplateCatalog}: the user's templates before the built-in ones.)
 * <li>profile: {@code --profile}; the project's earlier profile; the one chosen at the terminal;
 *     standard.
 * <li>answer to a question: {@code --data}; the answers file ({@code --data-file}); the answer
 *     typed at the terminal, which offers the earlier answer, else the template's default;
 *     without a terminal, the earlier answer, else the template's default.
 * </ul>
 * Nothing is asked in scripts: without a terminal, with {@code --defaults}, or when any answer
 * is given ({@code --data}, {@code --data-file}). A project created inside a {@link Monorepo}
 * is one of its services.
 */
public final class ProjectPlan {
    public static final String DEFAULT_TEMPLATE = "python";

    /**
     * What the user gave.
     *
     * @param parent      the folder the project is created in
     * @param profile     {@code --profile}, or null
     * @param template    {@code --template} (a name or git URL), or null
     * @param templateDir {@code --template-dir}, or null
     * @param data        {@code --data} answers
     * @param answersFile {@code --data-file}, resolved, or null
     * @param defaults    {@code --defaults}: take the default of every question not answered
     * @param terminal    whether questions could be asked (a terminal on both ends)
     */
    public record Options(String name, Path parent, String profile, String template, String templateDir,
            Map<String, String> data, Path answersFile, boolean defaults, boolean terminal) {
        /** Whether anything is asked: on a terminal, and only when no answer was given. */
        public boolean asks() {
            return terminal && !defaults && data.isEmpty() && answersFile == null;
        }
    }

    /** Asks at a terminal: the questions of a template, and the choices of template and profile. */
    public interface Asker extends Answers.Prompter {
        /** One of {@code choices} ({@code dflt} for an empty answer), or null at end of input. */
        String choose(String prompt, List<String> choices, String dflt);
    }

    /**
     * The answers of a plan.
     *
     * @param answers the template's answers alone, recorded in {@code .ai-lab/config.yaml}
     * @param context everything the template is rendered with: built-in variables and answers
     */
    public record Answered(Map<String, Object> answers, Map<String, Object> context) {
    }

    private final Options options;
    private final Path target;
    private final Monorepo monorepo;
    private final String templateName;
    private final Profile profile;
    private final Asker asker;

    private ProjectPlan(Options options, Path target, Monorepo monorepo, String templateName, Profile profile, Asker asker) {
        this.options = options;
        this.target = target;
        this.monorepo = monorepo;
        this.templateName = templateName;
        this.profile = profile;
        this.asker = asker;
    }

    /**
     * Checks the name and chooses the template and profile, asking {@code asker} (null in
     * scripts) what nothing else decides; {@code catalog} offers the templates to choose from.
     */
    public static ProjectPlan choose(Options options, TemplateCatalog catalog, Asker asker) {
        ProjectNames.validate(options.name());
        Path target = options.parent().resolve(options.name()).toAbsolutePath().normalize();
        Map<String, Object> earlier = ProjectGenerator.previousProfile(target);
        Monorepo monorepo = Monorepo.enclosing(options.parent());
        String templateName = templateName(options, earlier, catalog, asker);
        Profile profile = profile(options, earlier, asker);
        return new ProjectPlan(options, target, monorepo, templateName, profile, asker);
    }

    /**
     * The template name or git URL to open: null when {@code --template-dir} names the template.
     */
    static String templateName(Options options, Map<String, Object> earlier, TemplateCatalog catalog, Asker asker) {
        if (options.template() != null || options.templateDir() != null) {
            return options.template();
        }
        if (earlier.get("template") instanceof String name && TemplateCatalog.BUILTIN.equals(earlier.get("template_source"))) {
            return name;
        }
        if (asker == null) {
            return DEFAULT_TEMPLATE;
        }
        List<String> names = catalog.list().stream().map(TemplatePack::name).toList();
        String chosen = asker.choose("Template", names, DEFAULT_TEMPLATE);
        if (chosen == null) {
            throw new InvalidInputException("input ended before a template was chosen", "use --template NAME");
        }
        return chosen;
    }

    static Profile profile(Options options, Map<String, Object> earlier, Asker asker) {
        if (options.profile() != null) {
            return Profile.parse(options.profile());
        }
        if (earlier.get("profile") instanceof String p) {
            return Profile.parse(p);
        }
        if (asker == null) {
            return Profile.STANDARD;
        }
        String chosen = asker.choose("Profile", Arrays.stream(Profile.values()).map(Profile::id).toList(), Profile.STANDARD.id());
        if (chosen == null) {
            throw new InvalidInputException("input ended before a profile was chosen", "use --profile basic|standard|advanced");
        }
        return Profile.parse(chosen);
    }

    /** The project's folder. */
    public Path target() {
        return target;
    }

    /** The template name or git URL to open; null when {@code --template-dir} gives the template. */
    public String templateName() {
        return templateName;
    }

    public Profile profile() {
        return profile;
    }

    /** The monorepo the project is a service of, or null. */
    public Monorepo monorepo() {
        return monorepo;
    }

    /**
     * Answers every question of {@code pack} by the order of precedence above, asking what is
     * left when there is a terminal.
     */
    public Answered answer(TemplatePack pack) {
        Map<String, Object> given = new LinkedHashMap<>(readAnswersFile(options.answersFile()));
        given.putAll(options.data());
        List<String> questions = pack.manifest().questions.stream().map(q -> q.name).toList();
        Map<String, Object> earlier = ProjectGenerator.previousAnswers(target);
        earlier.keySet().retainAll(questions);
        MustacheRenderer renderer = new MustacheRenderer();
        Map<String, Object> builtins = Answers.builtins(options.name(), profile, pack);
        String year = ProjectGenerator.previousYear(target);
        if (year != null) {
            builtins.put("year", year); // rendered again: the year it was made in, not this one
        }
        if (monorepo != null) {
            builtins.putAll(monorepo.variables());
        }
        Map<String, Object> resolved = Answers.resolve(pack, builtins, given, earlier, asker, renderer);
        Map<String, Object> answers = new LinkedHashMap<>(resolved);
        answers.keySet().removeAll(builtins.keySet());
        return new Answered(answers, Answers.withPaths(resolved, pack));
    }

    /** What to hand the generator for {@code pack} and its answers. */
    public ProjectGenerator.Request request(TemplatePack pack, Answered answered, boolean force, boolean dryRun,
            String toolVersion) {
        return new ProjectGenerator.Request(target, profile, pack, answered.context(), answered.answers(), force, dryRun,
                toolVersion);
    }

    /** The answers of {@code --data-file}: a YAML or JSON mapping; none from {@code /dev/null} and the like. */
    static Map<String, Object> readAnswersFile(Path file) {
        if (file == null) {
            return Map.of();
        }
        if (!Files.exists(file) || Files.isDirectory(file)) {
            throw new InvalidInputException("answers file not found: " + file, "check the path given to --data-file");
        }
        if (!Files.isRegularFile(file)) {
            return Map.of();
        }
        return YamlText.readMap(file);
    }
}
