package cn.changjiang.mining.common;

import org.springframework.graphql.execution.ErrorType;

/** A request the API refuses because of what the client sent: {@code BAD_REQUEST}. */
public class InvalidInputException extends ApiException {

    public InvalidInputException(String argument, String message) {
        super(ErrorCodes.BAD_REQUEST, ErrorType.BAD_REQUEST, argument, message);
    }
}
