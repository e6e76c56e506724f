package cn.changjiang.mining.audit;

import cn.changjiang.mining.common.Actor;
import cn.changjiang.mining.common.ConflictException;
import cn.changjiang.mining.common.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import cn.changjiang.mining.graph.CypherRunner;
import org.neo4j.driver.Value;
import org.springframework.stereotype.Component;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The idempotency keys of creating mutations, kept in the graph inside the creating transaction. The first call with
 * a key claims it (a unique node per caller and key; a concurrent second call waits on the claim and then sees it) and
 * records what it created; a later call with the same key and the same input gets that result again, one with other
 * input is refused ({@code IDEMPOTENCY_KEY_REUSED}). Keys are per caller: two users never collide.
 */
@Component
public class IdempotencyKeys {

    /** How the server's own keys (for its internal retries) begin. */
    static final String INTERNAL = "internal:";
    private static final Pattern SANE_KEY = Pattern.compile("[A-Za-z0-9._:-]{8,128}");
    private static final JsonMapper CANONICAL = JsonMapper.builder()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private final CypherRunner graph;

    IdempotencyKeys(CypherRunner graph) {
        this.graph = graph;
    }

    /** A client's key, checked, or one of the server's own that makes its internal retries safe. */
    public static String orInternal(String clientKey, String requestId) {
        if (clientKey == null) {
            return INTERNAL + requestId + ":" + java.util.UUID.randomUUID();
        }
        if (!SANE_KEY.matcher(clientKey).matches()) {
            throw new InvalidInputException("idempotencyKey",
                    "An idempotency key is 8–128 characters of letters, digits, '.', '_', ':' or '-'");
        }
        if (clientKey.startsWith(INTERNAL)) {
            // The server's own keys are kept for a shorter while (IdempotencyKeyPruning): a client's must not pass as one.
            throw new InvalidInputException("idempotencyKey", "An idempotency key must not start with '" + INTERNAL + "'");
        }
        return clientKey;
    }

    /**
     * Claims the key for this operation and input, in the caller's transaction, or returns the id of what an earlier
     * call with the key created.
     */
    public Optional<String> claim(Actor actor, String operation, String key, Object input) {
        Claiming claiming = claiming(actor, operation, key, input);
        return claiming.answer(graph.writeSingle(claiming.cypher() + " RETURN claim AS item", claiming.parameters(), v -> v)
                .orElseThrow());
    }

    /**
     * The claim of a key as a part of another statement (to read it in the same round trip as a write's checks):
     * {@link Claiming#cypher()} binds {@code claim}, which {@link Claiming#answer} turns into what {@link #claim}
     * returns. The claim is taken when the statement runs; a refusal afterwards rolls it back with the transaction.
     */
    public Claiming claiming(Actor actor, String operation, String key, Object input) {
        return new Claiming(actor.name() + "/" + key, operation, hash(operation, input), actor.name(),
                key.startsWith(INTERNAL));
    }

    /** One key's claim, as Cypher with parameters of their own ({@code $claim…}). */
    public record Claiming(String id, String operation, String hash, String actor, boolean internal) {

        public String cypher() {
            return """
                    CALL () {
                      MERGE (k:IdempotencyKey {id: $claimId})
                        ON CREATE SET k.operation = $claimOperation, k.inputHash = $claimHash, k.actor = $claimActor,
                                      k.internal = $claimInternal, k.createdAt = datetime()
                      RETURN {resultId: k.resultId, inputHash: k.inputHash} AS claim
                    }""";
        }

        public Map<String, Object> parameters() {
            return Map.of("claimId", id, "claimOperation", operation, "claimHash", hash, "claimActor", actor,
                    "claimInternal", internal);
        }

        /** What the claim found: empty when this call is the first; the earlier result; or a refusal for other input. */
        public Optional<String> answer(Value claim) {
            Claim found = Claim.from(claim);
            if (found.resultId() == null) {
                return Optional.empty();
            }
            if (!hash.equals(found.inputHash())) {
                throw new ConflictException("IDEMPOTENCY_KEY_REUSED", "idempotencyKey",
                        "This idempotency key was used for a different request; use a new key for new input");
            }
            return Optional.of(found.resultId());
        }
    }

    /** A key as claimed: what its first call created (null until that call completes) and the hash of its input. */
    record Claim(String resultId, String inputHash) {
        static Claim from(Value v) {
            return new Claim(v.get("resultId").asString(null), v.get("inputHash").asString(null));
        }
    }

    /** Records what the claimed key's call created, in the same transaction (with its other deferred writes). */
    public void complete(Actor actor, String key, String resultId) {
        graph.defer("MATCH (k:IdempotencyKey {id: $id}) SET k.resultId = $resultId",
                Map.of("id", actor.name() + "/" + key, "resultId", resultId));
    }

    private static String hash(String operation, Object input) {
        try {
            byte[] canonical = (operation + "\n" + CANONICAL.writeValueAsString(input)).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
