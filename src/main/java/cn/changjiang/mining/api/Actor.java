package cn.changjiang.mining.api;

/** Who makes a change, and in which request: written into every change record. */
public record Actor(String name, String requestId) {
}
