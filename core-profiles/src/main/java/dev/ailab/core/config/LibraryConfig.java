package dev.ailab.core.config;

import com.fasterxml.jackson.annotation.JsonInclude;

/** ai-config's shared library: where it is cloned from and where it lives. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class LibraryConfig {
    public String repository;
    public String branch;
    /** Home of ai-config: holds library/ and personal/. Default {@code $XDG_DATA_HOME/ai-config}. */
    public String path;
    /** Folder of personal files and overrides. Default {@code <path>/personal}. */
    public String personal;
    /** Name of the environment variable holding an HTTPS token. */
    public String tokenEnv;
    /** SSH private key used for the clone. */
    public String sshKey;
}
