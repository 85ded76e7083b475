// Import runs and NRM statistics.
//
// An import writes in many transactions; every node and relationship it creates carries the run's
// id in `__importRun` until the run commits, and an ImportBackup node keeps the values of every
// item it changed, so that a run that never committed (a killed process) can be rolled back
// (README.md#importing-data). These indexes make finding a run's items a seek, not a scan.
CREATE CONSTRAINT import_run_id IF NOT EXISTS FOR (n:ImportRun) REQUIRE n.id IS UNIQUE;
CREATE INDEX import_backup_run IF NOT EXISTS FOR (n:ImportBackup) ON (n.__run);
CREATE INDEX entity_import_run IF NOT EXISTS FOR (n:Entity) ON (n.__importRun);
CREATE INDEX rel_import_run_member_of IF NOT EXISTS FOR ()-[r:MEMBER_OF]-() ON (r.__importRun);
CREATE INDEX rel_import_run_national_of IF NOT EXISTS FOR ()-[r:NATIONAL_OF]-() ON (r.__importRun);
CREATE INDEX rel_import_run_has_identifier IF NOT EXISTS FOR ()-[r:HAS_IDENTIFIER]-() ON (r.__importRun);
CREATE INDEX rel_import_run_resides_at IF NOT EXISTS FOR ()-[r:RESIDES_AT]-() ON (r.__importRun);
CREATE INDEX rel_import_run_located_at IF NOT EXISTS FOR ()-[r:LOCATED_AT]-() ON (r.__importRun);
CREATE INDEX rel_import_run_part_of IF NOT EXISTS FOR ()-[r:PART_OF]-() ON (r.__importRun);
CREATE INDEX rel_import_run_controls IF NOT EXISTS FOR ()-[r:CONTROLS]-() ON (r.__importRun);
CREATE INDEX rel_import_run_works_at IF NOT EXISTS FOR ()-[r:WORKS_AT]-() ON (r.__importRun);
CREATE INDEX rel_import_run_associate_of IF NOT EXISTS FOR ()-[r:ASSOCIATE_OF]-() ON (r.__importRun);
CREATE INDEX rel_import_run_operates_route IF NOT EXISTS FOR ()-[r:OPERATES_ROUTE]-() ON (r.__importRun);
CREATE INDEX rel_import_run_travelled IF NOT EXISTS FOR ()-[r:TRAVELLED]-() ON (r.__importRun);
CREATE INDEX rel_import_run_has_stop IF NOT EXISTS FOR ()-[r:HAS_STOP]-() ON (r.__importRun);
CREATE INDEX rel_import_run_targets IF NOT EXISTS FOR ()-[r:TARGETS]-() ON (r.__importRun);
CREATE INDEX rel_import_run_led_by IF NOT EXISTS FOR ()-[r:LED_BY]-() ON (r.__importRun);
CREATE INDEX rel_import_run_in_area IF NOT EXISTS FOR ()-[r:IN_AREA]-() ON (r.__importRun);
CREATE INDEX rel_import_run_perpetrated IF NOT EXISTS FOR ()-[r:PERPETRATED]-() ON (r.__importRun);
CREATE INDEX rel_import_run_exploited IF NOT EXISTS FOR ()-[r:EXPLOITED]-() ON (r.__importRun);
CREATE INDEX rel_import_run_occurred_at IF NOT EXISTS FOR ()-[r:OCCURRED_AT]-() ON (r.__importRun);
CREATE INDEX rel_import_run_of_type IF NOT EXISTS FOR ()-[r:OF_TYPE]-() ON (r.__importRun);
CREATE INDEX rel_import_run_subtype_of IF NOT EXISTS FOR ()-[r:SUBTYPE_OF]-() ON (r.__importRun);
CREATE INDEX rel_import_run_used_control IF NOT EXISTS FOR ()-[r:USED_CONTROL]-() ON (r.__importRun);
CREATE INDEX rel_import_run_used_recruitment IF NOT EXISTS FOR ()-[r:USED_RECRUITMENT]-() ON (r.__importRun);
CREATE INDEX rel_import_run_transferred_to IF NOT EXISTS FOR ()-[r:TRANSFERRED_TO]-() ON (r.__importRun);
CREATE INDEX rel_import_run_referral_of IF NOT EXISTS FOR ()-[r:REFERRAL_OF]-() ON (r.__importRun);
CREATE INDEX rel_import_run_referred_by IF NOT EXISTS FOR ()-[r:REFERRED_BY]-() ON (r.__importRun);
CREATE INDEX rel_import_run_issued_by IF NOT EXISTS FOR ()-[r:ISSUED_BY]-() ON (r.__importRun);
CREATE INDEX rel_import_run_referred_by_force IF NOT EXISTS FOR ()-[r:REFERRED_BY_FORCE]-() ON (r.__importRun);

// NRM statistics: cells of the Home Office quarterly tables (src/domain/nrm-statistic.ts).
CREATE CONSTRAINT nrm_statistic_id IF NOT EXISTS FOR (n:NRMStatistic) REQUIRE n.id IS UNIQUE;
CREATE INDEX nrm_statistic_period IF NOT EXISTS FOR (n:NRMStatistic) ON (n.period);
CREATE INDEX nrm_statistic_force IF NOT EXISTS FOR (n:NRMStatistic) ON (n.forceCode);
