package dev.ailab.cli.ailab;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.ailab.cli.CliHarness;
import dev.ailab.cli.ailab.GeneratedProjectsBuildTest.Run;
import dev.ailab.core.testing.RequiredTool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fresh monorepo with a java and a python service added works with the real tools: make
 * build and make test (Maven, pytest), the Compose Specification's schema, podman-compose and
 * kubectl kustomize. One monorepo for all checks: making it and building it is the slow part.
 */
class ServiceRealChecksTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @TempDir
    static Path home;
    static Path root;

    @BeforeAll
    static void monorepoWithTwoServices() {
        CliHarness lab = CliHarness.aiLab(home);
        assertThat(lab.run("create-project", "platform", "--template", "monorepo", "--profile", "advanced", "--defaults")
                .exitCode()).isZero();
        root = home.resolve("platform");
        CliHarness.Result java = lab.run("service", "add", "billing", "--template", "java", root.toString());
        assertThat(java.exitCode()).as(java.toString()).isZero();
        CliHarness.Result python = lab.run("service", "add", "auth", "--template", "python", root.toString());
        assertThat(python.exitCode()).as(python.toString()).isZero();
    }

    @Test
    void makeBuildAndMakeTestPassAtTheRootWithRealMavenAndPytest() throws Exception {
        GeneratedProjectsBuildTest.needPytest();
        Path make = RequiredTool.onPath("make");
        String mvn = "MVN=" + GeneratedProjectsBuildTest.mvnw() + " -o";
        Run build = GeneratedProjectsBuildTest.exec(root, 300, make.toString(), "build", mvn);
        assertThat(build.exit()).as(build.output()).isZero();
        assertThat(build.output()).contains("build: 2 services");
        assertThat(root.resolve("services/billing/target/classes")).isDirectory();
        Run test = GeneratedProjectsBuildTest.exec(root, 300, make.toString(), "test", mvn);
        assertThat(test.exit()).as(test.output()).isZero();
        assertThat(test.output()).contains("test: 2 services").contains("2 passed");
        assertThat(root.resolve("services/billing/target/surefire-reports")).isDirectory();
        Run one = GeneratedProjectsBuildTest.exec(root, 120, make.toString(), "test-auth");
        assertThat(one.exit()).as(one.output()).isZero();
    }

    @Test
    void composeFileIsValidAgainstTheComposeSpecificationSchema() throws Exception {
        // Loaded by location: the schema's relative $id resolves against it.
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7)
                .getSchema(SchemaLocation.of("classpath:compose-spec/compose-spec.json"));
        JsonNode compose = YAML.readTree(root.resolve("compose.yaml").toFile());
        assertThat(schema.validate(compose)).isEmpty();
        assertThat(compose.at("/services/billing/ports/0").asText()).isEqualTo("8080:8080");
        assertThat(compose.at("/services/auth/build").asText()).isEqualTo("./services/auth");
        // The schema is strict enough to notice a wrong key in a service block.
        ((com.fasterxml.jackson.databind.node.ObjectNode) compose.at("/services/auth")).put("prots", "1");
        Set<ValidationMessage> wrong = schema.validate(compose);
        assertThat(wrong).isNotEmpty();
    }

    @Test
    void podmanComposeAcceptsTheComposeFile() throws Exception {
        Path podmanCompose = RequiredTool.onPath("podman-compose");
        Run run = GeneratedProjectsBuildTest.exec(root, 120, podmanCompose.toString(), "--dry-run", "-f", "compose.yaml", "up", "-d");
        assertThat(run.exit()).as(run.output()).isZero();
        assertThat(run.output()).contains("--name=platform_billing_1").contains("-p 8080:8080")
                .contains("--name=platform_auth_1").contains("-p 8081:8081");
    }

    @Test
    void kubectlKustomizeRendersEveryServicesDeploymentAndService() throws Exception {
        Path kubectl = RequiredTool.onPath("kubectl");
        Run run = GeneratedProjectsBuildTest.exec(root, 120, kubectl.toString(), "kustomize", "infrastructure/kubernetes");
        assertThat(run.exit()).as(run.output()).isZero();
        var docs = YAML.readerFor(JsonNode.class).readValues(run.output()).readAll();
        assertThat(docs.stream().map(d -> ((JsonNode) d).at("/kind").asText() + "/" + ((JsonNode) d).at("/metadata/name").asText()))
                .containsExactlyInAnyOrder("Namespace/platform", "Service/auth", "Service/billing", "Deployment/auth",
                        "Deployment/billing");
        assertThat(docs.stream().filter(d -> ((JsonNode) d).at("/kind").asText().equals("Deployment"))
                .map(d -> ((JsonNode) d).at("/metadata/namespace").asText())).containsOnly("platform");
        assertThat(Files.readString(root.resolve("infrastructure/kubernetes/auth.yaml"))).contains("containerPort: 8081");
    }
    @Test
    void ciWorkflowFeedsTheChangedServicesToAMatrixWithEachServicesToolchain() throws Exception {
        JsonNode ci = YAML.readTree(root.resolve(".github/workflows/ci.yml").toFile());
        assertThat(ci.at("/jobs/changes/steps/1/run").asText()).contains("scripts/ci/changed-services.sh --json");
        assertThat(ci.at("/jobs/service/strategy/matrix/service").asText())
                .isEqualTo("${{ fromJSON(needs.changes.outputs.services) }}");
        JsonNode steps = ci.at("/jobs/service/steps");
        assertThat(steps.findValuesAsText("if")).containsExactly("matrix.service == 'billing'", "matrix.service == 'auth'");
        assertThat(steps.findValuesAsText("uses")).contains("actions/setup-java@v4", "actions/setup-python@v5");
        assertThat(steps.get(steps.size() - 1).get("run").asText()).isEqualTo("make -C \"services/${{ matrix.service }}\" test");
    }
}
