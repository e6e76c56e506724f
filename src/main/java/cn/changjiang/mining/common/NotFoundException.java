package cn.changjiang.mining.common;

import org.springframework.graphql.execution.ErrorType;

/** The client named something that does not exist: {@code NOT_FOUND}. */
public class NotFoundException extends ApiException {

    public NotFoundException(String argument, String message) {
        super(ErrorCodes.NOT_FOUND, ErrorType.NOT_FOUND, argument, message);
    }
}
