package dev.ailab.integrations.github;

import dev.ailab.core.error.ExternalSystemException;
import dev.ailab.core.error.InvalidInputException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.List;
import org.kohsuke.github.GHCreateRepositoryBuilder;
import org.kohsuke.github.GHFileNotFoundException;
import org.kohsuke.github.GHRepository;
import org.kohsuke.github.HttpException;

/**
 * The GitOps repository on GitHub: found when it exists, else created under the owner (the
 * token's user through {@code POST /user/repos}, an organisation through
 * {@code POST /orgs/{org}/repos}), empty, with the description and topics. An existing
 * repository's settings are left as they are: whether its history fits is the push's question.
 */
public final class GithubRepositories {
    private final GithubClient client;

    public GithubRepositories(GithubClient client) {
        this.client = client;
    }

    /** What to have: {@code owner/name}, private or public, the description and topics to create it with. */
    public record Target(String owner, String name, boolean privateRepository, String description, List<String> topics) {
        public String fullName() {
            return owner + "/" + name;
        }
    }

    /** {@code created}, {@code exists}, or with a dry run {@code would-create}; the settings GitHub holds. */
    public record Outcome(String repository, String action, boolean privateRepository, String ownerKind, String htmlUrl) {
    }

    /** Exit 3 naming the variable and the scope when a classic token cannot create or push this repository. */
    public void requireScope(boolean privateRepository) {
        List<String> scopes = client.scopes();
        if (scopes == null || scopes.contains("repo") || !privateRepository && scopes.contains("public_repo")) {
            return;
        }
        String needed = privateRepository ? "'repo'" : "'repo' or 'public_repo'";
        throw new ExternalSystemException("the token in " + client.settings().tokenEnv() + " lacks the " + needed
                + " scope (it has: " + (scopes.isEmpty() ? "none" : String.join(", ", scopes)) + ")",
                "make a token with the " + needed + " scope and export it as " + client.settings().tokenEnv());
    }

    /** The repository when it exists, else creates it (not with {@code dryRun}). */
    public Outcome ensure(Target target, boolean dryRun) {
        requireScope(target.privateRepository());
        GHRepository existing = find(target.fullName());
        String login = client.myself().getLogin();
        boolean user = login.equalsIgnoreCase(target.owner());
        if (existing != null) {
            return new Outcome(target.fullName(), "exists", existing.isPrivate(), user ? "user" : "organization",
                    String.valueOf(existing.getHtmlUrl()));
        }
        try {
            GHCreateRepositoryBuilder builder;
            if (user) {
                builder = client.api.createRepository(target.name());
            } else {
                try {
                    builder = client.api.getOrganization(target.owner()).createRepository(target.name());
                } catch (GHFileNotFoundException e) {
                    throw new InvalidInputException("github.owner '" + target.owner() + "' is neither the token's user ("
                            + login + ") nor an organisation it can see",
                            "set github.owner to " + login + " or to an organisation the token's user belongs to");
                }
            }
            if (dryRun) {
                return new Outcome(target.fullName(), "would-create", target.privateRepository(),
                        user ? "user" : "organization", null);
            }
            builder.private_(target.privateRepository());
            if (target.description() != null) {
                builder.description(target.description());
            }
            builder.autoInit(false); // empty: the first push is ours
            GHRepository created;
            try {
                created = builder.create();
            } catch (HttpException e) {
                if (e.getResponseCode() != 422) {
                    throw e;
                }
                created = find(target.fullName()); // made meanwhile by someone else: reuse it like any existing one
                if (created == null) {
                    throw e;
                }
                return new Outcome(target.fullName(), "exists", created.isPrivate(), user ? "user" : "organization",
                        String.valueOf(created.getHtmlUrl()));
            }
            if (target.topics() != null && !target.topics().isEmpty()) {
                created.setTopics(target.topics());
            }
            return new Outcome(target.fullName(), "created", created.isPrivate(), user ? "user" : "organization",
                    String.valueOf(created.getHtmlUrl()));
        } catch (IOException e) {
            throw client.failure(e, "cannot create " + target.fullName() + " on " + client.settings().apiUrl());
        }
    }

    private GHRepository find(String fullName) {
        try {
            return client.api.getRepository(fullName);
        } catch (FileNotFoundException e) {
            return null;
        } catch (IOException e) {
            throw client.failure(e, "cannot read " + fullName + " from " + client.settings().apiUrl());
        }
    }
}
