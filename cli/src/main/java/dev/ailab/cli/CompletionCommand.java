package dev.ailab.cli;

import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Prints a shell completion script generated from the command model. */
@Command(name = "completion", mixinStandardHelpOptions = true,
        description = "Print a completion script for bash or zsh.",
        footerHeading = "%nExamples:%n",
        footer = {"  source <(${ROOT-COMMAND-NAME} completion bash)",
                  "  ${ROOT-COMMAND-NAME} completion zsh > ~/.zfunc/_${ROOT-COMMAND-NAME}",
                  "%nFor zsh, put fpath+=~/.zfunc before compinit in ~/.zshrc."})
public class CompletionCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SHELL", description = "bash or zsh", defaultValue = "bash")
    Shell shell;

    enum Shell { bash, zsh }

    @Override
    public void run() {
        String name = spec.root().name();
        String script = AutoComplete.bash(name, spec.root().commandLine());
        if (shell == Shell.zsh) {
            // picocli's script runs under zsh through bashcompinit.
            script = "autoload -U +X compinit && compinit\nautoload -U +X bashcompinit && bashcompinit\n" + script;
        }
        spec.commandLine().getOut().print(script);
        spec.commandLine().getOut().flush();
    }
}
