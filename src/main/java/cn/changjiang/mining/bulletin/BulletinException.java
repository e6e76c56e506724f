package cn.changjiang.mining.bulletin;

import org.springframework.http.HttpStatus;

/** A bulletin that cannot be made, with the HTTP status and the code its answer carries. */
class BulletinException extends RuntimeException {

    /** No CJK font to embed in the PDF at {@code accountability.bulletin.font}. */
    static final String FONT_MISSING = "BULLETIN_FONT_MISSING";
    /** The PDF could not be laid out or written. */
    static final String RENDERING_FAILED = "BULLETIN_RENDERING_FAILED";

    private final HttpStatus status;
    private final String code;

    BulletinException(HttpStatus status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    BulletinException(HttpStatus status, String code, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.code = code;
    }

    HttpStatus status() {
        return status;
    }

    String code() {
        return code;
    }
}
