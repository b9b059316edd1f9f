package dev.ailab.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** {@code --version}: toolkit version, git commit, Java version. */
public class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        Properties p = buildInfo();
        return new String[] {
            "${ROOT-COMMAND-NAME} " + p.getProperty("version", "unknown"),
            "commit " + p.getProperty("commit", "unknown"),
            "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")"
        };
    }

    public static Properties buildInfo() {
        Properties p = new Properties();
        try (InputStream in = VersionProvider.class.getResourceAsStream("/dev/ailab/cli/build-info.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException ignored) {
            // unknown version is shown
        }
        return p;
    }
}
