package dev.ailab.cli;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The module arrows of docs/architecture.md as rules over the compiled main classes of every
 * module (the cli test class path holds them all). A wrong import fails here, naming the class.
 */
class ModuleBoundaryTest {

    /** Each module's packages, and the modules of ours it may use (besides itself). */
    private static final Map<String, List<String>> MAY_USE = Map.of(
            "core", List.of(),
            "hub", List.of("core"),
            "sources", List.of("core"),
            "deployment", List.of("core"),
            "generators", List.of("core", "deployment", "sources"),
            "integrations", List.of("core", "sources", "hub"),
            "cli", List.of("core", "hub", "sources", "deployment", "generators", "integrations"));

    /** The only classes that touch the process's streams and environment; everything else gets them passed in. */
    private static final String[] ENTRY_POINTS = {
        "dev.ailab.cli.CommandLineFactory", "dev.ailab.cli.RunContext",
        "dev.ailab.cli.LoggingSetup", "dev.ailab.cli.CdsTraining"};

    private static JavaClasses main;

    @BeforeAll
    static void importMainClasses() {
        main = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ModuleBoundaryTest::notATestJar)
                .importPackages("dev.ailab");
    }

    private static boolean notATestJar(Location location) {
        return !location.contains("-tests.jar") && !location.contains("/test-classes/");
    }

    @Test
    void everyModuleIsImported() {
        for (String module : MAY_USE.keySet()) {
            if (module.equals("integrations")) continue; // no classes yet
            assertThat(main.stream().anyMatch(c -> c.getPackageName().startsWith("dev.ailab." + module)))
                    .as("classes of module %s on the class path", module).isTrue();
        }
    }

    @Test
    void modulesPointOneWay() {
        for (var entry : MAY_USE.entrySet()) {
            String module = entry.getKey();
            for (String other : MAY_USE.keySet()) {
                if (other.equals(module) || entry.getValue().contains(other)) continue;
                ArchRule rule = noClasses().that().resideInAPackage("dev.ailab." + module + "..")
                        .should().dependOnClassesThat().resideInAPackage("dev.ailab." + other + "..")
                        .because(module + " may use only " + entry.getValue())
                        .allowEmptyShould(true);
                rule.check(main);
            }
        }
    }

    @Test
    void onlyCliKnowsPicocli() {
        noClasses().that().resideOutsideOfPackage("dev.ailab.cli..")
                .should().dependOnClassesThat().resideInAPackage("picocli..")
                .because("domain code knows nothing of the command line")
                .check(main);
    }

    @Test
    void onlyHubTalksToDatabases() {
        noClasses().that().resideOutsideOfPackage("dev.ailab.hub..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.hibernate..", "org.flywaydb..", "org.sqlite..", "org.postgresql..",
                        "jakarta.persistence..", "java.sql..", "javax.sql..")
                .because("the store and everything that needs a database lives in hub")
                .check(main);
    }

    @Test
    void processStreamsAndEnvironmentOnlyAtTheEntryPoints() {
        DescribedPredicate<JavaClass> entryPoint = DescribedPredicate.describe("an entry point",
                c -> List.of(ENTRY_POINTS).contains(c.getName().replaceFirst("\\$.*", "")));
        noClasses().that(DescribedPredicate.not(entryPoint))
                .should().accessField(System.class, "out")
                .orShould().accessField(System.class, "err")
                .orShould().callMethod(System.class, "getenv")
                .orShould().callMethod(System.class, "getenv", String.class)
                .because("commands write to their CommandLine's writers and read the run's environment")
                .check(main);
    }
}
