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
            return "internal:" + requestId + ":" + java.util.UUID.randomUUID();
        }
        if (!SANE_KEY.matcher(clientKey).matches()) {
            throw new InvalidInputException("idempotencyKey",
                    "An idempotency key is 8–128 characters of letters, digits, '.', '_', ':' or '-'");
        }
        return clientKey;
    }

    /**
     * Claims the key for this operation and input, in the caller's transaction, or returns the id of what an earlier
     * call with the key created.
     */
    public Optional<String> claim(Actor actor, String operation, String key, Object input) {
        String hash = hash(operation, input);
        Claim found = graph.single("""
                MERGE (k:IdempotencyKey {id: $id})
                  ON CREATE SET k.operation = $operation, k.inputHash = $hash, k.actor = $actor,
                                k.internal = $internal, k.createdAt = datetime()
                RETURN {resultId: k.resultId, inputHash: k.inputHash} AS item""",
                Map.of("id", actor.name() + "/" + key, "operation", operation, "hash", hash, "actor", actor.name(),
                        "internal", key.startsWith("internal:")), Claim::from).orElseThrow();
        if (found.resultId() == null) {
            return Optional.empty();
        }
        if (!hash.equals(found.inputHash())) {
            throw new ConflictException("IDEMPOTENCY_KEY_REUSED", "idempotencyKey",
                    "This idempotency key was used for a different request; use a new key for new input");
        }
        return Optional.of(found.resultId());
    }

    /** A key as claimed: what its first call created (null until that call completes) and the hash of its input. */
    record Claim(String resultId, String inputHash) {
        static Claim from(Value v) {
            return new Claim(v.get("resultId").asString(null), v.get("inputHash").asString(null));
        }
    }

    /** Records what the claimed key's call created, in the same transaction. */
    public void complete(Actor actor, String key, String resultId) {
        graph.single("MATCH (k:IdempotencyKey {id: $id}) SET k.resultId = $resultId RETURN k.id AS item",
                Map.of("id", actor.name() + "/" + key, "resultId", resultId), v -> v);
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
