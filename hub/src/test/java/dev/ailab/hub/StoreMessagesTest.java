package dev.ailab.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** SQLite's errors in plain words: no result codes such as [SQLITE_NOTADB] reach a user. */
class StoreMessagesTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "[SQLITE_NOTADB] File opened that is not a database file (file is not a database)|the file is not an SQLite database",
        "[SQLITE_CORRUPT] The database disk image is malformed (database disk image is malformed)|SQLite found damaged pages in it",
        "[SQLITE_BUSY] The database file is locked (database is locked)|another process holds a lock on it",
        "[SQLITE_READONLY_DBMOVED] Attempt to write a readonly database (x)|it is read-only (the file, its folder or the file system)",
        "[SQLITE_ERROR] SQL error or missing database (no such table: work_items)|no such table: work_items",
        "Connection to db:5432 refused.|Connection to db:5432 refused.",
    })
    void sqliteCodesBecomeWords(String driver, String plain) {
        assertThat(StoreFactory.plainMessage(new SQLException(driver))).isEqualTo(plain);
    }
}
