package cn.changjiang.mining.api;

/** The client named something that does not exist; reaches the client as {@code NOT_FOUND}. */
public class NotFoundException extends InvalidInputException {

    public NotFoundException(String argument, String message) {
        super(argument, message);
    }
}
