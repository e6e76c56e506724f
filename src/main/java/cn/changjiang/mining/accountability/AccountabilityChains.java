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

    /** The chain of a problem; one outside the viewer's jurisdiction is NOT_FOUND, as an unknown id is. */
    List<AccountabilityLink> ofIssue(String issueId, Viewer viewer) {
        if (queries.outside("issue", issueId, scopes.of(viewer, null).districts())) {
            throw new NotFoundException("issueId", "No problem with id " + issueId);
        }
        List<AccountabilityLink> chain = build(List.of(issueId), viewer);
        if (chain.stream().noneMatch(link -> link.level() == ISSUE)) {
            throw new NotFoundException("issueId", "No problem with id " + issueId);
        }
        return chain;
    }

    List<AccountabilityLink> ofMine(String mineId, Viewer viewer) {
        List<String> openIssues = queries.openIssueIdsOfMine(mineId, scopes.of(viewer, null).districts())
                .orElseThrow(() -> new NotFoundException("mineId", "No mine with id " + mineId));
        return build(openIssues, viewer);
    }

    private List<AccountabilityLink> build(List<String> issueIds, Viewer viewer) {
        return ChainAssembly.assemble(queries.chainFacts(issueIds, ReadPolicy.readerUnit(viewer)));
    }
}
