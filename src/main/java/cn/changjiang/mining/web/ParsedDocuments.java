package cn.changjiang.mining.web;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;
import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;

/**
 * Documents parsed and validated once, by their text: a client sends the same few documents with other variables,
 * and parsing and validating them again took a tenth of a chain's CPU time (docs/benchmark.md). Only documents that
 * validated are kept (a failing one is checked again each time, its errors in the request's locale); a kept one has
 * passed every check that runs while a document is validated ({@code AbuseLimits}: aliases) with the same limits, and
 * the checks that depend on the variables (depth, complexity) or on the request (length, trusted documents) still
 * run for every request. Bounded: a stream of distinct documents costs what it cost without the cache.
 */
final class ParsedDocuments implements PreparsedDocumentProvider {

    /** The kind and name of each operation in a document. */
    record Operation(String name, OperationDefinition.Operation kind) {
    }

    private final Cache<String, PreparsedDocumentEntry> validated;
    private final Cache<String, List<Operation>> operations;

    ParsedDocuments(int maxDocuments) {
        this.validated = Caffeine.newBuilder().maximumSize(maxDocuments).build();
        this.operations = Caffeine.newBuilder().maximumSize(maxDocuments).build();
    }

    @Override
    public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(ExecutionInput input,
                                                                      Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
        String query = input.getQuery();
        PreparsedDocumentEntry entry = validated.getIfPresent(query);
        if (entry == null) {
            entry = parseAndValidate.apply(input);
            if (!entry.hasErrors()) {
                validated.put(query, entry);
            }
        }
        return CompletableFuture.completedFuture(entry);
    }

    /**
     * The operations of a document, for the HTTP layer's checks before it runs (a mutation by GET, a subscription
     * over HTTP); empty for a document that does not parse, which is left to the engine.
     */
    List<Operation> operations(String query) {
        if (query == null) {
            return List.of();
        }
        return operations.get(query, text -> {
            Document document;
            try {
                document = Parser.parse(text);
            } catch (InvalidSyntaxException e) {
                return List.of();
            }
            return document.getDefinitionsOfType(OperationDefinition.class).stream()
                    .map(operation -> new Operation(operation.getName(), operation.getOperation())).toList();
        });
    }
}
