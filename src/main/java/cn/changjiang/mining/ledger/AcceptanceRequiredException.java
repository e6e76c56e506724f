package cn.changjiang.mining.ledger;

import cn.changjiang.mining.common.ConflictException;

/** 销号 without an acceptance record (who, when, on what evidence): {@code ACCEPTANCE_REQUIRED}. */
class AcceptanceRequiredException extends ConflictException {

    AcceptanceRequiredException() {
        super("ACCEPTANCE_REQUIRED", "input.acceptance",
                "销号 needs an acceptance record: who accepted, when, and on what evidence");
    }
}
