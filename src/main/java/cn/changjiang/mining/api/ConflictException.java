package cn.changjiang.mining.api;

/** A request that the current state forbids (closing twice, a second open action); reaches the client as {@code CONFLICT}. */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
