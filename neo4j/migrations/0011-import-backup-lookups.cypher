// Finding an item's backup in a running import (an ImportBackup by run and item, which the write
// statements MERGE and the rollback reads) was a seek on the run followed by a scan of all its
// backups: quadratic in a run's updates. These make it a seek on both.
CREATE INDEX import_backup_run_of IF NOT EXISTS FOR (n:ImportBackup) ON (n.__run, n.__of);
CREATE INDEX import_backup_run_rel IF NOT EXISTS FOR (n:ImportBackup) ON (n.__run, n.__relId);
