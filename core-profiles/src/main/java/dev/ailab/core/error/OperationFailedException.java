package dev.ailab.core.error;

/** The operation failed for a reason the user can fix (exit 1). */
public class OperationFailedException extends ToolkitException {
    public OperationFailedException(String message) {
        this(message, null, null);
    }

    public OperationFailedException(String message, String hint) {
        this(message, hint, null);
    }

    public OperationFailedException(String message, String hint, Throwable cause) {
        super(message, hint, cause);
    }

    @Override
    public int exitCode() {
        return ExitCodes.FAILED;
    }
}
