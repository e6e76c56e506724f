// Idempotency keys are kept for a while, then pruned oldest first (audit/IdempotencyKeyPruning): found by when they
// were created. Housekeeping one instance does for all takes a named lease (graph/ClusterLease): one node per name.
CREATE RANGE INDEX idempotency_key_created IF NOT EXISTS FOR (k:IdempotencyKey) ON (k.createdAt);
CREATE CONSTRAINT cluster_lease_name IF NOT EXISTS FOR (l:ClusterLease) REQUIRE l.name IS UNIQUE;
