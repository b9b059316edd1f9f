package dev.ailab.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.ailab.core.config.ConfigMapper;
import java.io.PrintWriter;

/** Stable JSON on stdout: snake_case keys, indented, one document, newline-terminated. */
public final class JsonOutput {
    private JsonOutput() {
    }

    public static void write(PrintWriter out, Object value) {
        try {
            out.println(ConfigMapper.json().writeValueAsString(value));
            out.flush();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getOriginalMessage(), e);
        }
    }
}
