package dev.ailab.core.error;

/**
 * Base of every error we expect and explain. The CLI prints {@link #getMessage()} and
 * {@link #hint()} (never a stack trace unless asked) and exits with {@link #exitCode()}.
 */
public abstract class ToolkitException extends RuntimeException {
    private final String hint;

    protected ToolkitException(String message, String hint, Throwable cause) {
        super(message, cause);
        this.hint = hint;
    }

    /** What the user can do about it, or null. */
    public String hint() {
        return hint;
    }

    /** One of {@link ExitCodes}. */
    public abstract int exitCode();
}
