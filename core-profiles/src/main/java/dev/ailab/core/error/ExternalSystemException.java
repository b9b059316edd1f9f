package dev.ailab.core.error;

/** An external system failed: git remote, GitHub, podman, database (exit 3). */
public class ExternalSystemException extends ToolkitException {
    public ExternalSystemException(String message) {
        this(message, null, null);
    }

    public ExternalSystemException(String message, String hint) {
        this(message, hint, null);
    }

    public ExternalSystemException(String message, String hint, Throwable cause) {
        super(message, hint, cause);
    }

    @Override
    public int exitCode() {
        return ExitCodes.EXTERNAL;
    }
}
