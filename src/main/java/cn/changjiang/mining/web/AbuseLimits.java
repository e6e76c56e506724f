package cn.changjiang.mining.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import graphql.analysis.FieldComplexityCalculator;
import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.execution.AbortExecutionException;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.execution.instrumentation.parameters.InstrumentationValidationParameters;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.NodeVisitorStub;
import graphql.language.NodeTraverser;
import graphql.schema.GraphQLAppliedDirective;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;
import graphql.validation.ValidationError;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Limits that keep one request from knocking the service over, each refusing fast with a code: request size
 * ({@code REQUEST_TOO_LARGE}, {@link RequestSizeLimit}, on every endpoint), document length ({@code DOCUMENT_TOO_LARGE}), aliases ({@code TOO_MANY_ALIASES}),
 * depth ({@code QUERY_TOO_DEEP}), complexity ({@code QUERY_TOO_COMPLEX}) and, in trusted-documents mode, any
 * document not registered in {@code trusted-documents/} ({@code UNTRUSTED_DOCUMENT}).
 */
@Configuration(proxyBeanMethods = false)
class AbuseLimits {

    @Bean
    MaxQueryDepthInstrumentation maxDepth(@Value("${accountability.limits.max-depth:15}") int maxDepth) {
        return new MaxQueryDepthInstrumentation(maxDepth) {
            @Override
            protected AbortExecutionException mkAbortException(int depth, int max) {
                return new RefusedDocument("QUERY_TOO_DEEP", "The query is " + depth + " levels deep; at most " + max + " are allowed");
            }
        };
    }

    @Bean
    MaxQueryComplexityInstrumentation maxComplexity(@Value("${accountability.limits.max-complexity:20000}") int maxComplexity) {
        // A list multiplies what is asked below it: a connection by its page size (its edges are that page), any
        // other list by a typical 5.
        FieldComplexityCalculator listAware = (environment, childComplexity) -> {
            GraphQLType type = GraphQLTypeUtil.unwrapNonNull(environment.getFieldDefinition().getType());
            Object first = environment.getArguments().get("first");
            boolean edges = environment.getField().getName().equals("edges");
            int factor = first instanceof Integer size ? Math.max(size, 1) : GraphQLTypeUtil.isList(type) && !edges ? 5 : 1;
            Object where = environment.getArguments().get("where");
            return 1 + childComplexity * factor + whereCost(where) + walkCost(environment.getFieldDefinition(), where);
        };
        return new MaxQueryComplexityInstrumentation(maxComplexity, listAware) {
            @Override
            protected AbortExecutionException mkAbortException(int complexity, int max) {
                return new RefusedDocument("QUERY_TOO_COMPLEX", "The query's complexity is " + complexity + "; at most " + max + " is allowed");
            }
        };
    }

    /** What an analyst's {@code where} adds to a field's cost: {@value #WHERE_CONDITION_COST} for each condition in it. */
    static int whereCost(Object where) {
        if (where instanceof java.util.Map<?, ?> map) {
            // An empty object (a quantifier's "any", an element of AND) is a condition too.
            int cost = map.isEmpty() ? WHERE_CONDITION_COST : 0;
            for (Object value : map.values()) {
                cost += WHERE_CONDITION_COST + whereCost(value);
            }
            return cost;
        }
        if (where instanceof java.util.List<?> list) {
            return list.stream().mapToInt(element -> element instanceof java.util.Map<?, ?> m
                    ? WHERE_CONDITION_COST + whereCost(m) : whereCost(element)).sum();
        }
        return 0;
    }

    /**
     * What a field declared {@code @walksAll(weight, narrowedBy)} in the schema adds when its {@code where} names none
     * of {@code narrowedBy} at its top level (a narrowing under OR or NOT narrows nothing): it then checks every record of
     * its kind, one by one.
     */
    static int walkCost(GraphQLFieldDefinition field, Object where) {
        GraphQLAppliedDirective walks = field.getAppliedDirective("walksAll");
        if (walks == null) {
            return 0;
        }
        List<String> narrowedBy = walks.getArgument("narrowedBy").getValue();
        boolean narrowed = where instanceof java.util.Map<?, ?> conditions
                && narrowedBy.stream().anyMatch(name -> conditions.get(name) != null);
        return narrowed ? 0 : walks.getArgument("weight").<Integer>getValue();
    }

    /** A condition's cost: each may add a scan of related nodes for every row it is tested on. */
    static final int WHERE_CONDITION_COST = 25;

    @Bean
    DocumentLimits documentLimits(@Value("${accountability.limits.max-document-length:20000}") int maxLength,
                                  @Value("${accountability.limits.max-aliases:50}") int maxAliases,
                                  @Value("${accountability.limits.trusted-documents-only:false}") boolean trustedOnly)
            throws IOException {
        Set<String> trusted = new HashSet<>();
        for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:trusted-documents/*.graphql")) {
            trusted.add(sha256(resource.getContentAsString(StandardCharsets.UTF_8).strip()));
        }
        return new DocumentLimits(maxLength, maxAliases, trustedOnly ? trusted : null);
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Length, aliases and trust, checked before a document is validated or run. */
    static final class DocumentLimits extends SimplePerformantInstrumentation {

        private final int maxLength;
        private final int maxAliases;
        private final Set<String> trusted;

        DocumentLimits(int maxLength, int maxAliases, Set<String> trusted) {
            this.maxLength = maxLength;
            this.maxAliases = maxAliases;
            this.trusted = trusted;
        }

        @Override
        public InstrumentationContext<graphql.ExecutionResult> beginExecution(InstrumentationExecutionParameters parameters,
                                                                              InstrumentationState state) {
            String query = parameters.getQuery();
            if (query != null && query.length() > maxLength) {
                throw new RefusedDocument("DOCUMENT_TOO_LARGE", "The document has " + query.length()
                        + " characters; at most " + maxLength + " are allowed");
            }
            if (trusted != null && (query == null || !trusted.contains(sha256(query.strip())))) {
                throw new RefusedDocument("UNTRUSTED_DOCUMENT", "Only registered documents run here");
            }
            return SimpleInstrumentationContext.noOp();
        }

        @Override
        public InstrumentationContext<java.util.List<ValidationError>> beginValidation(
                InstrumentationValidationParameters parameters, InstrumentationState state) {
            Document document = parameters.getDocument();
            AtomicInteger aliases = new AtomicInteger();
            new NodeTraverser().preOrder(new NodeVisitorStub() {
                @Override
                public TraversalControl visitField(Field field, TraverserContext<graphql.language.Node> context) {
                    if (field.getAlias() != null && aliases.incrementAndGet() > maxAliases) {
                        return TraversalControl.QUIT;
                    }
                    return TraversalControl.CONTINUE;
                }
            }, document.getChildren());
            if (aliases.get() > maxAliases) {
                throw new RefusedDocument("TOO_MANY_ALIASES", "The document uses more than " + maxAliases + " aliases");
            }
            return SimpleInstrumentationContext.noOp();
        }
    }
}
