package dev.ailab.cli.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No hub command boots Hibernate: a fresh JVM runs every one of them (work, idea, session,
 * project, db) and its class-loading log must not name a Hibernate or JPA class. Hibernate's
 * boot costs about a second per run; plain JDBC keeps each command as quick as {@code work list}.
 */
class HubCommandsWithoutHibernateTest {
    private static final Pattern ORM_CLASS = Pattern.compile("\\] (org\\.hibernate\\.|jakarta\\.persistence\\.)");

    @TempDir
    Path home;

    @Test
    void everyHubCommandRunsWithoutLoadingHibernate() throws Exception {
        Path classLog = home.resolve("classes.log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Xlog:class+load=info:file=" + classLog, "-cp", System.getProperty("java.class.path"),
                ShortCommandsRun.class.getName(), home.toString())
                .directory(home.toFile()).redirectErrorStream(true).redirectOutput(home.resolve("run.log").toFile()).start();
        assertThat(p.waitFor(180, TimeUnit.SECONDS)).as("the commands finished in time").isTrue();
        assertThat(p.exitValue()).as(Files.readString(home.resolve("run.log"))).isZero();
        List<String> loaded = Files.readAllLines(classLog);
        assertThat(loaded).as("class-loading log").anyMatch(l -> l.contains("dev.ailab.hub.Projects "));
        assertThat(loaded.stream().filter(l -> ORM_CLASS.matcher(l).find()).limit(5).toList())
                .as("Hibernate or JPA classes loaded by the hub commands").isEmpty();
    }
}
