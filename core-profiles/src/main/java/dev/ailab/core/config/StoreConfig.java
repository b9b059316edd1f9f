package dev.ailab.core.config;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The work-item store: a JDBC URL, SQLite by default, PostgreSQL for a team. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class StoreConfig {
    public String url;
    public String user;
    /** Name of the environment variable holding the database password (never the password). */
    public String passwordEnv;
}
