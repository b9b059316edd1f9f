package dev.ailab.core.error;

/** Bad usage or invalid input: a file, a value, an argument (exit 2). */
public class InvalidInputException extends ToolkitException {
    public InvalidInputException(String message) {
        this(message, null, null);
    }

    public InvalidInputException(String message, String hint) {
        this(message, hint, null);
    }

    public InvalidInputException(String message, String hint, Throwable cause) {
        super(message, hint, cause);
    }

    @Override
    public int exitCode() {
        return ExitCodes.USAGE;
    }
}
