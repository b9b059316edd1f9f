package dev.ailab.hub;

/**
 * The store suite on PostgreSQL, one fresh schema per test (dropped after), when
 * AI_LAB_TEST_PG_URL is set; required (fails instead of skipping) when CI_REQUIRE names postgres.
 */
class PostgresStoreTest extends StoreContract {
    @Override
    protected StoreSettings settings() {
        return TestDatabases.postgres();
    }

    @Override
    protected void cleanUp(StoreSettings settings) {
        TestDatabases.dropSchema(settings);
    }
}
