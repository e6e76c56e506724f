package cn.changjiang.mining.common;

import org.springframework.graphql.execution.ErrorType;

/**
 * The current state forbids the request: a stale version, closing twice, a second open action, the same
 * idempotency key with other input: {@code CONFLICT}.
 */
public class ConflictException extends ApiException {

    public ConflictException(String message) {
        super(ErrorCodes.CONFLICT, ErrorType.BAD_REQUEST, null, message);
    }

    public ConflictException(String code, String argument, String message) {
        super(code, ErrorType.BAD_REQUEST, argument, message);
    }
}
