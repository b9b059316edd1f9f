package dev.ailab.core.config;

import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Implicit typing of plain scalars by the YAML 1.2 core schema instead of SnakeYAML's YAML 1.1
 * one: only {@code true}/{@code false} are booleans, and there are no timestamps.
 */
final class Yaml12CoreResolver extends Resolver {
    private static final Pattern BOOL12 = Pattern.compile("^(?:true|True|TRUE|false|False|FALSE)$");
    private static final Pattern INT12 = Pattern.compile("^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$");
    private static final Pattern FLOAT12 = Pattern.compile(
            "^(?:[-+]?(?:\\.[0-9]+|[0-9]+(?:\\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$");
    private static final Pattern NULL12 = Pattern.compile("^(?:~|null|Null|NULL|)$");

    @Override
    protected void addImplicitResolvers() {
        addImplicitResolver(Tag.BOOL, BOOL12, "tTfF");
        addImplicitResolver(Tag.INT, INT12, "-+0123456789");
        addImplicitResolver(Tag.FLOAT, FLOAT12, "-+0123456789.");
        addImplicitResolver(Tag.MERGE, MERGE, "<");
        addImplicitResolver(Tag.NULL, NULL12, "~nN\0");
        addImplicitResolver(Tag.NULL, EMPTY, null);
    }
}
