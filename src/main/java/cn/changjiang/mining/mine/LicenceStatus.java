package cn.changjiang.mining.mine;

/** A mine's licence status, as the schema's enum {@code LicenceStatus}. */
public enum LicenceStatus {
    VALID, EXPIRED, REVOKED, NONE
}
