package dev.ailab.hub;

import java.util.Objects;

/** Where the store is: a JDBC URL (SQLite file or PostgreSQL) and, for a server, who logs in. */
public record StoreSettings(String url, String user, String password) {
    public StoreSettings {
        Objects.requireNonNull(url, "url");
    }

    public static StoreSettings of(String url) {
        return new StoreSettings(url, null, null);
    }

    @Override
    public String toString() {
        return "StoreSettings[url=" + url + ", user=" + user + "]"; // never the password
    }
}
