// The sign-in throttle's token buckets (security/SignInBuckets), shared by all instances: one node per key, found by
// it; touchedAt (set on every change) finds the buckets left untouched longer than their refill period.
CREATE CONSTRAINT sign_in_bucket_key IF NOT EXISTS FOR (b:SignInBucket) REQUIRE b.key IS UNIQUE;
CREATE RANGE INDEX sign_in_bucket_touched IF NOT EXISTS FOR (b:SignInBucket) ON (b.touchedAt);
