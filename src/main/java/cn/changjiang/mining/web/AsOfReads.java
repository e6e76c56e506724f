package cn.changjiang.mining.web;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.changjiang.mining.audit.PastLedger;
import cn.changjiang.mining.common.ApiException;
import cn.changjiang.mining.common.CampaignTime;
import cn.changjiang.mining.common.ErrorCodes;
import cn.changjiang.mining.graph.PastTransaction;
import cn.changjiang.mining.security.Access;
import graphql.ExecutionResult;
import graphql.GraphqlErrorBuilder;
import graphql.language.Argument;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.StringValue;
import graphql.language.VariableReference;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import org.neo4j.driver.Driver;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Answers a query whose fields say {@code asOf} from the ledger as it stood at that moment. The whole request runs in
 * one {@link PastTransaction}: the changes recorded since are undone in it ({@link PastLedger}), the request's own
 * reads run in it unchanged, with "today" that moment's ({@link CampaignTime#asOf}), and it is rolled back. So every
 * read that takes {@code asOf} answers it with the same rules, read policy and scope as it answers now.
 * <p>
 * One request reads one moment: every {@code asOf} in it must name the same one, and it may not lie in the future.
 * Nothing is rebuilt for a caller who is not signed in (the fields refuse them as always), nor for a mutation or a
 * subscription.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class AsOfReads implements WebGraphQlInterceptor {

    static final String ARGUMENT = "asOf";

    private final Driver driver;
    private final PastLedger ledger;
    private final Access access;
    private final Clock clock;

    AsOfReads(Driver driver, PastLedger ledger, Access access, Clock clock) {
        this.driver = driver;
        this.ledger = ledger;
        this.access = access;
        this.clock = clock;
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        String text = request.getDocument();
        if (text == null || !text.contains(ARGUMENT)) {
            return chain.next(request);
        }
        Set<Instant> moments;
        try {
            moments = moments(Parser.parse(text), request.getOperationName(), request.getVariables());
        } catch (InvalidSyntaxException | DateTimeParseException | ClassCastException e) {
            return chain.next(request); // the engine reports the document or the value as it always does
        }
        if (moments.isEmpty() || !(request instanceof WebSocketGraphQlRequest) && access.viewer().anonymous()) {
            return chain.next(request);
        }
        if (moments.size() > 1) {
            return refused(request, "One request reads one moment: every asOf in it must be the same (got " + moments + ")");
        }
        Instant asOf = moments.iterator().next();
        if (asOf.isAfter(clock.instant())) {
            return refused(request, "asOf " + asOf + " is in the future: the ledger cannot say yet");
        }
        return Mono.fromCallable(() -> {
            try (PastTransaction past = PastTransaction.open(driver, asOf)) {
                try {
                    CampaignTime.asOf(asOf, () -> {
                        ledger.rewindTo(asOf);
                        return null;
                    });
                } catch (ApiException e) {
                    return refused(request, e.getMessage()).block();
                }
                return chain.next(request).contextWrite(context -> context.putAllMap(past.contextEntries())).block();
            }
        });
    }

    /** The moments the operation's fields name in {@code asOf}, literally or through variables. */
    static Set<Instant> moments(Document document, String operationName, Map<String, Object> variables) {
        Map<String, FragmentDefinition> fragments = new HashMap<>();
        document.getDefinitionsOfType(FragmentDefinition.class).forEach(f -> fragments.put(f.getName(), f));
        List<OperationDefinition> operations = document.getDefinitionsOfType(OperationDefinition.class).stream()
                .filter(o -> operationName == null || operationName.equals(o.getName())).toList();
        Set<Instant> moments = new LinkedHashSet<>();
        if (operations.size() == 1 && operations.getFirst().getOperation() == OperationDefinition.Operation.QUERY) {
            collect(operations.getFirst().getSelectionSet(), fragments, variables, moments, new LinkedHashSet<>());
        }
        return moments;
    }

    private static void collect(SelectionSet selections, Map<String, FragmentDefinition> fragments,
                                Map<String, Object> variables, Set<Instant> moments, Set<String> seen) {
        if (selections == null) {
            return;
        }
        for (Selection<?> selection : selections.getSelections()) {
            switch (selection) {
                case Field field -> {
                    for (Argument argument : field.getArguments()) {
                        if (ARGUMENT.equals(argument.getName())) {
                            String value = switch (argument.getValue()) {
                                case StringValue literal -> literal.getValue();
                                case VariableReference variable -> (String) variables.get(variable.getName());
                                default -> null;
                            };
                            if (value != null) {
                                moments.add(OffsetDateTime.parse(value).toInstant());
                            }
                        }
                    }
                    collect(field.getSelectionSet(), fragments, variables, moments, seen);
                }
                case InlineFragment inline -> collect(inline.getSelectionSet(), fragments, variables, moments, seen);
                case FragmentSpread spread -> {
                    FragmentDefinition fragment = fragments.get(spread.getName());
                    if (fragment != null && seen.add(spread.getName())) {
                        collect(fragment.getSelectionSet(), fragments, variables, moments, seen);
                    }
                }
                default -> {
                }
            }
        }
    }

    private static Mono<WebGraphQlResponse> refused(WebGraphQlRequest request, String message) {
        ExecutionResult result = ExecutionResult.newExecutionResult()
                .addError(GraphqlErrorBuilder.newError().message(message).errorType(ErrorType.BAD_REQUEST)
                        .extensions(Map.of("code", ErrorCodes.BAD_REQUEST, "argument", ARGUMENT)).build())
                .build();
        return Mono.just(new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(request.toExecutionInput(), result)));
    }
}
