package dev.ailab.core.config;

/** JSON pointers ({@code /clusters/0/name}) into a config document. */
final class JsonPointers {
    private JsonPointers() {
    }

    /** JSON pointer escaping of one key. */
    static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }
}
