// Test only: a migration after the app's own. CREATE, not MERGE: applied twice, it would leave two probes.
CREATE (:MigrationProbe {createdAt: datetime()});
