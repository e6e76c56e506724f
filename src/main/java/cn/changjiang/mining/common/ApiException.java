package cn.changjiang.mining.common;

import org.springframework.graphql.execution.ErrorType;

/**
 * An expected refusal: reaches the client as a GraphQL error with {@code extensions.code} (and the argument at
 * fault, when there is one), never as an internal error.
 */
public abstract class ApiException extends RuntimeException {

    private final String code;
    private final String argument;
    private final ErrorType errorType;

    protected ApiException(String code, ErrorType errorType, String argument, String message) {
        super(message);
        this.code = code;
        this.errorType = errorType;
        this.argument = argument;
    }

    public String code() {
        return code;
    }

    public String argument() {
        return argument;
    }

    public ErrorType errorType() {
        return errorType;
    }
}
