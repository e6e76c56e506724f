package cn.changjiang.mining.web;

import java.util.Map;

import graphql.execution.AbortExecutionException;

/** A document refused before it runs (too deep, too complex, too many aliases, not trusted), with its code. */
public class RefusedDocument extends AbortExecutionException {

    private final String code;

    public RefusedDocument(String code, String message) {
        super(message);
        this.code = code;
    }

    @Override
    public Map<String, Object> getExtensions() {
        return Map.of("code", code);
    }
}
