package cn.changjiang.mining.ledger;

import cn.changjiang.mining.common.ConflictException;

/** A status change the 销号 workflow does not allow from where the problem stands: {@code ILLEGAL_TRANSITION}. */
class IllegalTransitionException extends ConflictException {

    IllegalTransitionException(String message) {
        super("ILLEGAL_TRANSITION", "input.to", message);
    }
}
