// Reads as of a past moment (web/AsOfReads, audit/PastLedger) find the changes recorded since by their time.
CREATE INDEX change_at IF NOT EXISTS FOR (c:Change) ON (c.at);
