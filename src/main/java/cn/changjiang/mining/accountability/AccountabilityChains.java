package cn.changjiang.mining.accountability;

import java.util.List;

import cn.changjiang.mining.common.NotFoundException;
import cn.changjiang.mining.security.ReadPolicy;
import cn.changjiang.mining.common.Viewer;
import cn.changjiang.mining.plan.Scopes;
import org.springframework.stereotype.Service;

import static cn.changjiang.mining.accountability.AccountabilityLink.ISSUE;

/**
 * Chains of accountability of a problem or of a mine's open problems: one query for the facts, then
 * {@link ChainAssembly} builds the chain (its order is defined there).
 */
@Service
class AccountabilityChains {

    private final ChainQueries queries;
    private final Scopes scopes;

    AccountabilityChains(ChainQueries queries, Scopes scopes) {
        this.queries = queries;
        this.scopes = scopes;
    }

    /**
     * The chain of a problem; one outside the viewer's jurisdiction is NOT_FOUND, as an unknown id is. The scope is
     * part of the chain's one query: a problem outside it has no facts, exactly as an unknown one.
     */
    List<AccountabilityLink> ofIssue(String issueId, Viewer viewer) {
        List<AccountabilityLink> chain = ChainAssembly.assemble(queries.chainFacts(List.of(issueId),
                scopes.of(viewer, null).districts(), ReadPolicy.readerUnit(viewer)));
        if (chain.stream().noneMatch(link -> link.level() == ISSUE)) {
            throw new NotFoundException("issueId", "No problem with id " + issueId);
        }
        return chain;
    }

    /** The chain of a mine's open problems, found in the viewer's jurisdiction first. */
    List<AccountabilityLink> ofMine(String mineId, Viewer viewer) {
        List<String> openIssues = queries.openIssueIdsOfMine(mineId, scopes.of(viewer, null).districts())
                .orElseThrow(() -> new NotFoundException("mineId", "No mine with id " + mineId));
        return ChainAssembly.assemble(queries.chainFacts(openIssues, null, ReadPolicy.readerUnit(viewer)));
    }
}
