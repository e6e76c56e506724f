package cn.changjiang.mining.common;

import org.springframework.graphql.execution.ErrorType;

/** Nobody is signed in and the request needs someone: {@code UNAUTHENTICATED}. */
public class UnauthenticatedException extends ApiException {

    public UnauthenticatedException(String message) {
        super("UNAUTHENTICATED", ErrorType.UNAUTHORIZED, null, message);
    }
}
