package dev.ailab.core.config;

import dev.ailab.core.error.InvalidInputException;
import java.util.List;
import java.util.stream.Collectors;

/** A config that cannot be used: carries every problem found, each with its location (exit 2). */
public class ConfigException extends InvalidInputException {
    private final List<ConfigProblem> problems;

    public ConfigException(List<ConfigProblem> problems) {
        super(problems.stream().map(ConfigProblem::format).collect(Collectors.joining("\n")),
                problems.size() > 1 ? problems.size() + " problems found; fix them and run again" : null);
        this.problems = List.copyOf(problems);
    }

    public List<ConfigProblem> problems() {
        return problems;
    }
}
