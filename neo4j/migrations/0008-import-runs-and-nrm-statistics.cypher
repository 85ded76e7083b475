// Import runs and NRM statistics.
//
// An import writes in many transactions; every node and relationship it creates keeps the run's
// id in `__importRun`, and until the run commits an ImportBackup node keeps the values of every
// item it changed (and the id of every relationship it created between nodes that were there
// before), so that a run that never committed (a killed process) can be rolled back
// (README.md#importing-data). These indexes make finding a run's items a seek, not a scan.
CREATE CONSTRAINT import_run_id IF NOT EXISTS FOR (n:ImportRun) REQUIRE n.id IS UNIQUE;
CREATE INDEX import_backup_run IF NOT EXISTS FOR (n:ImportBackup) ON (n.__run);
CREATE INDEX entity_import_run IF NOT EXISTS FOR (n:Entity) ON (n.__importRun);

// NRM statistics: cells of the Home Office quarterly tables (src/domain/nrm-statistic.ts).
CREATE CONSTRAINT nrm_statistic_id IF NOT EXISTS FOR (n:NRMStatistic) REQUIRE n.id IS UNIQUE;
CREATE INDEX nrm_statistic_period IF NOT EXISTS FOR (n:NRMStatistic) ON (n.period);
CREATE INDEX nrm_statistic_force IF NOT EXISTS FOR (n:NRMStatistic) ON (n.forceCode);
