package cn.changjiang.mining.api;

import cn.changjiang.mining.security.Viewer;

/**
 * Who makes a request: the name written into change records, the request id, and the viewer whose role and unit
 * decide what the request may do.
 */
public record Actor(String name, String requestId, Viewer viewer) {
}
