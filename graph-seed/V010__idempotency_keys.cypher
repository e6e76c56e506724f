// Idempotency keys of creating mutations: one node per (caller, key), unique, so a retried request finds the first
// result instead of creating a second one, even when both attempts run at once.
CREATE CONSTRAINT idempotency_key_id IF NOT EXISTS FOR (k:IdempotencyKey) REQUIRE k.id IS UNIQUE;
