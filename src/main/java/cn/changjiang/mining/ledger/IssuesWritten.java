package cn.changjiang.mining.ledger;

import java.util.List;

/**
 * Published inside the transaction of every ledger write that can change which departments a mine's open problems
 * need (a report, an assignment, a transition, an outcome, an import batch), so figures kept per mine are brought
 * up to date before the transaction commits. Listeners run synchronously, in that transaction.
 *
 * @param issueIds the problems written
 * @param created  whether they are all new problems (an import): their needs are then added to the mines' figures
 *                 instead of recounting every open problem of those mines
 */
public record IssuesWritten(List<String> issueIds, boolean created) {

    public static IssuesWritten changed(String issueId) {
        return new IssuesWritten(List.of(issueId), false);
    }

    public static IssuesWritten created(List<String> issueIds) {
        return new IssuesWritten(issueIds, true);
    }
}
