package cn.changjiang.mining.backup;

/** A backup that cannot be written or restored as asked: a damaged file, a non-empty target, an unknown type. */
class BackupException extends RuntimeException {

    BackupException(String message) {
        super(message);
    }
}
