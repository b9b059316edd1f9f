package dev.ailab.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Keeps {@link Migrations#KNOWN} equal to the migration files, for every database kind. */
class MigrationsTest {
    private static final Pattern VERSIONED = Pattern.compile("V([0-9._]+)__.*\\.sql");

    @Test
    void knownVersionsMatchTheFilesOfEveryVendor() throws IOException, URISyntaxException {
        for (StoreFactory.Vendor vendor : StoreFactory.Vendor.values()) {
            Path folder = Path.of(getClass().getResource("/db/migration/" + vendor.folder()).toURI());
            List<String> versions;
            try (Stream<Path> files = Files.list(folder)) {
                versions = files.map(p -> VERSIONED.matcher(p.getFileName().toString()))
                        .filter(Matcher::matches).map(m -> m.group(1).replace('_', '.'))
                        .sorted(Migrations::compare).toList();
            }
            assertThat(versions).as(vendor.folder()).containsExactlyElementsOf(Migrations.KNOWN);
        }
    }

    @Test
    void versionsCompareNumerically() {
        assertThat(Migrations.compare("10", "9")).isPositive();
        assertThat(Migrations.compare("1.1", "1.10")).isNegative();
        assertThat(Migrations.compare("2", "2.0")).isZero();
    }
}
