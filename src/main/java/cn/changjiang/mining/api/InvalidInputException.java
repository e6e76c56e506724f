package cn.changjiang.mining.api;

/** A request the API refuses because of what the client sent; reaches the client as {@code BAD_USER_INPUT}. */
public class InvalidInputException extends RuntimeException {

    private final String argument;

    public InvalidInputException(String argument, String message) {
        super(message);
        this.argument = argument;
    }

    public String argument() {
        return argument;
    }
}
