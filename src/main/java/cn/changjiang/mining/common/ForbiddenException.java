package cn.changjiang.mining.common;

import org.springframework.graphql.execution.ErrorType;

/** The signed-in user's role or unit does not allow the request: {@code FORBIDDEN}. */
public class ForbiddenException extends ApiException {

    public ForbiddenException(String message) {
        super("FORBIDDEN", ErrorType.FORBIDDEN, null, message);
    }
}
