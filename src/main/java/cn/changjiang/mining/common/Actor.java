package cn.changjiang.mining.common;


/**
 * Who makes a request: the name written into change records, the request id (always made by the server, so no two
 * requests share one), the id the client sent for its own tracing ({@code X-Request-Id}; null when none), and the
 * viewer whose role and unit decide what the request may do.
 */
public record Actor(String name, String requestId, String clientRequestId, Viewer viewer) {
}
