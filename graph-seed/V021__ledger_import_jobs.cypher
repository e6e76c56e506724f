// Ledger import jobs (ledger/LedgerImportJobs): one node per import, read and resumed by its id.
CREATE CONSTRAINT ledger_import_job_id IF NOT EXISTS FOR (j:LedgerImportJob) REQUIRE j.id IS UNIQUE;
