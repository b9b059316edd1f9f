package dev.ailab.hub;

import java.sql.Connection;
import java.sql.SQLException;

/** A piece of plain JDBC work on one connection. */
@FunctionalInterface
public interface SqlWork<T> {
    T run(Connection connection) throws SQLException;
}
